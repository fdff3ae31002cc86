"""The outputs pages for staff and the person's review of their contributions."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from powerwith.consent.models import ConsentEvent, Output, UseChoice
from powerwith.consent.services import grant_consent
from powerwith.consent.usability import usability
from tests.conftest import date_fields, logged_in, make_expert
from tests.consent.factories import opportunity_of, output_of, own
from tests.engagements.factories import accepted_offer
from tests.opportunities.factories import person


def test_a_coordinator_adds_an_output_through_the_page(
    client, expert_at_riverside, riverside_coordinator
):
    opportunity = opportunity_of(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    answer = client.post(
        "/outputs/new/",
        {
            "title": "Ward stories",
            "kind": "narrative",
            "opportunity_id": opportunity.pk,
            "contributors": [expert_at_riverside.pk],
            "uses": ["share_internally", "publish"],
        },
    )
    output = Output.objects.get()
    assert answer.status_code == 302
    assert answer["Location"] == f"/outputs/{output.pk}/"
    page = client.get(answer["Location"]).content.decode()
    assert "Alex has not given consent to publish it." in page
    listing = client.get("/outputs/").content.decode()
    assert "Ward stories" in listing
    assert "Nothing yet" in listing


def test_a_bad_output_form_is_shown_again_and_nothing_is_written(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    answer = client.post("/outputs/new/", {"title": "", "kind": "poem"})
    assert answer.status_code == 400
    assert "There is a problem" in answer.content.decode()
    assert not Output.objects.exists()


def test_the_list_shows_only_usable_uses_as_usable(
    client, expert_at_riverside, riverside_coordinator
):
    output = output_of(riverside_coordinator, expert_at_riverside, uses=["publish"])
    grant_consent(
        person=expert_at_riverside,
        scope="publish",
        actor=own(expert_at_riverside, output.organisation_id),
        opportunity=output.opportunity,
    )
    page = logged_in(client, riverside_coordinator.user).get("/outputs/").content.decode()
    assert 'govuk-tag--green govuk-!-margin-bottom-1">Publish outside the organisation' in page


def test_another_organisations_output_page_is_a_404(
    client, expert_at_riverside, riverside_coordinator, hillview_admin
):
    output = output_of(riverside_coordinator, expert_at_riverside)
    logged_in(client, hillview_admin.user)
    assert client.get(f"/outputs/{output.pk}/").status_code == 404


def test_an_expert_cannot_open_the_staff_outputs_pages(
    client, expert_at_riverside, riverside_coordinator
):
    output = output_of(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    assert client.get("/outputs/").status_code == 403
    assert client.get(f"/outputs/{output.pk}/").status_code == 403
    assert client.get("/outputs/new/").status_code == 403


def test_the_person_reviews_a_use_named_with_an_end_date(
    client, expert_at_riverside, riverside_coordinator
):
    output = output_of(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    assert "/my-consents/outputs/" in client.get("/my-consents/").content.decode()
    assert (
        f"/my-consents/outputs/{output.pk}/" in client.get("/my-consents/outputs/").content.decode()
    )
    ends = timezone.localdate() + timedelta(days=30)
    answer = client.post(
        f"/my-consents/outputs/{output.pk}/",
        {
            "use_form": "publish",
            "publish-answer": "yes",
            "publish-named": "named",
            **date_fields("publish-expires_on", ends),
        },
    )
    assert answer.status_code == 302
    choice = UseChoice.objects.get()
    assert (choice.use, choice.named, choice.expires_on) == ("publish", True, ends)
    assert usability(output).usable["publish"]
    answer = client.post(
        f"/my-consents/outputs/{output.pk}/", {"use_form": "publish", "publish-answer": "no"}
    )
    assert answer.status_code == 302
    assert not usability(output).usable["publish"]


def test_a_review_without_an_answer_is_shown_again_and_nothing_is_written(
    client, expert_at_riverside, riverside_coordinator
):
    output = output_of(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    answer = client.post(f"/my-consents/outputs/{output.pk}/", {"use_form": "publish"})
    assert answer.status_code == 400
    assert "Choose yes or no." in answer.content.decode()
    assert not ConsentEvent.objects.exists()


def test_someone_elses_output_is_a_404_on_the_persons_pages(
    client, riverside, expert_at_riverside, riverside_coordinator
):
    jo = make_expert("jo@people.example", "Jo", riverside)
    output = output_of(riverside_coordinator, jo)
    logged_in(client, expert_at_riverside.user)
    assert client.get(f"/my-consents/outputs/{output.pk}/").status_code == 404


def test_the_contact_person_opens_the_output_from_their_take_down_task(
    client, expert_at_riverside, riverside_coordinator, riverside_contact
):
    from powerwith.consent.services import withdraw_consent
    from powerwith.inbox.models import ActionNeeded

    opportunity = opportunity_of(riverside_coordinator)
    opportunity.contact_user = riverside_contact.user
    opportunity.save()
    output = output_of(riverside_coordinator, expert_at_riverside, opportunity=opportunity)
    me = own(expert_at_riverside, output.organisation_id)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me, opportunity=opportunity)
    withdraw_consent(person=expert_at_riverside, scope="publish", actor=me, opportunity=opportunity)
    task = ActionNeeded.objects.get(assignee=riverside_contact.user)
    page = logged_in(client, riverside_contact.user).get(task.link)
    assert page.status_code == 200
    assert "Alex withdrew consent to publish it" in page.content.decode()


def test_the_contributors_listed_are_the_people_who_took_part_not_the_whole_register(
    client, expert_at_riverside, riverside_coordinator
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    person(riverside_coordinator, "Bea")
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/outputs/new/?opportunity={offer.opportunity_id}").content.decode()
    assert f'name="contributors" value="{expert_at_riverside.pk}"' in page
    assert "Bea" not in page
    assert "Find someone else on your register" in page


def test_someone_else_is_found_by_name_keeping_what_was_typed_and_saving_nothing(
    client, expert_at_riverside, riverside_coordinator
):
    work = opportunity_of(riverside_coordinator)
    bea = person(riverside_coordinator, "Bea")
    person(riverside_coordinator, "Cal")
    logged_in(client, riverside_coordinator.user)
    answer = client.post(
        "/outputs/new/",
        {"title": "Ward stories", "opportunity_id": work.pk, "find_name": "be", "find": "1"},
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "There is a problem" not in page
    assert 'value="Ward stories"' in page
    assert f'name="contributors" value="{bea.pk}"' in page
    assert "Found for “be”: Bea. Tick those who contributed." in page
    assert "Cal" not in page
    assert not Output.objects.exists()


def test_a_ticked_contributor_stays_listed_and_a_stranger_is_refused(
    client, expert_at_riverside, riverside_coordinator, hillview_coordinator
):
    work = opportunity_of(riverside_coordinator)
    bea = person(riverside_coordinator, "Bea")
    stranger = person(hillview_coordinator, "Stranger")
    logged_in(client, riverside_coordinator.user)
    sent = {"title": "", "kind": "narrative", "opportunity_id": work.pk, "uses": ["publish"]}
    again = client.post("/outputs/new/", {**sent, "contributors": [bea.pk]}).content.decode()
    assert f'name="contributors" value="{bea.pk}"' in again
    refused = client.post("/outputs/new/", {**sent, "title": "T", "contributors": [stranger.pk]})
    assert refused.status_code == 400
    assert not Output.objects.exists()


def test_the_autocomplete_finds_people_on_the_organisations_own_register_only(
    client, riverside_coordinator, hillview_coordinator
):
    bea = person(riverside_coordinator, "Bea")
    person(riverside_coordinator, "Cal")
    person(hillview_coordinator, "Beatrice")
    logged_in(client, riverside_coordinator.user)
    answer = client.get("/outputs/new/people/", {"name": "be"})
    assert answer.status_code == 200
    assert answer.json() == {"people": [{"id": bea.pk, "name": "Bea"}]}
    assert client.get("/outputs/new/people/").json() == {"people": []}


def test_only_those_who_add_outputs_may_search_the_register_for_contributors(
    client, riverside_coordinator, expert_at_riverside
):
    person(riverside_coordinator, "Bea")
    logged_in(client, expert_at_riverside.user)
    answer = client.get("/outputs/new/people/", {"name": "be"})
    assert answer.status_code == 403
    assert "Bea" not in answer.content.decode()

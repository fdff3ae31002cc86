from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import consents_of
from powerwith.consent.services import grant_consent
from tests.conftest import logged_in
from tests.consent.factories import opportunity_of


def give(person, organisation, scope, **context):
    me = person.user.memberships.get(organisation=organisation)
    return grant_consent(person=person, scope=scope, actor=me, **context)


def test_the_page_lists_the_persons_consents_with_a_withdraw_button(
    client, expert_at_riverside, riverside, riverside_coordinator
):
    opportunity = opportunity_of(riverside_coordinator, "Training day")
    give(expert_at_riverside, riverside, "publish")
    give(expert_at_riverside, riverside, "take_part", opportunity=opportunity)
    page = logged_in(client, expert_at_riverside.user).get("/my-consents/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Publish outside the organisation" in html
    assert "For: Training day" in html
    # Withdrawing consent to take part is leaving the work: its button opens the page
    # that says what happens first; other consents are withdrawn in one step.
    assert html.count('name="scope"') == 1
    leave = (
        f"/my-consents/leave/?organisation_id={riverside.pk}&amp;opportunity_id={opportunity.pk}"
    )
    assert f'href="{leave}"' in html
    assert "You do not have to give a reason" in html


def test_withdrawing_takes_one_step_and_asks_no_reason(client, expert_at_riverside, riverside):
    give(expert_at_riverside, riverside, "publish")
    answer = logged_in(client, expert_at_riverside.user).post(
        "/my-consents/withdraw/", {"scope": "publish"}, follow=True
    )
    assert "You have withdrawn your consent: Publish outside the organisation." in (
        answer.content.decode()
    )
    (state,) = consents_of(expert_at_riverside, riverside)
    assert state.state == "withdrawn"
    assert ConsentEvent.objects.filter(action="withdraw", method="self").count() == 1


def test_withdrawing_a_consent_never_given_is_refused_with_a_message(client, expert_at_riverside):
    answer = logged_in(client, expert_at_riverside.user).post(
        "/my-consents/withdraw/", {"scope": "monetise"}
    )
    assert answer.status_code == 409
    assert "There is a problem" in answer.content.decode()
    assert not ConsentEvent.objects.exists()


def test_an_unknown_scope_is_a_400_and_nothing_is_written(client, expert_at_riverside):
    answer = logged_in(client, expert_at_riverside.user).post(
        "/my-consents/withdraw/", {"scope": "everything"}
    )
    assert answer.status_code == 400
    assert not ConsentEvent.objects.exists()


def test_staff_without_a_profile_are_not_shown_the_page(client, riverside_coordinator):
    page = logged_in(client, riverside_coordinator.user).get("/my-consents/")
    assert page.status_code == 404


def test_withdrawal_needs_a_post(client, expert_at_riverside):
    answer = logged_in(client, expert_at_riverside.user).get("/my-consents/withdraw/")
    assert answer.status_code == 405


def test_a_consent_that_lapses_soon_can_be_agreed_again_in_one_step(
    client, expert_at_riverside, riverside, time_machine
):
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    time_machine.move_to(timezone.now() - timedelta(days=350), tick=False)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    time_machine.move_to(timezone.now() + timedelta(days=350), tick=False)
    client.force_login(expert_at_riverside.user)
    page = client.get("/my-consents/").content.decode()
    assert "I still agree" in page
    answer = client.post("/my-consents/reconfirm/", {"scope": "publish"})
    assert answer.status_code == 302
    assert ConsentEvent.objects.latest("id").action == "reconfirm"
    assert "I still agree" not in client.get("/my-consents/").content.decode()


def test_someone_who_works_with_two_organisations_sees_both_without_switching(
    client, expert_at_both, riverside, hillview
):
    give(expert_at_both, riverside, "publish")
    give(expert_at_both, hillview, "be_quoted")
    # Sam is acting in Riverside; what she agreed with Hillview is on the same page.
    page = logged_in(client, expert_at_both.user).get("/my-consents/")
    html = page.content.decode()
    assert page.status_code == 200
    heading = f'<h2 class="govuk-heading-m" id="organisation-{riverside.pk}">{riverside.name}</h2>'
    assert heading in html
    heading = f'<h2 class="govuk-heading-m" id="organisation-{hillview.pk}">{hillview.name}</h2>'
    assert heading in html
    assert "Publish outside the organisation" in html
    assert "Be quoted" in html


def test_a_consent_with_the_other_organisation_is_withdrawn_without_switching(
    client, expert_at_both, riverside, hillview
):
    give(expert_at_both, riverside, "be_quoted")
    give(expert_at_both, hillview, "be_quoted")
    logged_in(client, expert_at_both.user).post(
        "/my-consents/withdraw/", {"scope": "be_quoted", "organisation_id": hillview.pk}
    )
    assert [s.state for s in consents_of(expert_at_both, hillview)] == ["withdrawn"]
    assert [s.state for s in consents_of(expert_at_both, riverside)] == ["given"]


def test_naming_an_organisation_the_person_does_not_work_with_changes_nothing(
    client, expert_at_riverside, riverside, hillview
):
    give(expert_at_riverside, riverside, "be_quoted")
    answer = logged_in(client, expert_at_riverside.user).post(
        "/my-consents/withdraw/", {"scope": "be_quoted", "organisation_id": hillview.pk}
    )
    assert answer.status_code == 404
    assert [s.state for s in consents_of(expert_at_riverside, riverside)] == ["given"]


def test_leaving_one_piece_of_work_from_the_consents_page_leaves_only_that_work(
    client, expert_at_both, riverside, riverside_coordinator, hillview, hillview_coordinator
):
    panel = opportunity_of(riverside_coordinator, "Interview panel")
    training = opportunity_of(riverside_coordinator, "Training day")
    review = opportunity_of(hillview_coordinator, "Service review")
    give(expert_at_both, riverside, "take_part", opportunity=panel)
    give(expert_at_both, riverside, "take_part", opportunity=training)
    give(expert_at_both, hillview, "take_part", opportunity=review)
    me = logged_in(client, expert_at_both.user)
    leave = f"/my-consents/leave/?organisation_id={hillview.pk}&opportunity_id={review.pk}"
    page = me.get(leave)
    assert "Leave this work: Service review" in page.content.decode()
    # The form sends what the link named: only that work, with that organisation.
    assert f'action="{leave.replace("&", "&amp;")}"' in page.content.decode()
    me.post(leave)
    assert [s.state for s in consents_of(expert_at_both, hillview)] == ["withdrawn"]
    assert {s.state for s in consents_of(expert_at_both, riverside)} == {"given"}

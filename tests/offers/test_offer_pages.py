"""The offer pages: the coordinator makes, reads, changes, sends and withdraws an offer
and answers questions; the person reads it in plain words, in the format they read
best, and accepts it, says no or asks a question."""

from __future__ import annotations

import html

import pytest
from django.core import mail

from powerwith.offers import display as offer_display
from powerwith.offers import services
from powerwith.offers.models import Offer, OfferStatus, OfferVersion
from powerwith.opportunities.rules import RequirementInput
from tests.conftest import logged_in
from tests.offers.factories import (
    BLOCKED_MESSAGE,
    STYLE_WARNING_MESSAGE,
    complete_opportunity,
    draft_offer,
    sent_offer,
)
from tests.opportunities.factories import opportunity as plain_opportunity
from tests.opportunities.factories import person

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return html.unescape(response.content.decode())


RESTRAINT = "direct.restrictive_interventions"

# The coordinator's pages


def test_make_an_offer_from_the_matches_page_posts_a_person(
    client, riverside_coordinator, expert_at_riverside
):
    opportunity = complete_opportunity(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    path = f"/opportunities/{opportunity.pk}/offers/new/"
    response = client.post(path, {"person_id": expert_at_riverside.pk})
    offer = Offer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/offers/{offer.pk}/"
    again = client.post(path, {"person_id": expert_at_riverside.pk})
    assert again["Location"] == f"/offers/{offer.pk}/"  # to the offer they already have
    assert Offer.objects.count() == 1


def test_a_plain_visit_offers_a_choice_of_active_people(
    client, riverside_coordinator, expert_at_riverside
):
    opportunity = complete_opportunity(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/opportunities/{opportunity.pk}/offers/new/")
    assert f'<option value="{expert_at_riverside.pk}">Alex</option>' in text(page)
    refused = client.post(f"/opportunities/{opportunity.pk}/offers/new/", {"person_id": ""})
    assert refused.status_code == 400
    assert "Choose who the offer is for." in text(refused)
    assert Offer.objects.count() == 0


def test_the_offer_page_lists_what_is_missing_with_links_and_the_clarity_findings(
    client, riverside_coordinator, expert_at_riverside
):
    offer = services.create_offer(
        by=riverside_coordinator,
        opportunity=complete_opportunity(riverside_coordinator, contact_user=None),
        person=expert_at_riverside,
    )
    services.change_terms(offer, by=riverside_coordinator, terms={"message": BLOCKED_MESSAGE})
    page = text(logged_in(client, riverside_coordinator.user).get(f"/offers/{offer.pk}/"))
    assert "The offer cannot be sent yet" in page
    assert 'href="#id_adjustments">The reasonable adjustments agreed' in page
    # The opportunity's own terms are put right on the opportunity's page.
    [contact] = offer_display.gaps(offer, ["contact_person"])
    assert contact.href.startswith(f"/opportunities/{offer.opportunity_id}/")
    assert f'href="{contact.href}">The appointed contact person' in page
    # Words that block sending are in the same summary, linked to the box they are in.
    assert (
        'href="#id_message">“hopefully” is speculative in this offer\'s message to the person'
        in page
    )
    assert "“hopefully” is speculative" in page
    # No box to tick lets speculation through.
    assert "I have read the clarity warnings" not in page
    assert "It's OK to say no." in page


def test_blocking_words_on_the_opportunity_link_to_their_box_on_its_form(
    client, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(
        riverside_coordinator, expert_at_riverside, purpose="This could lead to paid work."
    )
    logged_in(client, riverside_coordinator.user)
    refused = client.post(f"/offers/{offer.pk}/send/", {"acknowledge_warnings": "on"})
    assert refused.status_code == 409
    page = text(refused)
    assert "<title>Error: " in page
    assert "There is a problem: the offer cannot be sent yet" in page
    edit = f"/opportunities/{offer.opportunity_id}/edit/#id_purpose"
    assert (
        f'href="{edit}">“could lead to paid work” is speculative in the opportunity\'s purpose '
        "— shared by every offer of this opportunity</a>"
    ) in page
    # The anchor is a real box on the opportunity's form.
    form = text(client.get(f"/opportunities/{offer.opportunity_id}/edit/"))
    assert 'id="id_purpose"' in form
    assert OfferVersion.objects.count() == 0


def test_sending_with_style_warnings_asks_for_the_checkbox_then_sends(
    client, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    saved = client.post(
        f"/offers/{offer.pk}/terms/", {**offer.terms, "message": STYLE_WARNING_MESSAGE}
    )
    assert saved.status_code == 302
    refused = client.post(f"/offers/{offer.pk}/send/")
    assert refused.status_code == 409
    assert 'href="#id_acknowledge_warnings"' in text(refused)
    assert OfferVersion.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/offers/{offer.pk}/send/", {"acknowledge_warnings": "on"})
    assert sent.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    assert len(mail.outbox) == 1


def test_changing_a_sent_offer_makes_it_a_draft_again(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/offers/{offer.pk}/terms/", {**offer.terms, "message": "New dates below."}, follow=True
    )
    assert "The offer is a draft again: send it again." in text(response)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT


def test_withdrawing_asks_first(client, riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    assert "A withdrawn offer cannot be sent again." in text(
        client.get(f"/offers/{offer.pk}/withdraw/")
    )
    assert client.post(f"/offers/{offer.pk}/withdraw/").status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN
    again = client.post(f"/offers/{offer.pk}/withdraw/")
    assert again.status_code == 409
    assert "govuk-error-summary" in text(again)
    assert "<title>Error: " in text(again)


def test_the_coordinator_answers_a_question(client, riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    services.ask_question(offer, user=expert_at_riverside.user, text="Is there parking?")
    logged_in(client, riverside_coordinator.user)
    assert "Is there parking?" in text(client.get(f"/offers/{offer.pk}/"))
    empty = client.post(f"/offers/{offer.pk}/answers/", {"text": ""})
    assert empty.status_code == 400
    assert "Write your answer." in text(empty)
    assert client.post(f"/offers/{offer.pk}/answers/", {"text": "Yes."}).status_code == 302


def test_staff_of_another_organisation_get_404(
    client, hillview_coordinator, riverside_coordinator, expert_at_both
):
    offer = draft_offer(riverside_coordinator, expert_at_both)
    logged_in(client, hillview_coordinator.user)
    for path in ["", "withdraw/"]:
        assert client.get(f"/offers/{offer.pk}/{path}").status_code == 404
    for path in ["terms/", "send/", "answers/", "withdraw/"]:
        assert client.post(f"/offers/{offer.pk}/{path}", {"text": "x"}).status_code == 404
    opportunity = offer.opportunity_id
    assert client.get(f"/opportunities/{opportunity}/offers/new/").status_code == 404


def test_an_auditor_can_neither_read_nor_change_offers(
    client, riverside_auditor, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_auditor.user)
    page = text(client.get(f"/offers/{offer.pk}/"))
    assert "Send the offer" not in page
    assert client.post(f"/offers/{offer.pk}/send/").status_code == 403
    assert client.get(f"/offers/{offer.pk}/withdraw/").status_code == 403
    assert client.get("/offers/").status_code == 403  # offers name people


# The person's own pages


def test_the_person_sees_only_offers_sent_to_them(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    sent = sent_offer(riverside_coordinator, expert_at_riverside)
    draft = draft_offer(riverside_coordinator, expert_at_both)
    logged_in(client, expert_at_riverside.user)
    listing = text(client.get("/my-offers/"))
    assert f"/my-offers/{sent.pk}/" in listing
    assert "It's OK to say no" in listing
    assert client.get(f"/my-offers/{draft.pk}/").status_code == 404
    logged_in(client, expert_at_both.user)
    assert client.get(f"/my-offers/{draft.pk}/").status_code == 404  # never sent
    assert client.get(f"/my-offers/{sent.pk}/").status_code == 404  # someone else's
    assert client.post(f"/my-offers/{sent.pk}/accept/", {"version": 1}).status_code == 404


def test_the_offer_page_says_it_is_ok_to_say_no_and_recommends_the_persons_format(
    client, riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.formats = ["large_print"]
    expert_at_riverside.save()
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    page = text(logged_in(client, expert_at_riverside.user).get(f"/my-offers/{offer.pk}/"))
    assert "It's OK to say no" in page
    formats = page.index("Read this offer another way")
    first = page.index("render/?format=", formats)
    assert page[first : first + 30].startswith("render/?format=large-print-pdf")
    assert "Recommended for you" in page
    assert "Riverside House, 1 Mill Lane, Leeds" in page
    assert "£25.00 an hour" in page


def test_the_person_accepts_and_after_a_change_must_accept_again(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    accepted = client.post(f"/my-offers/{offer.pk}/accept/", {"version": 1}, follow=True)
    assert "You have accepted this offer." in text(accepted)
    services.change_terms(offer, by=riverside_coordinator, terms={"message": "New dates below."})
    assert "is changing this offer" in text(client.get(f"/my-offers/{offer.pk}/"))
    services.send_offer(offer, by=riverside_coordinator)
    page = text(client.get(f"/my-offers/{offer.pk}/"))
    assert "This offer has changed since you accepted it" in page
    assert "the message to you" in page
    stale = client.post(f"/my-offers/{offer.pk}/accept/", {"version": 1})
    assert stale.status_code == 409
    assert "changed since you read it" in text(stale)
    assert client.post(f"/my-offers/{offer.pk}/accept/", {"version": 2}).status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.version) == (OfferStatus.ACCEPTED, 2)


def test_saying_no_asks_once_and_never_asks_why(client, riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    confirm = text(client.get(f"/my-offers/{offer.pk}/decline/"))
    assert "You do not have to give a reason" in confirm
    assert "<textarea" not in confirm
    assert client.post(f"/my-offers/{offer.pk}/decline/").status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    assert "You said no to this offer" in text(client.get(f"/my-offers/{offer.pk}/"))
    again = client.post(f"/my-offers/{offer.pk}/decline/")
    assert again.status_code == 409
    assert "govuk-error-summary" in text(again)
    assert "<title>Error: " in text(again)


def test_the_person_asks_a_question(
    client, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    mail.outbox.clear()
    logged_in(client, expert_at_riverside.user)
    empty = client.post(f"/my-offers/{offer.pk}/questions/", {"text": ""})
    assert empty.status_code == 400
    assert "Write your question." in text(empty)
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(f"/my-offers/{offer.pk}/questions/", {"text": "Is there parking?"})
    assert asked.status_code == 302
    assert mail.outbox[0].to == ["coordinator@riverside.example"]
    assert "Is there parking?" in text(client.get(f"/my-offers/{offer.pk}/"))


def test_an_expert_following_a_staff_link_lands_on_their_own_page(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    response = logged_in(client, expert_at_riverside.user).get(f"/offers/{offer.pk}/")
    assert response["Location"] == f"/my-offers/{offer.pk}/"


def test_the_offers_list_shows_only_this_organisations_offers(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    ours = draft_offer(riverside_coordinator, expert_at_both)
    theirs = draft_offer(hillview_coordinator, expert_at_both)
    page = text(logged_in(client, riverside_coordinator.user).get("/offers/"))
    assert f"/offers/{ours.pk}/" in page
    assert f"/offers/{theirs.pk}/" not in page


def test_the_person_picker_lists_the_people_matched_first_and_marks_them(
    client, riverside_coordinator
):
    person(riverside_coordinator, "Aaron")
    person(riverside_coordinator, "Zoe", (RESTRAINT, "mental_health"))
    wanted = plain_opportunity(riverside_coordinator, RequirementInput(RESTRAINT, essential=True))
    logged_in(client, riverside_coordinator.user)
    page = text(client.get(f"/opportunities/{wanted.pk}/offers/new/"))
    assert 'data-pw-autocomplete="true"' in page
    matched = page.index('<optgroup label="Matched to this opportunity">')
    everyone = page.index('<optgroup label="Everyone else active on your register">')
    assert matched < page.index("Zoe (matched)") < everyone < page.index(">Aaron<")
    assert page.count(">Zoe") == 1


def test_the_person_picker_is_one_plain_list_when_no_one_is_matched(
    client, riverside_coordinator, expert_at_riverside
):
    wanted = plain_opportunity(riverside_coordinator, RequirementInput(RESTRAINT, essential=True))
    logged_in(client, riverside_coordinator.user)
    page = text(client.get(f"/opportunities/{wanted.pk}/offers/new/"))
    assert "<optgroup" not in page
    assert f'<option value="{expert_at_riverside.pk}">Alex</option>' in page

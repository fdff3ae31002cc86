"""The pages where staff record what a person told them, and where a person with a login
chooses whether staff may."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from powerwith.consent.models import ConsentEvent
from powerwith.engagements.models import CheckKind, Session, WellbeingCheck
from powerwith.engagements.services.sessions import record_attendance
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.offers.models import Offer, OfferStatus
from powerwith.payments.models import Claim
from powerwith.people.models import ActedFor
from tests.conftest import logged_in
from tests.offers.factories import sent_offer
from tests.workflows.factories import booked_on_their_word, no_login

pytestmark = pytest.mark.django_db


def test_the_offer_page_links_to_record_what_the_person_said(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    page = logged_in(client, riverside_coordinator.user).get(
        reverse("offers:offer", args=[offer.pk])
    )
    assert "Record what Nia told you" in page.content.decode()


def test_the_offer_page_offers_no_such_link_for_a_person_with_a_login(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, riverside_coordinator.user).get(
        reverse("offers:offer", args=[offer.pk])
    )
    assert "told you</a>" not in page.content.decode()


def test_a_coordinator_records_an_acceptance_from_a_letter(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    browser = logged_in(client, riverside_coordinator.user)
    assert browser.get(url).status_code == 200
    response = browser.post(
        url, {"answer": "accept", "method": "letter", "told_note": "Reply slip"}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    acted = ActedFor.objects.get()
    assert (acted.method, acted.note) == ("letter", "Reply slip")
    page = browser.get(reverse("offers:offer", args=[offer.pk])).content.decode()
    assert "Recorded for Nia, who told them by letter: Reply slip" in page


def test_an_empty_form_says_what_is_missing(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    response = logged_in(client, riverside_coordinator.user).post(url, {})
    assert response.status_code == 400
    assert "Choose what the person said" in response.content.decode()
    assert "Choose how the person told you" in response.content.decode()


def test_the_page_refuses_for_a_person_with_a_login_who_has_not_allowed_it(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    browser = logged_in(client, riverside_coordinator.user)
    assert "has a login of their own" in browser.get(url).content.decode()
    response = browser.post(url, {"answer": "accept", "method": "phone"})
    assert response.status_code == 403
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_another_organisations_offer_is_not_found(
    client, riverside_coordinator, hillview_coordinator
):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("offers:offer_record_answer", args=[offer.pk])
    response = logged_in(client, hillview_coordinator.user).post(
        url, {"answer": "accept", "method": "phone"}
    )
    assert response.status_code == 404


def test_a_person_allows_staff_to_record_their_answers(client, expert_at_riverside):
    browser = logged_in(client, expert_at_riverside.user)
    profile = browser.get(reverse("people:my_profile")).content.decode()
    assert "No, you answer yourself" in profile
    response = browser.post(reverse("people:my_staff_may_act"), {"allowed": "yes"})
    assert response.status_code == 302
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.staff_may_act_for_me
    profile = browser.get(reverse("people:my_profile")).content.decode()
    assert "Yes, when you tell them another way" in profile


def test_choosing_nothing_says_so(client, expert_at_riverside):
    response = logged_in(client, expert_at_riverside.user).post(
        reverse("people:my_staff_may_act"), {}
    )
    assert response.status_code == 400
    assert "Choose yes or no" in response.content.decode()


@pytest.fixture
def took_part(riverside_coordinator, riverside_contact):
    """Nia, who has no login, told us on the phone she accepts and takes part, and took
    part in a session two days ago."""
    booking = booked_on_their_word(
        riverside_coordinator, no_login(riverside_coordinator), contact=riverside_contact.user
    )
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=2)
    )
    booking.session.refresh_from_db()
    return booking


def test_a_wellbeing_check_told_on_the_phone_is_recorded_from_its_page(
    client, riverside_contact, took_part
):
    check = took_part.wellbeing_checks.get(kind=CheckKind.END)
    WellbeingCheck.objects.filter(pk=check.pk).update(due_at=took_part.session.starts_at)
    browser = logged_in(client, riverside_contact.user)
    staff_page = browser.get(reverse("engagements:wellbeing_check_staff", args=[check.pk]))
    assert "Record what Nia told you" in staff_page.content.decode()
    url = reverse("engagements:wellbeing_check_record", args=[check.pk])
    assert browser.post(url, {}).status_code == 400
    response = browser.post(url, {"feeling": "4", "method": "phone"})
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.feeling == 4
    assert ActedFor.objects.get(subject="wellbeing_check").method == "phone"


def test_a_claim_form_sent_by_post_is_recorded_from_the_offer_page(
    client, riverside_coordinator, took_part
):
    offer = Offer.objects.get(person=took_part.person, status="accepted")
    browser = logged_in(client, riverside_coordinator.user)
    page = browser.get(reverse("offers:offer", args=[offer.pk])).content.decode()
    assert "Record a claim Nia made for their time" in page
    url = reverse("payments:record_time_claim", args=[offer.pk])
    assert browser.post(url, {}).status_code == 400
    response = browser.post(url, {"session_id": took_part.session_id, "method": "letter"})
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.person, claim.kind) == (took_part.person, "time")
    # Staff see in the claim's history that it was recorded on Nia's word, and how.
    detail = browser.get(reverse("payments:claim", args=[claim.pk])).content.decode()
    assert "Recorded for Nia, who told them by letter" in detail


def test_feedback_told_in_person_is_recorded_from_the_offer_page(
    client, riverside_coordinator, took_part
):
    opportunity = took_part.session.opportunity
    record_attendance(took_part, by=riverside_coordinator, attended=True)
    opportunity.status = "completed"
    opportunity.save()
    offer = Offer.objects.get(person=took_part.person, status="accepted")
    url = reverse("evaluation:record_feedback", args=[offer.pk])
    browser = logged_in(client, riverside_coordinator.user)
    assert browser.post(url, {}).status_code == 400
    response = browser.post(url, {"safe": "5", "comments": "Good.", "method": "in_person"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert FeedbackAnswer.objects.get().person == took_part.person


def test_the_record_pages_of_another_organisation_are_not_found(
    client, hillview_coordinator, took_part
):
    offer = Offer.objects.get(person=took_part.person, status="accepted")
    check = took_part.wellbeing_checks.get(kind=CheckKind.END)
    browser = logged_in(client, hillview_coordinator.user)
    for url in (
        reverse("payments:record_time_claim", args=[offer.pk]),
        reverse("evaluation:record_feedback", args=[offer.pk]),
        reverse("engagements:wellbeing_check_record", args=[check.pk]),
    ):
        assert browser.get(url).status_code == 404


def test_a_consent_form_sent_back_by_post_is_recorded_in_the_ledger(client, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    url = reverse("consent:record_consent", args=[offer.pk])
    browser = logged_in(client, riverside_coordinator.user)
    assert (
        "Record a consent Nia gave or withdrew"
        in browser.get(reverse("offers:offer", args=[offer.pk])).content.decode()
    )
    assert browser.post(url, {}).status_code == 400
    response = browser.post(url, {"scope": "take_part", "action": "grant", "method": "letter"})
    assert response.status_code == 302
    event = ConsentEvent.objects.get(person=offer.person, scope="take_part")
    assert (event.action, event.method) == ("grant", "written")
    assert ActedFor.objects.get(subject="offer_consent").method == "letter"


def test_staff_cannot_record_consent_here_for_a_person_with_a_login_who_has_not_allowed_it(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    url = reverse("consent:record_consent", args=[offer.pk])
    response = logged_in(client, riverside_coordinator.user).post(
        url, {"scope": "take_part", "action": "grant", "method": "phone"}
    )
    assert response.status_code == 403
    assert not ConsentEvent.objects.filter(person=expert_at_riverside).exists()

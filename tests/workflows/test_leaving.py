"""Leaving the work: said in full before it is done, done together, and never costing the
person what they are owed."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import state_of
from powerwith.engagements.models import Attendance, BookingStatus
from powerwith.engagements.services.booking import book
from powerwith.engagements.services.sessions import record_attendance
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import OfferAction, OfferEvent
from powerwith.payments.models import ClaimStatus
from powerwith.payments.services.steps import approve_claim, record_payment
from powerwith.payments.services.travel import request_travel_advance
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import expert_membership
from tests.workflows.factories import agreed_offer, book_all

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def work(riverside_coordinator, riverside_contact, expert_at_riverside):
    """Alex agreed to three sessions, took part in the first; asked for travel money for
    the second (waiting) and was paid it for the third."""
    offer = agreed_offer(
        riverside_coordinator, expert_at_riverside, contact=riverside_contact.user, sessions=3
    )
    first, second, third = book_all(riverside_coordinator, expert_at_riverside, offer)
    own = expert_membership(expert_at_riverside, offer.organisation_id)
    waiting = request_travel_advance(
        person=expert_at_riverside,
        offer=offer,
        session_id=second.session_id,
        amount="12.50",
        description="Return bus to Leeds",
        by=own,
    )
    paid = request_travel_advance(
        person=expert_at_riverside,
        offer=offer,
        session_id=third.session_id,
        amount="20.00",
        description="Return train to Leeds",
        by=own,
    )
    approve_claim(paid, by=riverside_coordinator)
    record_payment(paid, by=riverside_coordinator, paid_on=timezone.localdate())
    after_first = first.session.ends_at + timedelta(hours=1)
    with time_machine.travel(after_first, tick=False):
        record_attendance(first, by=riverside_coordinator, attended=True)
    return offer, (first, second, third), waiting, paid, after_first


def test_the_leave_page_says_what_happens_before_anything_is_done(client, work):
    offer, (_first, second, _third), _waiting, _paid, after_first = work
    with time_machine.travel(after_first, tick=False):
        page = logged_in(client, offer.person.user).get(f"/my-offers/{offer.pk}/leave/")
    assert page.status_code == 200
    text = page.text
    assert "These sessions will be cancelled" in text
    assert second.session.starts_at.strftime("%-d %B %Y") in text
    assert "You are still paid for every session that has started or happened" in text
    assert "£20.00" in text
    assert "never asked back" in text
    assert "£12.50" in text
    assert "will be withdrawn" in text
    assert "If you change your mind" in text
    # Nothing has changed yet.
    assert Attendance.objects.filter(status=BookingStatus.BOOKED).count() == 3
    assert not ConsentEvent.objects.filter(action="withdraw").exists()


def test_leaving_cancels_what_is_to_come_and_keeps_what_is_owed(client, work):
    offer, (first, second, third), waiting, paid, after_first = work
    person = offer.person
    with time_machine.travel(after_first, tick=False):
        done = logged_in(client, person.user).post(f"/my-offers/{offer.pk}/leave/", follow=True)
    assert "You have left" in done.text
    assert "2 sessions cancelled" in done.text
    for booking in (second, third):
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
    first.refresh_from_db()
    assert first.is_booked
    assert first.attended
    waiting.refresh_from_db()
    paid.refresh_from_db()
    assert waiting.status == ClaimStatus.WITHDRAWN
    assert paid.status == ClaimStatus.PAID
    assert paid.amount == Decimal("20.00")
    consent = state_of(person, offer.organisation, "take_part", offer.opportunity_id, None)
    assert consent is not None
    assert consent.state == "withdrawn"
    assert OfferEvent.objects.filter(offer=offer, action=OfferAction.LEFT).count() == 1
    (told,) = ActionNeeded.objects.filter(kind=ActionKind.LEFT_WORK)
    assert told.assignee == offer.opportunity.contact_user

    # The cancelled session's link still opens and says so; the offer says how to return.
    session_page = client.get(f"/my-sessions/{second.session_id}/")
    assert session_page.status_code == 200
    assert "This session is cancelled" in session_page.text
    offer_page = client.get(f"/my-offers/{offer.pk}/").text
    assert "You left this work on" in offer_page
    assert "give your consent to take part again" in offer_page
    receipt = client.get(f"/consent-receipts/{consent.event_id}/")
    assert "To agree again to take part" in receipt.text


def test_withdrawing_take_part_on_your_consents_opens_the_same_page(client, work):
    offer, *_ = work
    person = offer.person
    answer = logged_in(client, person.user).post(
        "/my-consents/withdraw/",
        {"scope": "take_part", "opportunity_id": offer.opportunity_id},
    )
    assert answer.status_code == 302
    assert answer["Location"] == (
        f"/my-consents/leave/?organisation_id={offer.organisation_id}"
        f"&opportunity_id={offer.opportunity_id}"
    )
    assert not ConsentEvent.objects.filter(action="withdraw").exists()
    page = client.get(answer["Location"])
    assert "These sessions will be cancelled" in page.text


def test_withdrawing_take_part_through_the_api_has_the_same_effects(work, riverside_coordinator):
    offer, (_first, second, _third), waiting, *_ = work
    answer = api_client_for(riverside_coordinator).post(
        f"/api/v1/people/{offer.person_id}/consents",
        {
            "scope": "take_part",
            "action": "withdraw",
            "opportunity_id": offer.opportunity_id,
            "method": "verbal",
        },
        content_type=JSON,
    )
    assert answer.status_code == 200
    assert answer.json()["state"] == "withdrawn"
    second.refresh_from_db()
    waiting.refresh_from_db()
    assert second.status == BookingStatus.CANCELLED
    assert waiting.status == ClaimStatus.WITHDRAWN
    assert OfferEvent.objects.filter(offer=offer, action=OfferAction.LEFT).exists()


def test_staff_record_leaving_on_the_persons_word_and_must_say_how(
    client, work, riverside_coordinator
):
    offer, (_first, second, _third), *_ = work
    staff = logged_in(client, riverside_coordinator.user)
    refused = staff.post(f"/offers/{offer.pk}/leave/", {})
    assert refused.status_code == 400
    assert "Choose how the person told you" in refused.text
    second.refresh_from_db()
    assert second.is_booked
    done = staff.post(f"/offers/{offer.pk}/leave/", {"method": "verbal"}, follow=True)
    assert "Alex has left" in done.text
    event = ConsentEvent.objects.get(action="withdraw")
    assert (event.method, event.recorded_by) == ("verbal", riverside_coordinator.user)


def test_coming_back_is_giving_consent_to_take_part_again(client, work, riverside_coordinator):
    offer, (_first, second, _third), *_ = work
    person = offer.person
    logged_in(client, person.user).post(f"/my-offers/{offer.pk}/leave/")
    client.post(f"/my-offers/{offer.pk}/consent/", {"scopes": ["take_part"]})
    assert OfferEvent.objects.filter(offer=offer, action=OfferAction.RETURNED).count() == 1
    assert book(session=second.session, person=person, by=riverside_coordinator).is_booked


def test_someone_elses_work_cannot_be_left(client, work, hillview_coordinator):
    offer, *_ = work
    stranger = logged_in(client, hillview_coordinator.user)
    assert stranger.get(f"/offers/{offer.pk}/leave/").status_code == 404
    assert stranger.post(f"/offers/{offer.pk}/leave/", {"method": "verbal"}).status_code == 404
    assert not ConsentEvent.objects.filter(action="withdraw").exists()


def test_travel_money_for_a_session_the_organisation_cancels_is_checked_with_the_person(
    work, riverside_coordinator
):
    from powerwith.workflows.changing_work import cancel_session

    _offer, (_first, second, _third), waiting, *_ = work
    cancel_session(second.session, by=riverside_coordinator, reason="The room flooded.")
    waiting.refresh_from_db()
    assert waiting.status == ClaimStatus.SUBMITTED  # nothing withdrawn on their behalf
    (task,) = ActionNeeded.objects.filter(key=f"travel-advance-cancelled:{waiting.pk}")
    assert "check with Alex about the £12.50 travel" in task.title

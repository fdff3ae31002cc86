"""Booking people into sessions: only with an accepted offer and *take part* consent,
and into a recorded session only with *be recorded* consent. Bad bookings write nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.consent import services as consent
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.engagements.models import Attendance, BookingStatus, CheckKind, Session
from powerwith.engagements.services.booking import book, cancel_future_bookings
from powerwith.engagements.services.sessions import cancel_session
from powerwith.offers import services as offers
from powerwith.offers.content import build
from tests.conftest import api_client_for
from tests.engagements.factories import accepted_offer, booked, consents, expert_membership
from tests.offers.factories import sent_offer

pytestmark = pytest.mark.django_db


def first_session(offer) -> Session:
    return Session.objects.filter(opportunity=offer.opportunity).earliest("starts_at")


def test_a_person_with_an_accepted_offer_and_consent_is_booked_with_three_checks(
    riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    assert booking.status == BookingStatus.BOOKED
    kinds = {c.kind: c.due_at for c in booking.wellbeing_checks.all()}
    session = booking.session
    assert set(kinds) == {CheckKind.BEFORE, CheckKind.END, CheckKind.FOLLOW_UP}
    assert kinds[CheckKind.BEFORE] <= session.starts_at
    assert (
        timezone.localtime(kinds[CheckKind.BEFORE]).date()
        == timezone.localtime(session.starts_at).date()
    )
    assert kinds[CheckKind.END] == session.ends_at
    assert kinds[CheckKind.FOLLOW_UP] == session.ends_at + timedelta(days=2)
    assert AuditEvent.objects.filter(action="session.booked").count() == 1


def test_the_follow_up_falls_on_the_organisations_own_day(
    riverside, riverside_coordinator, expert_at_riverside
):
    riverside.follow_up_days = 5
    riverside.save()
    booking = booked(riverside_coordinator, expert_at_riverside)
    follow_up = booking.wellbeing_checks.get(kind=CheckKind.FOLLOW_UP)
    assert follow_up.due_at == booking.session.ends_at + timedelta(days=5)


def test_without_an_accepted_offer_no_one_is_booked(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    with pytest.raises(InvalidInput, match="has not accepted an offer"):
        book(session=first_session(offer), person=expert_at_riverside, by=riverside_coordinator)
    assert not Attendance.objects.exists()


def test_without_take_part_consent_no_one_is_booked(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="consent to take part"):
        book(session=first_session(offer), person=expert_at_riverside, by=riverside_coordinator)
    assert not Attendance.objects.exists()


def test_after_take_part_is_withdrawn_no_one_is_booked(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    consent.withdraw_consent(
        person=expert_at_riverside,
        scope="take_part",
        actor=expert_membership(expert_at_riverside, offer.organisation_id),
        opportunity=offer.opportunity,
    )
    with pytest.raises(InvalidInput, match="consent to take part"):
        book(session=first_session(offer), person=expert_at_riverside, by=riverside_coordinator)


def test_a_recorded_session_needs_be_recorded_consent(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = first_session(offer)
    session.recorded = True
    session.save()
    with pytest.raises(InvalidInput, match="consent to be recorded"):
        book(session=session, person=expert_at_riverside, by=riverside_coordinator)
    consents(expert_at_riverside, offer, "be_recorded")
    assert book(session=session, person=expert_at_riverside, by=riverside_coordinator).is_booked


def test_another_organisations_coordinator_cannot_book(
    riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    with pytest.raises(NotAllowed):
        book(session=first_session(offer), person=expert_at_riverside, by=hillview_coordinator)
    assert not Attendance.objects.exists()


def test_cancelling_future_bookings_keeps_the_work_already_done(
    riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    past = Session.objects.create(
        opportunity=booking.session.opportunity,
        starts_at=timezone.now() - timedelta(days=3),
        minutes=60,
    )
    done = Attendance.objects.create(session=past, person=expert_at_riverside, attended=True)
    cancelled = cancel_future_bookings(
        person=expert_at_riverside,
        organisation=riverside_coordinator.organisation,
        opportunity_id=None,
        by=riverside_coordinator.user,
        reason="Consent to take part was withdrawn",
    )
    assert [b.pk for b in cancelled] == [booking.pk]
    booking.refresh_from_db()
    done.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert not booking.wellbeing_checks.filter(completed_at=None).exists()
    assert done.status == BookingStatus.BOOKED
    assert done.attended


def test_a_cancelled_session_leaves_new_offers_and_the_opportunity_as_read_by_the_api(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    booking = booked(riverside_coordinator, expert_at_riverside, sessions=2)
    opportunity = booking.session.opportunity
    cancel_session(booking.session, by=riverside_coordinator)
    offer = offers.create_offer(
        by=riverside_coordinator, opportunity=opportunity, person=expert_at_both
    )
    assert len(build(offer)["sessions"]) == 1
    body = api_client_for(riverside_coordinator).get(f"/api/v1/opportunities/{opportunity.pk}")
    assert len(body.json()["sessions"]) == 1


def test_a_later_withdrawal_for_all_the_work_stops_booking_as_it_stops_outputs(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    actor = expert_membership(expert_at_riverside, offer.organisation_id)
    consent.grant_consent(person=expert_at_riverside, scope="take_part", actor=actor)
    consent.withdraw_consent(person=expert_at_riverside, scope="take_part", actor=actor)
    with pytest.raises(InvalidInput, match="consent to take part"):
        book(session=first_session(offer), person=expert_at_riverside, by=riverside_coordinator)
    assert not Attendance.objects.exists()

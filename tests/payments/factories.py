"""People who have done some work and can claim for it, made through the real services."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, Session
from powerwith.engagements.services.booking import book
from powerwith.engagements.services.sessions import record_attendance
from powerwith.offers.models import Offer
from powerwith.payments import services
from powerwith.payments.models import Claim
from powerwith.people.models import Person
from tests.engagements.factories import booked, expert_membership


def me(person: Person, offer_or_booking: Offer | Attendance) -> Membership:
    """The person's own membership of the organisation the work is with."""
    if isinstance(offer_or_booking, Attendance):
        organisation_id = offer_or_booking.session.opportunity.organisation_id
    else:
        organisation_id = offer_or_booking.organisation_id
    return expert_membership(person, organisation_id)


def offer_of(booking: Attendance) -> Offer:
    return Offer.objects.get(
        person=booking.person, opportunity=booking.session.opportunity, status="accepted"
    )


def worked(by: Membership, person: Person, days_ago: int = 2, **terms: Any) -> Attendance:
    """The person was booked into a session (three hours at £25 an hour unless told
    otherwise) that took place ``days_ago`` days ago."""
    booking = booked(by, person, **terms)
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=days_ago)
    )
    booking.session.refresh_from_db()
    return booking


def attended(by: Membership, person: Person, days_ago: int = 2, **terms: Any) -> Attendance:
    """As ``worked``, and staff recorded that the person took part."""
    booking = worked(by, person, days_ago, **terms)
    return record_attendance(booking, by=by, attended=True)


def attended_each(by: Membership, person: Person, sessions: int) -> list[Attendance]:
    """The person was booked into each of ``sessions`` sessions of one piece of work (three
    hours at £25 an hour), all in the past, and recorded as there at every one."""
    first = booked(by, person, sessions=sessions)
    bookings = [first] + [
        book(session=session, person=person, by=by)
        for session in first.session.opportunity.sessions.exclude(pk=first.session_id)
    ]
    for days_ago, booking in enumerate(bookings, start=2):
        Session.objects.filter(pk=booking.session_id).update(
            starts_at=timezone.now() - timedelta(days=days_ago)
        )
        booking.session.refresh_from_db()
        record_attendance(booking, by=by, attended=True)
    return bookings


def time_claim(booking: Attendance, **kwargs: Any) -> Claim:
    person = booking.person
    return services.submit_time_claim(
        person=person,
        offer=offer_of(booking),
        session_id=booking.session_id,
        by=me(person, booking),
        **kwargs,
    )


def expense_claim(offer: Offer, amount: str = "12.40", **kwargs: Any) -> Claim:
    """Travel, which the complete opportunity's offer covers, unless told otherwise."""
    person = offer.person
    return services.submit_expense_claim(
        person=person,
        offer=offer,
        category=kwargs.pop("category", "travel"),
        amount=Decimal(amount),
        description=kwargs.pop("description", "Bus fares to and from the session"),
        by=me(person, offer),
        **kwargs,
    )


def backdate(claim: Claim, days: int) -> Claim:
    """As if the claim had been made ``days`` days ago."""
    made = timezone.now() - timedelta(days=days)
    Claim.objects.filter(pk=claim.pk).update(created_at=made)
    claim.refresh_from_db()
    return claim


def mileage_claim(offer: Offer, miles: str = "12", **kwargs: Any) -> Claim:
    """A journey by car, alone, from Hull to Leeds, unless told otherwise."""
    person = offer.person
    return services.submit_mileage_claim(
        person=person,
        offer=offer,
        miles=miles,
        vehicle=kwargs.pop("vehicle", "car"),
        passengers=kwargs.pop("passengers", 0),
        journey_from=kwargs.pop("journey_from", "Hull"),
        journey_to=kwargs.pop("journey_to", "Leeds"),
        by=me(person, offer),
        **kwargs,
    )


def paid(claim: Claim, by: Membership, paid_on: date) -> Claim:
    """Approved and paid on ``paid_on``, the claim having been made the day before."""
    made = timezone.make_aware(datetime.combine(paid_on - timedelta(days=1), time(12)))
    Claim.objects.filter(pk=claim.pk).update(created_at=made)
    claim.refresh_from_db()
    services.approve_claim(claim, by=by, confirm_outside_agreement=True)
    services.record_payment(claim, by=by, paid_on=paid_on)
    claim.refresh_from_db()
    return claim

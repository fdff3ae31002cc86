"""The person's side: what they can claim for (the work they accepted, the sessions
they were booked into and attended)."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.engagements.models import Attendance, BookingStatus, Session
from powerwith.offers.models import Offer
from powerwith.payments.models import (
    LIVE_STATUSES,
    Claim,
    ClaimKind,
)
from powerwith.people.models import Person


def accepted_offers_of(user: User) -> QuerySet[Offer]:
    """The offers the user accepted a version of: their agreements, which stand after
    the work ends so that work done is claimed as agreed."""
    return Offer.objects.filter(
        person__user_id=user.pk, accepted_version__isnull=False
    ).select_related("organisation", "opportunity", "person", "accepted_version")


def get_accepted_offer(user: User, offer_id: int) -> Offer:
    found = accepted_offers_of(user).filter(pk=offer_id).first()
    if found is None:
        raise Http404("No such accepted offer.")
    return found


def sessions_to_claim_on_their_word(offer: Offer, now: datetime) -> QuerySet[Attendance]:
    """The person's bookings in the offer's work that have started and have no time claim
    yet, for staff recording a claim the person made another way. The offer comes from
    ``offers.queries.get_offer_for``, so it is already the member's organisation's."""
    claimed = Claim.objects.filter(
        person_id=offer.person_id, kind=ClaimKind.TIME, status__in=LIVE_STATUSES
    ).values("session_id")
    return (
        Attendance.objects.filter(
            person_id=offer.person_id,
            status=BookingStatus.BOOKED,
            session__cancelled_at=None,
            session__opportunity_id=offer.opportunity_id,
            session__starts_at__lte=now,
        )
        .exclude(session_id__in=claimed)
        .select_related("session")
        .order_by("session__starts_at")
    )


def time_to_claim_for_person(person: Person, now: datetime) -> QuerySet[Attendance]:
    """The person's bookings in work they accepted, that have started and have no time
    claim yet: what their supporter may claim their pay for (the person reached through
    ``workflows.supporting``), by the same rule as the person's own list."""
    claimed = Claim.objects.filter(
        person_id=person.pk, kind=ClaimKind.TIME, status__in=LIVE_STATUSES
    ).values("session_id")
    return (
        Attendance.objects.filter(
            person_id=person.pk,
            status=BookingStatus.BOOKED,
            session__cancelled_at=None,
            session__starts_at__lte=now,
            session__opportunity__offers__person_id=person.pk,
            session__opportunity__offers__accepted_version__isnull=False,
        )
        .exclude(session_id__in=claimed)
        .select_related("session__opportunity__organisation", "person")
        .distinct()
        .order_by("session__starts_at")
    )


def accepted_offer_of(person: Person, opportunity_id: int) -> Offer | None:
    """The person's accepted offer for the work: the agreement their pay is claimed under."""
    return (
        Offer.objects.filter(
            person_id=person.pk, opportunity_id=opportunity_id, accepted_version__isnull=False
        )
        .select_related("organisation", "opportunity", "person", "accepted_version")
        .first()
    )


def bookings_of(user: User) -> QuerySet[Attendance]:
    """The user's bookings in sessions of work they have an accepted offer for."""
    return (
        Attendance.objects.filter(
            person__user_id=user.pk,
            status=BookingStatus.BOOKED,
            session__cancelled_at=None,
            session__opportunity__offers__person__user_id=user.pk,
            session__opportunity__offers__accepted_version__isnull=False,
        )
        .select_related("session__opportunity__organisation", "person")
        .distinct()
        .order_by("session__starts_at")
    )


def claimable_bookings(user: User, now: datetime) -> QuerySet[Attendance]:
    """Sessions that have started, with no time claim yet (one not withdrawn or rejected)."""
    claimed = Claim.objects.filter(
        person__user_id=user.pk, kind=ClaimKind.TIME, status__in=LIVE_STATUSES
    ).values("session_id")
    return bookings_of(user).filter(session__starts_at__lte=now).exclude(session_id__in=claimed)


def attended_unclaimed(
    user: User, now: datetime, organisation_id: int | None = None
) -> QuerySet[Attendance]:
    """Sessions the person's attendance is recorded at, with no time claim yet: the time
    they can claim from attendance (with one organisation, when given)."""
    attended = claimable_bookings(user, now).filter(attended=True)
    if organisation_id is not None:
        attended = attended.filter(session__opportunity__organisation_id=organisation_id)
    return attended


def require_own_sessions(membership: Membership, session_ids: list[int]) -> None:
    """404 unless the member was booked, as a person, into every one of the sessions, with
    the organisation they act for: anyone else's, or another organisation's, is not found."""
    found = Attendance.objects.filter(
        person__user_id=membership.user_id,
        session__opportunity__organisation_id=membership.organisation_id,
        session_id__in=session_ids,
    ).values_list("session_id", flat=True)
    if set(found) != set(session_ids):
        raise Http404("No such session.")


def travel_bookings(user: User, now: datetime) -> QuerySet[Attendance]:
    """Sessions still to come, with no travel-in-advance request yet."""
    asked = Claim.objects.filter(
        person__user_id=user.pk, kind=ClaimKind.TRAVEL_ADVANCE, status__in=LIVE_STATUSES
    ).values("session_id")
    return bookings_of(user).filter(session__starts_at__gt=now).exclude(session_id__in=asked)


def offer_for_session(user: User, opportunity_id: int) -> Offer | None:
    return accepted_offers_of(user).filter(opportunity_id=opportunity_id).first()


def live_claim_for_session(person: Person, session_id: int, kind: str) -> Claim | None:
    return Claim.objects.filter(
        person=person, session_id=session_id, kind=kind, status__in=LIVE_STATUSES
    ).first()


def booking_of(person: Person, session_id: int) -> Attendance | None:
    return Attendance.objects.filter(
        person=person, session_id=session_id, status=BookingStatus.BOOKED
    ).first()


def session_of_offer(offer: Offer, session_id: int) -> Session | None:
    return Session.objects.filter(opportunity_id=offer.opportunity_id, pk=session_id).first()

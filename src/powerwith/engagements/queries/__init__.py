"""Reads of sessions and attendance: who has had paid work, and how much.

"Paid hours" are defined here once, for matching's fairness boost and for the
organisation's concentration figure: the minutes of sessions a person attended, of this
organisation's paid opportunities, that started in the last twelve months.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from powerwith.core.choices import RewardBasis
from powerwith.core.figures import Period, last_twelve_months
from powerwith.engagements.models import Attendance, BookingStatus, Session

# A blank reward basis is not paid either (see Opportunity.is_paid).
UNPAID_BASES = ("", RewardBasis.VOLUNTARY)


def paid_sessions(
    organisation_id: int, now: datetime, period: Period | None = None
) -> QuerySet[Session]:
    period = period or last_twelve_months(now)
    return Session.objects.filter(
        opportunity__organisation_id=organisation_id,
        starts_at__gte=period.start,
        starts_at__lt=period.end,
        starts_at__lte=now,
    ).exclude(opportunity__reward_basis__in=UNPAID_BASES)


def paid_attendance(
    organisation_id: int, now: datetime, period: Period | None = None
) -> QuerySet[Attendance]:
    # The sessions as a subquery of their own, not a join: a database can then find them
    # once and look up each person's attendance through the person, which is what
    # matching asks for thousands of people at a time.
    return Attendance.objects.filter(
        attended=True, session__in=paid_sessions(organisation_id, now, period).values("pk")
    )


def standing_bookings(organisation_id: int, period: Period) -> QuerySet[Attendance]:
    """The bookings that stood (booked, not cancelled, in a session not cancelled) in the
    organisation's sessions that start in the period: the bookings every figure about
    sessions counts."""
    return Attendance.objects.filter(
        session__opportunity__organisation_id=organisation_id,
        status=BookingStatus.BOOKED,
        session__cancelled_at__isnull=True,
        session__starts_at__gte=period.start,
        session__starts_at__lt=period.end,
    )


def recently_paid(organisation_id: int, now: datetime) -> QuerySet[Attendance, Any]:
    """The ids of the people with paid work here in the last twelve months: the only
    ones whose ``paid_minutes_of_outer_person`` is more than 0."""
    return paid_attendance(organisation_id, now).values("person_id")


def paid_minutes_of_outer_person(organisation_id: int, now: datetime) -> Coalesce:
    """An expression for a queryset of people: each one's recent paid minutes here."""
    per_person = (
        paid_attendance(organisation_id, now)
        .filter(person_id=OuterRef("pk"))
        .values("person_id")
        .annotate(total=Sum("session__minutes"))
        .values("total")[:1]
    )
    return Coalesce(Subquery(per_person, output_field=IntegerField()), 0)

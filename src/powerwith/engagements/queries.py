"""Reads of sessions and attendance: who has had paid work, and how much.

"Paid hours" are defined here once, for matching's fairness boost and for the
organisation's concentration figure: the minutes of sessions a person attended, of this
organisation's paid opportunities, that started in the last twelve months.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from powerwith.engagements.models import Attendance, Session
from powerwith.opportunities.choices import RewardBasis
from powerwith.people.models import OrganisationLink, PersonStatus

RECENT = timedelta(days=365)
BUSIEST_FRACTION = 0.10
# A blank reward basis is not paid either (see Opportunity.is_paid).
UNPAID_BASES = ("", RewardBasis.VOLUNTARY)


def paid_sessions(organisation_id: int, now: datetime) -> QuerySet[Session]:
    return Session.objects.filter(
        opportunity__organisation_id=organisation_id,
        starts_at__gt=now - RECENT,
        starts_at__lte=now,
    ).exclude(opportunity__reward_basis__in=UNPAID_BASES)


def paid_attendance(organisation_id: int, now: datetime) -> QuerySet[Attendance]:
    # The sessions as a subquery of their own, not a join: a database can then find them
    # once and look up each person's attendance through the person, which is what
    # matching asks for thousands of people at a time.
    return Attendance.objects.filter(
        attended=True, session__in=paid_sessions(organisation_id, now).values("pk")
    )


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


def _hours(minutes: float) -> str:
    hours = round(minutes / 60, 1)
    return f"{hours:g} hour{'' if hours == 1 else 's'}"


@dataclass(frozen=True)
class Concentration:
    """How much of the last twelve months' paid work went to the busiest tenth of the
    organisation's experts by experience."""

    experts_count: int
    busiest_count: int
    total_minutes: int
    busiest_minutes: int

    @property
    def total_hours(self) -> float:
        return self.total_minutes / 60

    @property
    def share(self) -> float | None:
        """Between 0 and 1; None when there was no paid work to share out."""
        if not self.total_minutes:
            return None
        return self.busiest_minutes / self.total_minutes

    @property
    def even_share(self) -> float:
        """What the busiest would hold if everyone had the same hours."""
        return self.busiest_count / self.experts_count if self.experts_count else 0.0

    @property
    def sentence(self) -> str:
        share = self.share
        if share is None:
            return (
                "No paid work has been recorded in the last 12 months, so there is no "
                "concentration to show yet."
            )
        people = f"{self.busiest_count} {'person' if self.busiest_count == 1 else 'people'}"
        return (
            f"In the last 12 months the busiest 10% of the {self.experts_count} experts by "
            f"experience working with you ({people}) did {share:.0%} of the "
            f"{_hours(self.total_minutes)} of paid work; if it were shared out evenly they "
            f"would have done {self.even_share:.0%}."
        )


def paid_hours_concentration(organisation_id: int, now: datetime) -> Concentration:
    """Aggregated in the database, whatever the size of the register.

    The experts counted are the active people on the register and anyone who had paid
    work in the period, so that people who are never asked count too: work held by a few
    out of many is exactly what this figure is for.
    """
    paid = paid_attendance(organisation_id, now)
    experts = (
        OrganisationLink.objects.filter(organisation_id=organisation_id)
        .filter(Q(person__status=PersonStatus.ACTIVE) | Q(person_id__in=paid.values("person_id")))
        .count()
    )
    busiest = math.ceil(experts * BUSIEST_FRACTION) if experts else 0
    total = paid.aggregate(total=Sum("session__minutes"))["total"] or 0
    top = 0
    if total and busiest:
        per_person = (
            paid.values("person_id")
            .annotate(minutes=Sum("session__minutes"))
            .order_by(F("minutes").desc(), "person_id")
        )
        top = per_person[:busiest].aggregate(top=Sum("minutes"))["top"] or 0
    return Concentration(
        experts_count=experts,
        busiest_count=busiest,
        total_minutes=int(total),
        busiest_minutes=int(top),
    )

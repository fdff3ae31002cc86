"""The concentration of work: is the work shared out, or does it go to the same few
people? One definition for every place that shows it: the matches page and its API, the
organisation's settings page, the scorecard's "same few people" sign of tokenism, and
the dashboard (page, CSV, report and API).

Over a period (the last 12 months unless the dashboard is asked for other months) and
one measure of work — paid hours (``queries.paid_attendance``), or, on the dashboard
beside it, sessions booked (``queries.standing_bookings``):

- the *experts* are the people working with the organisation: everyone active on its
  register now, and anyone who did any of that work in the period (so someone who has
  left since still counts, and so does someone never asked: work held by a few out of
  many is exactly what this figure is for);
- the *busiest* are the tenth of the experts with the most of the work, rounded up (one
  at least);
- the figure is the busiest's part of all the work, beside the part they would hold if
  it were shared out evenly (a tenth), how many people did any of it, and the fewest
  people who between them did more than half of it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet, Sum

from powerwith.core.figures import Period, Share, last_twelve_months
from powerwith.engagements.models import Attendance
from powerwith.engagements.queries import paid_attendance, standing_bookings
from powerwith.people.models import OrganisationLink, Person, PersonStatus

BUSIEST_FRACTION = 0.10
BUSIEST_WORDS = f"busiest {BUSIEST_FRACTION:.0%}"


@dataclass(frozen=True)
class Concentration:
    """How one measure of work (minutes of paid work, or bookings) was shared out."""

    experts: int
    people: int
    total: int
    busiest_people: int
    busiest_total: int
    people_for_most: int

    @property
    def busiest_share(self) -> Share:
        return Share(self.busiest_total, self.total)

    @property
    def share(self) -> float | None:
        """Between 0 and 1; None when there was no work to share out."""
        return self.busiest_total / self.total if self.total else None

    @property
    def even_share(self) -> float:
        """What the busiest would hold if everyone had the same amount (0 to 1)."""
        return self.busiest_people / self.experts if self.experts else 0.0

    @property
    def total_hours(self) -> float:
        """For a measure in minutes: all the work, in hours to one decimal place."""
        return round(self.total / 60, 1)

    @property
    def busiest_hours(self) -> float:
        return round(self.busiest_total / 60, 1)


def busiest_count(experts: int) -> int:
    return math.ceil(experts * BUSIEST_FRACTION)


def _ranked(amounts: Mapping[int, int]) -> list[tuple[int, int]]:
    """(person, amount) for everyone with some work, the most first, ties by person."""
    return sorted(((p, a) for p, a in amounts.items() if a > 0), key=lambda pa: (-pa[1], pa[0]))


def concentration_of(amounts: Mapping[int, int], experts: int) -> Concentration:
    """``amounts`` is each person's part of the work; ``experts`` how many people count
    (``experts_working_with``), never fewer than the people with some work."""
    ranked = _ranked(amounts)
    experts = max(experts, len(ranked))
    total = sum(amount for _, amount in ranked)
    busiest = busiest_count(experts)
    running, most = 0, 0
    for count, (_, amount) in enumerate(ranked, start=1):
        running += amount
        if running * 2 > total:
            most = count
            break
    return Concentration(
        experts=experts,
        people=len(ranked),
        total=total,
        busiest_people=busiest,
        busiest_total=sum(amount for _, amount in ranked[:busiest]),
        people_for_most=most,
    )


def busiest_of(amounts: Mapping[int, int], experts: int) -> set[int]:
    """The people ``concentration_of`` counts as the busiest."""
    ranked = _ranked(amounts)
    return {person for person, _ in ranked[: busiest_count(max(experts, len(ranked)))]}


def experts_working_with(organisation_id: int, work: QuerySet[Attendance]) -> int:
    """Everyone active on the organisation's register, and anyone who did the ``work``."""
    active = OrganisationLink.objects.filter(
        organisation_id=organisation_id, person__status=PersonStatus.ACTIVE
    ).values("person_id")
    return Person.objects.filter(Q(pk__in=active) | Q(pk__in=work.values("person_id"))).count()


def _minutes(work: QuerySet[Attendance]) -> dict[int, int]:
    return {
        person_id: int(minutes or 0)
        for person_id, minutes in work.values("person_id")
        .annotate(minutes=Sum("session__minutes"))
        .values_list("person_id", "minutes")
    }


def paid_hours_and_busiest(
    organisation_id: int, now: datetime, period: Period | None = None
) -> tuple[Concentration, set[int]]:
    work = paid_attendance(organisation_id, now, period)
    minutes = _minutes(work)
    experts = experts_working_with(organisation_id, work)
    return concentration_of(minutes, experts), busiest_of(minutes, experts)


def paid_hours_concentration(
    organisation_id: int, now: datetime, period: Period | None = None
) -> Concentration:
    """Paid time, in minutes, in the period (the last 12 months by default), by now."""
    return paid_hours_and_busiest(organisation_id, now, period)[0]


def _paid_hours_key(organisation_id: int, period: Period) -> str:
    return f"paid-hours:{organisation_id}:{period.first.isoformat()}:{period.last.isoformat()}"


def keep_paid_hours(organisation_id: int, now: datetime, period: Period, seconds: int) -> None:
    """Work the figure out afresh and keep it for ``seconds`` (the worker's round)."""
    worked_out = paid_hours_concentration(organisation_id, now, period)
    cache.set(_paid_hours_key(organisation_id, period), worked_out, seconds)


def shared_paid_hours(organisation_id: int, now: datetime, period: Period) -> Concentration:
    """The paid-hours figure for the period as every page and API that shows it reads it:
    worked out once, kept in the shared cache for ``DASHBOARD_CACHE_SECONDS`` (the
    dashboard's own lifetime) and read from there by the matches page and its API, the
    settings page and the dashboard, so that they show one figure, not one each, and a
    request for matches does not count every paid session of the year again. With the
    lifetime 0 (the test suite) it is worked out every time."""
    seconds = settings.DASHBOARD_CACHE_SECONDS
    if not seconds:
        return paid_hours_concentration(organisation_id, now, period)
    key = _paid_hours_key(organisation_id, period)
    found: Concentration | None = cache.get(key)
    if found is None:
        worked_out = paid_hours_concentration(organisation_id, now, period)
        # Two servers working it out at once keep the first one's, and both show it.
        cache.add(key, worked_out, seconds)
        found = cache.get(key, worked_out)
    return found


def bookings_concentration(organisation_id: int, period: Period) -> Concentration:
    """Sessions booked in the period (those still to come in it included)."""
    work = standing_bookings(organisation_id, period)
    bookings = Counter(work.values_list("person_id", flat=True).order_by())
    return concentration_of(bookings, experts_working_with(organisation_id, work))


def _hours(hours: float) -> str:
    return f"{hours:g} hour{'' if hours == 1 else 's'}"


def _percent(share: Share) -> str:
    return f"{share.percent or 0:g}%"


@dataclass(frozen=True)
class RecentPaidWork:
    """The last 12 months' paid hours, shared out, in a sentence for the matches and
    settings pages: the same figure as the dashboard's over its default period."""

    period: Period
    concentration: Concentration

    @property
    def sentence(self) -> str:
        c = self.concentration
        months = f"In the last 12 months ({self.period.words})"
        if not c.total:
            return f"{months} no paid work was recorded, so there is no concentration to show yet."
        people = f"{c.busiest_people} {'person' if c.busiest_people == 1 else 'people'}"
        if c.people == 1:
            did_any = "Only one person did any paid work."
        else:
            did_any = (
                f"{c.people} people did any paid work; {c.people_for_most} of them did more "
                "than half of it between them."
            )
        return (
            f"{months} the {BUSIEST_WORDS} of the {c.experts} experts by experience working "
            f"with you ({people}) did {_percent(c.busiest_share)} of the "
            f"{_hours(c.total_hours)} of paid work; if it were shared out evenly they would "
            f"have done {_percent(Share(c.busiest_people, c.experts))}. {did_any}"
        )


def recent_paid_work(organisation_id: int, now: datetime) -> RecentPaidWork:
    period = last_twelve_months(now)
    return RecentPaidWork(period, shared_paid_hours(organisation_id, now, period))

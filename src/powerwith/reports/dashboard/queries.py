"""The dashboard's reads: every figure for one organisation over one period, each in a
fixed number of queries whatever the number of opportunities, people or sessions.

Every query is scoped to ``membership.organisation``; only coordinators, admins and
auditors may ask (``Capability.READ_SCORECARDS``). No figure names a person.

"In the period" means from the first moment of the first month to the first moment
after the last month, in local time (see ``period``). A "booking" is one that stood
(``engagements.queries.standing_bookings``). A figure shown elsewhere too is worked out
by the one function that defines it, in the app below: the concentration of work
(``engagements.concentration``), wellbeing completion
(``engagements.wellbeing_completion``), consent coverage (``consent.coverage``) and
payment timeliness (``payments.timeliness``).
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.figures import Period
from powerwith.core.permissions import Capability, require
from powerwith.engagements.concentration import (
    bookings_concentration,
    keep_paid_hours,
    shared_paid_hours,
)
from powerwith.engagements.coverage import organisation_consent_coverage
from powerwith.engagements.models import Attendance
from powerwith.engagements.queries import standing_bookings
from powerwith.engagements.wellbeing_completion import organisation_wellbeing
from powerwith.evaluation.models import QUESTIONS, FeedbackAnswer, FeedbackRequest
from powerwith.opportunities.models import Opportunity, OpportunityStatus
from powerwith.opportunities.queries import opportunities_of
from powerwith.payments.timeliness import payment_timeliness
from powerwith.reports.dashboard.figures import (
    ConsentCoverage,
    Dashboard,
    FeedbackMonth,
    LevelCount,
)
from powerwith.reports.dashboard.scorecards import scorecards_across

NOT_COUNTED = (OpportunityStatus.DRAFT, OpportunityStatus.CANCELLED)


def require_reader(membership: Membership) -> None:
    require(
        membership,
        Capability.READ_SCORECARDS,
        "Only coordinators, admins and auditors can see the dashboard.",
    )


def at_work_between(organisation_id: int, start: datetime, end: datetime) -> QuerySet[Opportunity]:
    """The organisation's opportunities at work from ``start`` up to (not including)
    ``end``: not a draft and not cancelled, and either created then or with a session
    starting then. The one definition of "the work of a period" (the dashboard's, and a
    learning summary's of a period)."""
    in_period = Q(created_at__gte=start, created_at__lt=end) | Q(
        sessions__starts_at__gte=start,
        sessions__starts_at__lt=end,
        sessions__cancelled_at__isnull=True,
    )
    ids = (
        Opportunity.objects.filter(organisation_id=organisation_id)
        .filter(in_period)
        .exclude(status__in=NOT_COUNTED)
        .values("pk")
    )
    return Opportunity.objects.filter(pk__in=ids).order_by("title", "pk")


def opportunities_in(membership: Membership, period: Period) -> QuerySet[Opportunity]:
    """The organisation's opportunities at work in the period (``at_work_between``)."""
    require_reader(membership)
    ids = at_work_between(membership.organisation_id, period.start, period.end).values("pk")
    return opportunities_of(membership).filter(pk__in=ids).order_by("title", "pk")


def _bookings(membership: Membership, period: Period) -> QuerySet[Attendance]:
    return standing_bookings(membership.organisation_id, period)


def levels(opportunities: Iterable[Opportunity]) -> list[LevelCount]:
    counts = Counter(o.level for o in opportunities)
    return [LevelCount(code, counts.get(code, 0)) for code in LevelCount.ORDER]


def _month_of(moment: datetime) -> date:
    return timezone.localdate(moment).replace(day=1)


def feedback_over_time(membership: Membership, period: Period) -> list[FeedbackMonth]:
    """For each month: how many people were asked for feedback (by the month they were
    asked), how many answers were given (by the month given, which is all an anonymous
    answer records), and the average of each question's answers that month (1 to 5,
    blanks left out)."""
    asked = Counter(
        _month_of(at)
        for at in FeedbackRequest.objects.filter(
            organisation_id=membership.organisation_id,
            asked_at__gte=period.start,
            asked_at__lt=period.end,
        ).values_list("asked_at", flat=True)
    )
    ratings: dict[date, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    answered: Counter[date] = Counter()
    for row in FeedbackAnswer.objects.filter(
        organisation_id=membership.organisation_id,
        given_in__gte=period.first,
        given_in__lte=period.last,
    ).values("given_in", *QUESTIONS):
        month = row["given_in"].replace(day=1)
        answered[month] += 1
        for question in QUESTIONS:
            if row[question] is not None:
                ratings[month][question].append(row[question])
    return [
        FeedbackMonth(
            month=month,
            asked=asked.get(month, 0),
            answered=answered.get(month, 0),
            averages={
                q: round(statistics.mean(ratings[month][q]), 1) if ratings[month][q] else None
                for q in QUESTIONS
            },
        )
        for month in period.months
    ]


def dashboard(membership: Membership, period: Period, now: datetime | None = None) -> Dashboard:
    require_reader(membership)
    now = now or timezone.now()
    opportunities = list(opportunities_in(membership, period))
    return Dashboard(
        organisation=membership.organisation,
        period=period,
        levels=levels(opportunities),
        scorecards=scorecards_across(opportunities, now),
        payments=payment_timeliness(membership.organisation, period),
        consent=ConsentCoverage(
            organisation_consent_coverage(
                membership.organisation_id, period, now, membership.organisation.reconfirm_months
            )
        ),
        wellbeing=organisation_wellbeing(
            membership.organisation_id, period, now, membership.organisation.follow_up_days
        ),
        feedback=feedback_over_time(membership, period),
        bookings=bookings_concentration(membership.organisation_id, period),
        paid_minutes=shared_paid_hours(membership.organisation_id, now, period),
    )


def _dashboard_key(organisation_id: int, period: Period) -> str:
    return f"dashboard:{organisation_id}:{period.first:%Y-%m}:{period.last:%Y-%m}"


def keep_dashboard(membership: Membership, period: Period, now: datetime, seconds: int) -> None:
    """Work the organisation's dashboard out afresh, its paid hours too, and keep both
    for ``seconds``: the worker does this each round for the last 12 months, so the page
    reads figures already worked out and says when they were."""
    keep_paid_hours(membership.organisation_id, now, period, seconds)
    kept = (dashboard(membership, period, now), now)
    cache.set(_dashboard_key(membership.organisation_id, period), kept, seconds)


def dashboard_as_of(membership: Membership, period: Period) -> tuple[Dashboard, datetime]:
    """The dashboard and when it was worked out. For a large organisation that takes
    seconds (every opportunity's scorecard), so the figures are kept for
    ``DASHBOARD_CACHE_SECONDS`` per organisation and period and the page says when they
    were worked out; 0 works them out every time."""
    require_reader(membership)
    seconds = settings.DASHBOARD_CACHE_SECONDS
    key = _dashboard_key(membership.organisation_id, period)
    found: tuple[Dashboard, datetime] | None = cache.get(key) if seconds else None
    if found is None:
        found = (dashboard(membership, period), timezone.now())
        if seconds:
            cache.set(key, found, seconds)
        return found
    # The paid-hours figure is kept apart, shared with the matches and settings pages: read
    # afresh from there, it stays the one they show when the two were kept at other times.
    board, worked_out = found
    shared = shared_paid_hours(membership.organisation_id, timezone.now(), period)
    return replace(board, paid_minutes=shared), worked_out

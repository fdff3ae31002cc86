"""What the contact person's home page shows: the people and sessions they are appointed
to, and what needs them today. One read, a fixed number of queries whatever the size of
their caseload."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import Count, Q
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import (
    Adjustment,
    AdjustmentStatus,
    BookingStatus,
    Session,
    StopEvent,
    StopKind,
    WellbeingCheck,
)
from powerwith.engagements.queries.wellbeing import (
    OVERDUE_AFTER,
    RECENT,
    contact_for,
    next_local_midnight,
)
from powerwith.inbox.queries import open_actions
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity


@dataclass(frozen=True)
class PersonAtWork:
    person_id: int
    name: str
    opportunities: list[str]


@dataclass(frozen=True)
class ContactHome:
    people: list[PersonAtWork]
    sessions_today: Sequence[Session]
    checks_due: list[WellbeingCheck]
    checks_overdue: list[WellbeingCheck]
    adjustments: list[Adjustment]
    support_checks: list[WellbeingCheck]
    support_stops: list[StopEvent]
    stop_events: list[StopEvent]
    open_action_count: int

    @property
    def has_support_requests(self) -> bool:
        return bool(self.support_checks or self.support_stops)


def contact_home(membership: Membership, now: datetime) -> ContactHome:
    """For the opportunities of the membership's organisation where the user is the
    appointed (or backup) contact person."""
    mine = Q(organisation_id=membership.organisation_id) & contact_for(membership.user_id)
    opportunity_ids = list(Opportunity.objects.filter(mine).values_list("pk", flat=True))
    offers = (
        Offer.objects.filter(taking_part(), opportunity_id__in=opportunity_ids)
        .select_related("person", "opportunity")
        .order_by("person__preferred_name", "person_id", "opportunity__title")
    )
    people: dict[int, PersonAtWork] = {}
    for offer in offers:
        entry = people.setdefault(
            offer.person_id, PersonAtWork(offer.person_id, offer.person.preferred_name, [])
        )
        entry.opportunities.append(offer.opportunity.title)

    start = timezone.make_aware(datetime.combine(timezone.localtime(now).date(), time(0, 0)))
    sessions_today = list(
        Session.objects.filter(
            opportunity_id__in=opportunity_ids,
            cancelled_at=None,
            starts_at__gte=start,
            starts_at__lt=next_local_midnight(now),
        )
        .select_related("opportunity")
        .annotate(booked=Count("attendance", filter=Q(attendance__status=BookingStatus.BOOKED)))
    )
    checks = WellbeingCheck.objects.select_related(
        "attendance__person", "attendance__session__opportunity"
    ).filter(
        attendance__session__opportunity_id__in=opportunity_ids,
        attendance__status=BookingStatus.BOOKED,
    )
    waiting = list(checks.filter(completed_at=None, due_at__lt=next_local_midnight(now)))
    overdue_before = now - OVERDUE_AFTER
    recent = now - RECENT
    stops = list(
        StopEvent.objects.filter(
            opportunity_id__in=opportunity_ids, created_at__gte=recent
        ).select_related("person", "opportunity", "session")
    )
    return ContactHome(
        people=list(people.values()),
        sessions_today=sessions_today,
        checks_due=[c for c in waiting if c.due_at >= overdue_before],
        checks_overdue=[c for c in waiting if c.due_at < overdue_before],
        adjustments=list(
            Adjustment.objects.filter(
                opportunity_id__in=opportunity_ids, status=AdjustmentStatus.REQUESTED
            ).select_related("person", "opportunity", "session")
        ),
        support_checks=list(
            checks.filter(wants_support=True, completed_at__gte=recent).order_by("-completed_at")
        ),
        support_stops=[s for s in stops if s.kind == StopKind.SUPPORT],
        stop_events=[s for s in stops if s.kind != StopKind.SUPPORT],
        open_action_count=open_actions(membership).count(),
    )

"""Reads of restraint-reduction outcomes, scoped to the membership's organisation.
Coordinators, admins and auditors (read-only) see them; experts and contact people do
not; another organisation's service is a 404."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.choices import CoWorkingLevel
from powerwith.core.permissions import Capability, require
from powerwith.engagements.models import Session
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.queries import opportunities_of
from powerwith.outcomes import months
from powerwith.outcomes.models import InterventionCount, Service, ServiceProject
from powerwith.people.schedule import RESTRICTIVE_INTERVENTIONS

CO_PRODUCED = "co_production"
OTHER_WORK = "other"
MARKER_WORDS = {
    CO_PRODUCED: "Co-produced work",
    OTHER_WORK: "Other work with experts by experience",
}


def require_reader(membership: Membership) -> None:
    require(
        membership,
        Capability.READ_OUTCOMES,
        "Only coordinators, admins and auditors can see restraint-reduction outcomes.",
    )


def services_of(membership: Membership) -> QuerySet[Service]:
    require_reader(membership)
    return Service.objects.filter(organisation_id=membership.organisation_id).annotate(
        project_count=Count("projects")
    )


def get_service_for(membership: Membership, service_id: int) -> Service:
    found = services_of(membership).filter(pk=service_id).first()
    if found is None:
        raise Http404("No such service.")
    return found


def services_by_name(membership: Membership) -> dict[str, Service]:
    return {service.name.lower(): service for service in services_of(membership)}


def figures_for(service: Service, month: date) -> dict[str, int]:
    return dict(
        InterventionCount.objects.filter(service=service, month=month).values_list(
            "intervention", "count"
        )
    )


def projects_of(service: Service) -> list[ServiceProject]:
    return list(
        ServiceProject.objects.filter(service=service)
        .select_related("opportunity")
        .order_by("opportunity__title", "id")
    )


def linkable_opportunities(membership: Membership, service: Service) -> QuerySet[Opportunity]:
    return (
        opportunities_of(membership)
        .exclude(outcome_service_links__service=service)
        .order_by("title", "id")
    )


def counts_for_export(membership: Membership) -> QuerySet[InterventionCount]:
    require_reader(membership)
    return (
        InterventionCount.objects.filter(service__organisation_id=membership.organisation_id)
        .select_related("service")
        .order_by("service__name", "month", "intervention")
    )


@dataclass(frozen=True)
class Latest:
    month: date
    total: int
    before: int | None  # the month before's total, when it was recorded

    @property
    def change(self) -> int | None:
        return None if self.before is None else self.total - self.before

    @property
    def against_before(self) -> str:
        """The change from the month before, in words: "3 fewer", "2 more", "The same"."""
        change = self.change
        if change is None:
            return "Month before not recorded"
        if change == 0:
            return "The same"
        return f"{abs(change)} {'fewer' if change < 0 else 'more'}"


def latest_totals(services: list[Service]) -> dict[int, Latest]:
    """Each service's latest recorded month and its total, beside the month before."""
    totals: dict[int, dict[date, int]] = defaultdict(dict)
    rows = (
        InterventionCount.objects.filter(service__in=services)
        .values("service_id", "month")
        .annotate(total=Sum("count"))
    )
    for row in rows:
        totals[row["service_id"]][row["month"]] = row["total"]
    latest = {}
    for service_id, by_month in totals.items():
        month = max(by_month)
        latest[service_id] = Latest(month, by_month[month], by_month.get(months.add(month, -1)))
    return latest


@dataclass(frozen=True)
class Work:
    opportunity_id: int
    title: str
    level: str


@dataclass
class Marker:
    month: date
    kind: str  # CO_PRODUCED or OTHER_WORK
    work: list[Work] = field(default_factory=list)

    @property
    def words(self) -> str:
        return MARKER_WORDS[self.kind]

    @property
    def titles(self) -> str:
        return ", ".join(work.title for work in self.work)


@dataclass(frozen=True)
class MonthRow:
    month: date
    cells: list[int | None]  # one per type of intervention, None where not recorded
    marker: Marker | None

    @property
    def total(self) -> int | None:
        recorded = [cell for cell in self.cells if cell is not None]
        return sum(recorded) if recorded else None


@dataclass(frozen=True)
class Trend:
    rows: list[MonthRow]
    markers: list[Marker]
    types: list[tuple[str, str]]

    def series(self, index: int | None = None) -> list[tuple[date, int]]:
        """(month, figure) for the months recorded: the total, or one type's."""
        points = []
        for row in self.rows:
            value = row.total if index is None else row.cells[index]
            if value is not None:
                points.append((row.month, value))
        return points


def markers_for(service: Service, now: datetime) -> list[Marker]:
    """The months in which a linked opportunity held a session (not cancelled, begun by
    now): co-produced work where any of them was co-production, other work otherwise."""
    sessions = (
        Session.objects.filter(
            opportunity__outcome_service_links__service=service,
            cancelled_at__isnull=True,
            starts_at__lte=now,
        )
        .select_related("opportunity")
        .order_by("starts_at", "id")
    )
    found: dict[date, Marker] = {}
    for session in sessions:
        month = months.start_of(timezone.localdate(session.starts_at))
        opportunity = session.opportunity
        marker = found.setdefault(month, Marker(month, OTHER_WORK))
        if opportunity.level == CoWorkingLevel.CO_PRODUCTION:
            marker.kind = CO_PRODUCED
        if all(work.opportunity_id != opportunity.pk for work in marker.work):
            marker.work.append(Work(opportunity.pk, opportunity.title, opportunity.level))
    return list(found.values())


def trend_of(service: Service, now: datetime | None = None) -> Trend:
    now = now or timezone.now()
    types = list(RESTRICTIVE_INTERVENTIONS)
    position = {code: index for index, (code, _) in enumerate(types)}
    by_month: dict[date, list[int | None]] = {}
    for month, intervention, count in InterventionCount.objects.filter(service=service).values_list(
        "month", "intervention", "count"
    ):
        cells = by_month.setdefault(month, [None] * len(types))
        cells[position[intervention]] = count
    markers = markers_for(service, now)
    marker_at = {marker.month: marker for marker in markers}
    if not by_month:
        return Trend(rows=[], markers=markers, types=types)
    first, last = min(by_month), max(by_month)
    first = min([first, *[m for m in marker_at if m <= last]])
    rows = [
        MonthRow(month, by_month.get(month, [None] * len(types)), marker_at.get(month))
        for month in months.between(first, last)
    ]
    return Trend(rows=rows, markers=markers, types=types)

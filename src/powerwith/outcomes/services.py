"""Every write of restraint-reduction outcomes, one function per action, each in a
transaction with its audit record. Coordinators and admins write; nobody else does.

A figure is one per service, month and type of intervention: recording it again replaces
it, and a changed figure is audited with its old and new values, so a correction never
hides what was there before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.audit import record
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.core.permissions import Capability, require
from powerwith.opportunities.models import Opportunity
from powerwith.outcomes import months
from powerwith.outcomes.models import CountSource, InterventionCount, Service, ServiceProject
from powerwith.people.schedule import INTERVENTION_LABELS, SETTING_LABELS


def require_writer(membership: Membership) -> None:
    require(
        membership, Capability.RECORD_OUTCOMES, "Only coordinators and admins can record outcomes."
    )


@dataclass(frozen=True)
class Entry:
    """One figure to record: ``count`` uses of ``intervention`` in ``service`` in ``month``."""

    service: Service
    month: date
    intervention: str
    count: int


@dataclass(frozen=True)
class Change:
    entry: Entry
    old: int | None

    @property
    def label(self) -> str:
        return INTERVENTION_LABELS[self.entry.intervention]

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        return "unchanged" if self.old == self.entry.count else "changed"


# Far beyond any ward's month (a count is one service's interventions in one month), and
# well inside the database's integers, so a mistyped or hostile figure is refused in words.
MAX_COUNT = 100_000


def check_figure(month: date, intervention: str, count: int, today: date) -> None:
    """The rules every figure keeps, however it arrives."""
    if month > months.start_of(today):
        raise InvalidInput(
            f"{months.label(month)} has not started yet. Record a month once it has begun.",
            field="month",
        )
    if intervention not in INTERVENTION_LABELS:
        raise InvalidInput(
            f"'{intervention}' is not a type of restrictive intervention. Use one of: "
            f"{', '.join(INTERVENTION_LABELS)}.",
            field="intervention",
        )
    if count < 0:
        raise InvalidInput("A count must be 0 or more.", field="count")
    if count > MAX_COUNT:
        raise InvalidInput(
            f"A count of more than {MAX_COUNT:,} in one month for one service cannot be "
            "right. Check the figure.",
            field="count",
        )


def _check_writer_and_service(by: Membership, service: Service) -> None:
    require_writer(by)
    if service.organisation_id != by.organisation_id:
        raise Http404("No such service.")


def create_service(*, by: Membership, name: str, setting: str = "") -> Service:
    require_writer(by)
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("Enter the name of the service.", field="name")
    if setting and setting not in SETTING_LABELS:
        raise InvalidInput(f"'{setting}' is not a setting.", field="setting")
    if Service.objects.filter(organisation_id=by.organisation_id, name__iexact=name).exists():
        raise Conflict(f"There is already a service called {name}.", field="name")
    with transaction.atomic():
        service = Service.objects.create(
            organisation_id=by.organisation_id, name=name, setting=setting, created_by=by.user
        )
        record(
            actor=by.user,
            action="outcomes.service_created",
            organisation=by.organisation,
            target=service,
            name=name,
            setting=setting,
        )
    return service


def record_figures(
    *,
    by: Membership,
    entries: Sequence[Entry],
    source: str = CountSource.FORM,
    now: datetime | None = None,
) -> list[Change]:
    """Record every figure or none. A figure already there is replaced, and each one that
    changes is audited with its old and new value."""
    require_writer(by)
    now = now or timezone.now()
    today = timezone.localdate(now)
    seen: set[tuple[int, date, str]] = set()
    for entry in entries:
        _check_writer_and_service(by, entry.service)
        check_figure(entry.month, entry.intervention, entry.count, today)
        key = (entry.service.pk, entry.month, entry.intervention)
        if key in seen:
            raise InvalidInput(
                f"{entry.service.name}, {months.label(entry.month)}, "
                f"{INTERVENTION_LABELS[entry.intervention]} is given twice."
            )
        seen.add(key)
    try:
        with transaction.atomic():
            return _write(by, entries, source, now)
    except IntegrityError as error:
        raise Conflict(
            "Someone else recorded figures for the same month at the same time. Nothing "
            "was saved: look at the figures and try again."
        ) from error


def _write(by: Membership, entries: Sequence[Entry], source: str, now: datetime) -> list[Change]:
    service_ids = {entry.service.pk for entry in entries}
    month_set = {entry.month for entry in entries}
    existing = {
        (c.service_id, c.month, c.intervention): c
        for c in InterventionCount.objects.select_for_update().filter(
            service_id__in=service_ids, month__in=month_set
        )
    }
    changes, new, updated = [], [], []
    for entry in entries:
        current = existing.get((entry.service.pk, entry.month, entry.intervention))
        changes.append(Change(entry, current.count if current else None))
        if current is None:
            new.append(
                InterventionCount(
                    service=entry.service,
                    month=entry.month,
                    intervention=entry.intervention,
                    count=entry.count,
                    recorded_by=by.user,
                    recorded_at=now,
                    source=source,
                )
            )
        elif current.count != entry.count:
            record(
                actor=by.user,
                action="outcomes.count_corrected",
                organisation=by.organisation,
                target=current,
                service=entry.service.name,
                month=months.iso(entry.month),
                intervention=entry.intervention,
                old=current.count,
                new=entry.count,
                source=source,
            )
            current.count, current.recorded_by, current.recorded_at = entry.count, by.user, now
            current.source = source
            updated.append(current)
    InterventionCount.objects.bulk_create(new)
    InterventionCount.objects.bulk_update(
        updated, ["count", "recorded_by", "recorded_at", "source"]
    )
    added = sum(1 for change in changes if change.kind == "added")
    if changes:
        record(
            actor=by.user,
            action="outcomes.counts_recorded",
            organisation=by.organisation,
            services=sorted({entry.service.name for entry in entries}),
            months=sorted({months.iso(entry.month) for entry in entries}),
            added=added,
            changed=len(updated),
            unchanged=len(changes) - added - len(updated),
            source=source,
        )
    return changes


def link_project(*, by: Membership, service: Service, opportunity: Opportunity) -> ServiceProject:
    _check_writer_and_service(by, service)
    if opportunity.organisation_id != by.organisation_id:
        raise Http404("No such opportunity.")
    if ServiceProject.objects.filter(service=service, opportunity=opportunity).exists():
        raise Conflict(f"{opportunity.title} is already linked to {service.name}.")
    with transaction.atomic():
        link = ServiceProject.objects.create(
            service=service, opportunity=opportunity, linked_by=by.user
        )
        record(
            actor=by.user,
            action="outcomes.project_linked",
            organisation=by.organisation,
            target=service,
            opportunity_id=opportunity.pk,
            title=opportunity.title,
        )
    return link


def unlink_project(*, by: Membership, service: Service, opportunity_id: int) -> None:
    _check_writer_and_service(by, service)
    with transaction.atomic():
        link = (
            ServiceProject.objects.select_related("opportunity")
            .filter(service=service, opportunity_id=opportunity_id)
            .first()
        )
        if link is None:
            raise Http404("That project is not linked to this service.")
        link.delete()
        record(
            actor=by.user,
            action="outcomes.project_unlinked",
            organisation=by.organisation,
            target=service,
            opportunity_id=opportunity_id,
            title=link.opportunity.title,
        )

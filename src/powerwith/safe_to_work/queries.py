"""Reads of checks and of what is required, scoped to the organisation asking.

``blocked_for`` is the one answer to "what stops these people doing this work": matching,
the offer's send gate and booking all ask it, for many people in two reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, can
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for
from powerwith.safe_to_work import rules
from powerwith.safe_to_work.models import CheckRecord, RequiredChecks
from powerwith.safe_to_work.rules import Held, Requirement, State


@dataclass(frozen=True)
class CheckState:
    kind: str
    level: str
    name: str
    label: str
    done_on: date | None
    expires_on: date | None
    state: State
    certificate_number: str
    required: bool


def held_by(
    organisation_id: int, person_ids: Iterable[int]
) -> dict[int, dict[tuple[str, str], Held]]:
    """The checks each person holds with the organisation now: the latest record of each
    check, unless that record says it is no longer held. One read for everyone."""
    found: dict[int, dict[tuple[str, str], Held]] = {}
    rows = (
        CheckRecord.objects.filter(organisation_id=organisation_id, person_id__in=list(person_ids))
        .order_by("id")
        .values_list("pk", "person_id", "kind", "level", "name", "done_on", "expires_on", "held")
    )
    for pk, person_id, kind, level, name, done_on, expires_on, held in rows:
        checks = found.setdefault(person_id, {})
        key = rules.key_of(kind, name)
        if held:
            checks[key] = Held(pk, kind, level, name, done_on, expires_on)
        else:
            checks.pop(key, None)
    return found


def current_records(organisation_id: int, person: Person) -> list[CheckRecord]:
    """The latest record of each check the person holds, with its certificate number."""
    ids = [h.record_id for h in held_by(organisation_id, [person.pk]).get(person.pk, {}).values()]
    return list(CheckRecord.objects.filter(pk__in=ids).order_by("kind", "name", "pk"))


def default_requirements(organisation_id: int) -> list[Requirement]:
    found = RequiredChecks.objects.filter(
        organisation_id=organisation_id, opportunity__isnull=True
    ).first()
    return rules.requirements_from(found.items) if found else []


def requirements_of(opportunity: Opportunity) -> list[Requirement]:
    """The opportunity's own required checks where it has them, else the organisation's."""
    rows = {
        row.opportunity_id: row.items
        for row in RequiredChecks.objects.filter(
            Q(opportunity=opportunity)
            | Q(organisation_id=opportunity.organisation_id, opportunity__isnull=True)
        )
    }
    items = rows.get(opportunity.pk, rows.get(None, []))
    return rules.requirements_from(items)


def requirements_of_each(opportunities: Iterable[Opportunity]) -> dict[int, list[Requirement]]:
    """``requirements_of`` for a page of one organisation's opportunities, in one read."""
    found = list(opportunities)
    if not found:
        return {}
    organisation_ids = {o.organisation_id for o in found}
    rows = RequiredChecks.objects.filter(
        Q(opportunity__in=found) | Q(organisation_id__in=organisation_ids, opportunity__isnull=True)
    ).values_list("organisation_id", "opportunity_id", "items")
    own = {opportunity_id: items for _, opportunity_id, items in rows if opportunity_id}
    default = {org: items for org, opportunity_id, items in rows if opportunity_id is None}
    return {
        o.pk: rules.requirements_from(own.get(o.pk, default.get(o.organisation_id, [])))
        for o in found
    }


def has_own_requirements(opportunity: Opportunity) -> bool:
    return RequiredChecks.objects.filter(opportunity=opportunity).exists()


def blocked_for(
    opportunity: Opportunity, person_ids: Iterable[int], today: date | None = None
) -> dict[int, list[str]]:
    """Why each person may not do this work today, in words, by person id: every person
    asked about is in the answer, with an empty list when nothing blocks them."""
    ids = list(person_ids)
    requirements = requirements_of(opportunity) if ids else []
    if not requirements:
        return {pk: [] for pk in ids}
    day = today or timezone.localdate()
    held = held_by(opportunity.organisation_id, ids)
    return {pk: rules.blocked(requirements, held.get(pk, {}), day) for pk in ids}


def person_for_checks(membership: Membership, person_id: int) -> Person:
    """Staff who read the register, or the person themself; 404 for anyone else."""
    return get_person_for(membership, person_id)


def checks_of(organisation_id: int, person: Person, today: date | None = None) -> list[CheckState]:
    """Each check the person holds with the organisation, in its state today, then each
    check the organisation requires by default that they do not hold, as ``missing``."""
    day = today or timezone.localdate()
    required = default_requirements(organisation_id)
    required_keys = {r.key for r in required}
    states = [
        CheckState(
            kind=record.kind,
            level=record.level,
            name=record.name,
            label=rules.label_of(record.kind, record.level, record.name),
            done_on=record.done_on,
            expires_on=record.expires_on,
            state=rules.state_on(record.expires_on, day),
            certificate_number=record.certificate_number,
            required=rules.key_of(record.kind, record.name) in required_keys,
        )
        for record in current_records(organisation_id, person)
    ]
    held_keys = {rules.key_of(s.kind, s.name) for s in states}
    states.extend(
        CheckState(
            kind=r.kind,
            level=r.level,
            name=r.name,
            label=r.label,
            done_on=None,
            expires_on=None,
            state=State.MISSING,
            certificate_number="",
            required=True,
        )
        for r in required
        if r.key not in held_keys
    )
    return states


def may_record(membership: Membership) -> bool:
    return can(membership, Capability.RECORD_CHECKS)


def require_reader_of_requirements(membership: Membership) -> None:
    """What the work requires is read by those who read the opportunities."""
    if not can(membership, Capability.READ_OPPORTUNITIES):
        raise PermissionDenied("Only staff who read the opportunities can see what they require.")

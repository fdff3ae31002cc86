"""Every write of safe to work: recording a person's checks, and setting what an
organisation or an opportunity requires. Each item is checked before anything is written,
so a bad item changes nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.safe_to_work import rules
from powerwith.safe_to_work.models import CheckKind, CheckRecord, DbsLevel, RequiredChecks
from powerwith.safe_to_work.queries import held_by

KINDS = [kind.value for kind in CheckKind]
NAME_MAX = 200
NUMBER_MAX = 100


@dataclass(frozen=True)
class CheckInput:
    kind: str
    level: str = ""
    name: str = ""
    done_on: date | None = None
    expires_on: date | None = None
    certificate_number: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return rules.key_of(self.kind, self.name)


def require_recorder(membership: Membership) -> None:
    if not can(membership, Capability.RECORD_CHECKS):
        raise NotAllowed("Only a coordinator or an admin can record checks.")


def _kind_and_level(kind: str, level: str, name: str, where: str) -> tuple[str, str, str]:
    if kind not in KINDS:
        raise InvalidInput(f"{where}: kind must be one of: {', '.join(KINDS)}.", field="kind")
    name = " ".join((name or "").split())
    if kind == CheckKind.DBS:
        if level not in DbsLevel.values:
            raise InvalidInput(
                f"{where}: a DBS check needs a level, one of: {', '.join(DbsLevel.values)}.",
                field="level",
            )
        return kind, level, ""
    if level:
        raise InvalidInput(f"{where}: only a DBS check has a level.", field="level")
    if kind == CheckKind.TRAINING:
        if not name:
            raise InvalidInput(f"{where}: name the training.", field="name")
        if len(name) > NAME_MAX:
            raise InvalidInput(
                f"{where}: the training's name must be {NAME_MAX} characters or fewer.",
                field="name",
            )
        return kind, "", name
    return kind, "", ""


def check_input(item: Mapping[str, Any], *, where: str = "The check", today: date) -> CheckInput:
    """One check as given, made sure of: its kind and level, real dates, done by today,
    an expiry after it was done. Raises ``InvalidInput`` naming what is wrong."""
    kind, level, name = _kind_and_level(
        str(item.get("kind") or ""),
        str(item.get("level") or ""),
        str(item.get("name") or ""),
        where,
    )
    done_on, expires_on = item.get("done_on"), item.get("expires_on")
    if not isinstance(done_on, date):
        raise InvalidInput(f"{where}: enter the date it was done.", field="done_on")
    if done_on > today:
        raise InvalidInput(
            f"{where}: the date it was done cannot be in the future.", field="done_on"
        )
    if expires_on is not None and (not isinstance(expires_on, date) or expires_on <= done_on):
        raise InvalidInput(
            f"{where}: the expiry date must be after the date it was done.", field="expires_on"
        )
    number = " ".join(str(item.get("certificate_number") or "").split())
    if len(number) > NUMBER_MAX:
        raise InvalidInput(
            f"{where}: the certificate number must be {NUMBER_MAX} characters or fewer.",
            field="certificate_number",
        )
    return CheckInput(kind, level, name, done_on, expires_on, number)


def _append(person: Person, by: Membership, check: CheckInput, *, held: bool = True) -> CheckRecord:
    return CheckRecord.objects.create(
        organisation_id=by.organisation_id,
        person=person,
        kind=check.kind,
        level=check.level,
        name=check.name,
        done_on=check.done_on,
        expires_on=check.expires_on,
        certificate_number=check.certificate_number,
        held=held,
        recorded_by=by.user,
    )


@transaction.atomic
def record_check(*, person: Person, by: Membership, check: CheckInput) -> CheckRecord:
    """Record a check, or its renewal or correction: a new record, the earlier one kept."""
    require_recorder(by)
    made = _append(person, by, check)
    audit.record(
        actor=by.user,
        action="check.recorded",
        organisation=by.organisation,
        target=made,
        person_id=person.pk,
        kind=check.kind,
    )
    return made


def _same(held: rules.Held, record: CheckRecord, check: CheckInput) -> bool:
    return (held.level, held.name, held.done_on, held.expires_on) == (
        check.level,
        check.name,
        check.done_on,
        check.expires_on,
    ) and record.certificate_number == check.certificate_number


@transaction.atomic
def replace_checks(
    *, person: Person, by: Membership, items: Iterable[Mapping[str, Any]]
) -> list[CheckRecord]:
    """Make the person's current checks exactly ``items``: a record for each check that is
    new or different, and a "no longer held" record for each one left out. Every item is
    checked first; one bad item writes nothing."""
    require_recorder(by)
    today = timezone.localdate()
    wanted: dict[tuple[str, str], CheckInput] = {}
    for index, item in enumerate(items, start=1):
        check = check_input(item, where=f"Check {index}", today=today)
        if check.key in wanted:
            raise InvalidInput(
                f"Check {index}: {rules.label_of(check.kind, check.level, check.name)} is "
                "listed twice.",
                field="kind",
            )
        wanted[check.key] = check
    held = held_by(by.organisation_id, [person.pk]).get(person.pk, {})
    records = CheckRecord.objects.in_bulk([h.record_id for h in held.values()])
    made = []
    for key, check in wanted.items():
        before = held.get(key)
        if before is None or not _same(before, records[before.record_id], check):
            made.append(_append(person, by, check))
    for key, before in held.items():
        if key not in wanted:
            gone = CheckInput(
                before.kind, before.level, before.name, before.done_on, before.expires_on
            )
            made.append(_append(person, by, gone, held=False))
    if made:
        audit.record(
            actor=by.user,
            action="checks.replaced",
            organisation=by.organisation,
            target=person,
            records=[record.pk for record in made],
        )
    return made


def requirement_items(items: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Required checks as given, made sure of (kind, a DBS level, a training's name), once
    each. Raises ``InvalidInput`` naming the bad one."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for index, item in enumerate(items, start=1):
        kind, level, name = _kind_and_level(
            str(item.get("kind") or ""),
            str(item.get("level") or ""),
            str(item.get("name") or ""),
            f"Required check {index}",
        )
        found.setdefault(rules.key_of(kind, name), {"kind": kind, "level": level, "name": name})
    return list(found.values())


@transaction.atomic
def set_required_checks(
    *,
    by: Membership,
    items: Iterable[Mapping[str, Any]],
    opportunity: Opportunity | None = None,
) -> RequiredChecks:
    """What the organisation requires by default, or (given ``opportunity``) what that
    opportunity requires instead."""
    if not can(by, Capability.MANAGE_OPPORTUNITIES):
        raise NotAllowed("Only a coordinator or an admin can set the checks work requires.")
    if opportunity is not None and opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That opportunity belongs to another organisation.")
    cleaned = requirement_items(items)
    row, _ = RequiredChecks.objects.update_or_create(
        organisation_id=by.organisation_id,
        opportunity=opportunity,
        defaults={"items": cleaned, "updated_by": by.user, "updated_at": timezone.now()},
    )
    audit.record(
        actor=by.user,
        action="required_checks.set",
        organisation=by.organisation,
        target=opportunity,
        items=cleaned,
    )
    return row


@transaction.atomic
def follow_default_checks(*, by: Membership, opportunity: Opportunity) -> None:
    """The opportunity requires what the organisation requires by default again."""
    if not can(by, Capability.MANAGE_OPPORTUNITIES):
        raise NotAllowed("Only a coordinator or an admin can set the checks work requires.")
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That opportunity belongs to another organisation.")
    RequiredChecks.objects.filter(opportunity=opportunity).delete()
    audit.record(
        actor=by.user,
        action="required_checks.default",
        organisation=by.organisation,
        target=opportunity,
    )

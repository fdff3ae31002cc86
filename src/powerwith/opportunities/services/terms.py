"""Creating an opportunity and changing its terms and required experience."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.choices import POWER_TO_STOP
from powerwith.core.errors import InvalidInput
from powerwith.opportunities import rules
from powerwith.opportunities.models import (
    Opportunity,
    OpportunityStatus,
    RequiredExperience,
)
from powerwith.opportunities.queries import current_rates
from powerwith.opportunities.rules import RequirementInput
from powerwith.opportunities.services.access import require_manager

# The terms whose change can break the rule that an open enduring role has a review date.
REVIEW_TERMS = frozenset({"status", "commitment", "review_date"})
REWARD_TERMS = frozenset({"reward_basis", "reward_amount"})


def _today() -> dt.date:
    return timezone.localdate()


def _reward(by: Membership, current: Mapping[str, Any], fields: dict[str, Any]) -> None:
    """Settle the amount against its basis. Without an amount, paid work takes the rate
    card's current figure for its basis; a new basis never keeps the old basis's amount."""
    basis = fields.get("reward_basis", current.get("reward_basis", ""))
    amount = fields.get("reward_amount")
    if "reward_amount" not in fields and basis == current.get("reward_basis"):
        return
    amount = rules.check_amount(basis, amount)
    if amount is None and basis in rules.PAID_BASES:
        rate = current_rates(by.organisation_id, _today()).get(basis)
        amount = rate.amount if rate is not None else None
    fields["reward_amount"] = amount


def _check_together(
    by: Membership, current: Mapping[str, Any], fields: dict[str, Any], *, creating: bool
) -> None:
    """The rules that join terms: status, review date, reward and contacts."""
    merged = {**current, **fields}
    was, wanted = current.get("status", ""), merged["status"]
    if creating:
        rules.check_starting_status(wanted)
    else:
        rules.check_status_change(was, wanted)
    today = _today()
    if "review_date" in fields and fields["review_date"] != current.get("review_date"):
        rules.check_new_review_date(fields["review_date"], today)
    if creating or REVIEW_TERMS & fields.keys():
        rules.check_review(
            commitment=merged.get("commitment", ""),
            status=wanted,
            review_date=merged.get("review_date"),
            today=today,
            opening=wanted != was,
        )
    if creating or REWARD_TERMS & fields.keys():
        _reward(by, current, fields)
    if {"contact_user_id", "backup_contact_user_id"} & fields.keys():
        rules.check_contacts(
            by.organisation, merged.get("contact_user_id"), merged.get("backup_contact_user_id")
        )


def _write_requirements(
    opportunity: Opportunity, requirements: list[RequirementInput], *, replace: bool
) -> None:
    if replace:
        RequiredExperience.objects.filter(opportunity=opportunity).delete()
    RequiredExperience.objects.bulk_create(
        RequiredExperience(
            opportunity=opportunity,
            code=r.code,
            setting=r.setting,
            intervention=r.intervention,
            essential=r.essential,
        )
        for r in requirements
    )
    getattr(opportunity, "_prefetched_objects_cache", {}).pop("required_experience", None)


def _audit_value(value: Any) -> Any:
    if isinstance(value, Decimal | dt.date):
        return str(value)
    return value


@transaction.atomic
def create_opportunity(
    *,
    by: Membership,
    data: Mapping[str, Any],
    requirements: Iterable[RequirementInput] = (),
) -> Opportunity:
    """A new opportunity with its terms and required experience (its sessions are
    engagements': workflows.changing_work makes both at once). It starts with the power
    to stop as its ground rules, unless others are given."""
    require_manager(by)
    fields = {"ground_rules": POWER_TO_STOP, **rules.clean_terms(data)}
    if not fields.get("title"):
        raise InvalidInput("Enter a title for the opportunity.", field="title")
    fields["status"] = fields.get("status") or OpportunityStatus.DRAFT
    _check_together(by, {}, fields, creating=True)
    cleaned = rules.clean_requirements(requirements)
    opportunity = Opportunity.objects.create(
        organisation=by.organisation, created_by=by.user, **fields
    )
    _write_requirements(opportunity, cleaned, replace=False)
    audit.record(
        actor=by.user,
        action="opportunity.created",
        organisation=by.organisation,
        target=opportunity,
        requirements=len(cleaned),
        status=opportunity.status,
    )
    return opportunity


@transaction.atomic
def update_opportunity(
    opportunity: Opportunity,
    *,
    by: Membership,
    changes: Mapping[str, Any],
    requirements: Iterable[RequirementInput] | None = None,
) -> Opportunity:
    """Change the terms given (and, when given, replace the required experience), all or
    nothing. A status moves only as STATUS_TRANSITIONS allows."""
    require_manager(by, opportunity)
    fields = rules.clean_terms(changes)
    if not fields.get("status", True):
        del fields["status"]  # no status given: it stays as it is
    current = {name: getattr(opportunity, name) for name in rules.TERM_NAMES}
    _check_together(by, current, fields, creating=False)
    cleaned = None if requirements is None else rules.clean_requirements(requirements)
    changed = {
        name: {"from": _audit_value(current[name]), "to": _audit_value(value)}
        for name, value in fields.items()
        if value != current[name]
    }
    if changed:
        for name in changed:
            setattr(opportunity, name, fields[name])
        opportunity.save(update_fields=list(changed))
        audit.record(
            actor=by.user,
            action="opportunity.updated",
            organisation=by.organisation,
            target=opportunity,
            changed=changed,
        )
    if "status" in changed:
        audit.record(
            actor=by.user,
            action="opportunity.status_changed",
            organisation=by.organisation,
            target=opportunity,
            **changed["status"],
        )
    if cleaned is not None:
        _replace_requirements(opportunity, cleaned, by)
    return opportunity


def _replace_requirements(
    opportunity: Opportunity, cleaned: list[RequirementInput], by: Membership
) -> None:
    _write_requirements(opportunity, cleaned, replace=True)
    audit.record(
        actor=by.user,
        action="opportunity.requirements_updated",
        organisation=by.organisation,
        target=opportunity,
        requirements=[
            {"code": r.code, "setting": r.setting, "essential": r.essential} for r in cleaned
        ],
    )


@transaction.atomic
def update_requirements(
    opportunity: Opportunity, *, by: Membership, requirements: Iterable[RequirementInput]
) -> list[RequiredExperience]:
    """Replace the opportunity's required experience (all or nothing)."""
    require_manager(by, opportunity)
    _replace_requirements(opportunity, rules.clean_requirements(requirements), by)
    return list(RequiredExperience.objects.filter(opportunity=opportunity))

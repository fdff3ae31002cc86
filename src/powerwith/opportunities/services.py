"""Every change to an opportunity: one function per action, in a transaction, audited.

Only what matching needs is here; offers and the rest of an opportunity's terms come
with the offers work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.errors import InvalidInput, NotAllowed
from powerwith.opportunities.choices import (
    Commitment,
    CoWorkingLevel,
    Focus,
    GoalType,
    LocationMode,
    RewardBasis,
)
from powerwith.opportunities.models import Opportunity, OpportunityStatus, RequiredExperience
from powerwith.opportunities.queries import can_manage_opportunities
from powerwith.people.schedule import INTERVENTION_LABELS, ITEMS_BY_CODE, SETTING_LABELS

MAX_REQUIREMENTS = 20
TEXT_FIELDS = {"title": 200, "purpose": 4000}
CHOICE_FIELDS: dict[str, list[str]] = {
    "goal_type": GoalType.values,
    "commitment": Commitment.values,
    "level": CoWorkingLevel.values,
    "location_mode": LocationMode.values,
    "reward_basis": RewardBasis.values,
    "status": OpportunityStatus.values,
}
FIELDS = {*TEXT_FIELDS, *CHOICE_FIELDS, "focus"}


@dataclass(frozen=True)
class RequirementInput:
    code: str
    setting: str = ""
    intervention: str = ""
    essential: bool = False


def _valid(values: Iterable[str]) -> str:
    return ", ".join(values)


def _words(name: str) -> str:
    return name.replace("_", " ")


def clean_opportunity(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        if name not in FIELDS:
            raise InvalidInput(f"Unknown field: {name}.", field=name)
        if name in TEXT_FIELDS:
            text = "" if value is None else str(value).strip()
            if len(text) > TEXT_FIELDS[name]:
                raise InvalidInput(
                    f"The {name} must be {TEXT_FIELDS[name]} characters or fewer.", field=name
                )
            cleaned[name] = text
        elif name in CHOICE_FIELDS:
            text = "" if value is None else str(value)
            if text and text not in CHOICE_FIELDS[name]:
                raise InvalidInput(
                    f"Unknown {_words(name)} '{text}'. Use one of: {_valid(CHOICE_FIELDS[name])}.",
                    field=name,
                )
            cleaned[name] = text
        else:
            codes = list(dict.fromkeys(value or []))
            unknown = [code for code in codes if code not in Focus.values]
            if unknown:
                raise InvalidInput(
                    f"Unknown focus: {_valid(unknown)}. Use any of: {_valid(Focus.values)}.",
                    field=name,
                )
            cleaned[name] = codes
    if not cleaned.get("title"):
        raise InvalidInput("Enter a title for the opportunity.", field="title")
    if "status" in cleaned and not cleaned["status"]:
        cleaned["status"] = OpportunityStatus.DRAFT
    return cleaned


def clean_requirements(requirements: Iterable[RequirementInput]) -> list[RequirementInput]:
    """Check each requirement's codes against the Schedule of Experience."""
    cleaned: list[RequirementInput] = []
    for number, requirement in enumerate(requirements, start=1):
        item = ITEMS_BY_CODE.get(requirement.code)
        if item is None:
            raise InvalidInput(
                f"Required experience {number}: unknown experience code "
                f"'{requirement.code}'. Use one of: {_valid(ITEMS_BY_CODE)}.",
                field="required_experience",
            )
        if requirement.setting and requirement.setting not in SETTING_LABELS:
            raise InvalidInput(
                f"Required experience {number}: unknown setting '{requirement.setting}'. "
                f"Use one of: {_valid(SETTING_LABELS)}.",
                field="required_experience",
            )
        if requirement.intervention and requirement.intervention not in INTERVENTION_LABELS:
            raise InvalidInput(
                f"Required experience {number}: unknown restrictive intervention "
                f"'{requirement.intervention}'. Use one of: {_valid(INTERVENTION_LABELS)}.",
                field="required_experience",
            )
        if requirement.intervention and not item.takes_intervention:
            raise InvalidInput(
                f"Required experience {number}: a type of restrictive intervention belongs "
                "only with experience of restrictive interventions.",
                field="required_experience",
            )
        # The same requirement twice would count twice in the ranking.
        if requirement not in cleaned:
            cleaned.append(requirement)
    if len(cleaned) > MAX_REQUIREMENTS:
        raise InvalidInput(
            f"An opportunity can name at most {MAX_REQUIREMENTS} required experiences.",
            field="required_experience",
        )
    return cleaned


def _require_manager(by: Membership) -> None:
    if not can_manage_opportunities(by):
        raise NotAllowed("Only coordinators and admins can create or change opportunities.")


def _write_requirements(opportunity: Opportunity, requirements: list[RequirementInput]) -> None:
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


@transaction.atomic
def create_opportunity(
    *, by: Membership, data: Mapping[str, Any], requirements: Iterable[RequirementInput] = ()
) -> Opportunity:
    _require_manager(by)
    fields = clean_opportunity(data)
    cleaned = clean_requirements(requirements)
    opportunity = Opportunity.objects.create(
        organisation=by.organisation, created_by=by.user, **fields
    )
    _write_requirements(opportunity, cleaned)
    audit.record(
        actor=by.user,
        action="opportunity.created",
        organisation=by.organisation,
        target=opportunity,
        requirements=len(cleaned),
    )
    return opportunity


@transaction.atomic
def update_requirements(
    opportunity: Opportunity, *, by: Membership, requirements: Iterable[RequirementInput]
) -> list[RequiredExperience]:
    """Replace the opportunity's required experience (all or nothing)."""
    _require_manager(by)
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That opportunity belongs to another organisation.")
    cleaned = clean_requirements(requirements)
    RequiredExperience.objects.filter(opportunity=opportunity).delete()
    _write_requirements(opportunity, cleaned)
    # A prefetched list from the query that found the opportunity is now stale.
    getattr(opportunity, "_prefetched_objects_cache", {}).pop("required_experience", None)
    audit.record(
        actor=by.user,
        action="opportunity.requirements_updated",
        organisation=by.organisation,
        target=opportunity,
        requirements=[
            {"code": r.code, "setting": r.setting, "essential": r.essential} for r in cleaned
        ],
    )
    return list(RequiredExperience.objects.filter(opportunity=opportunity))

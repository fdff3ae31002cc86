"""The shapes of the opportunities API, as DESIGN.md writes them.

Pydantic checks types at the edge; which codes exist, which numbers and dates make sense
and how terms fit together is checked once, in opportunities/rules, so an unknown code
answers 422 naming the valid ones. Writes send only the fields they change: on PATCH, the
keys of ``location`` and ``reward`` change one by one, while ``expenses`` and
``output_use`` are replaced as a whole.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import ConfigDict, Field

from powerwith.core.choices import RewardBasis
from powerwith.offers.checks import opportunity_findings
from powerwith.offers.readiness import offer_gaps
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.rules import RequirementInput, SessionInput
from powerwith.safe_to_work.queries import requirements_of
from powerwith.safe_to_work.rules import Requirement

# A bound on what is read at all; the real limits, with clear words, are in the rules.
LONG_TEXT = 20_000
MANY = 500
MAX_ID = 2**63 - 1


class Strict(Schema):
    # A misspelt field is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid")


class RequirementIn(Strict):
    code: str = Field(max_length=100)
    setting: str | None = Field(default="", max_length=100)
    intervention: str | None = Field(default="", max_length=100)
    essential: bool = False

    def as_input(self) -> RequirementInput:
        return RequirementInput(
            code=self.code,
            setting=self.setting or "",
            intervention=self.intervention or "",
            essential=self.essential,
        )


class LocationIn(Strict):
    mode: str | None = Field(default=None, max_length=100)
    address: str | None = Field(default=None, max_length=LONG_TEXT)
    details: str | None = Field(default=None, max_length=LONG_TEXT)


class SessionIn(Strict):
    starts_at: dt.datetime
    minutes: int


class RewardIn(Strict):
    basis: str | None = Field(default=None, max_length=100)
    amount: Decimal | None = None
    paid_within_days: int | None = None


TEXT_TERMS = (
    "title",
    "purpose",
    "goal_type",
    "commitment",
    "level",
    "success_measures",
    "input_expected",
    "ground_rules",
    "status",
)
AS_GIVEN = (
    "focus",
    "outcomes",
    "hours_per_week",
    "expenses",
    "contact_user_id",
    "backup_contact_user_id",
    "output_use",
    "wellbeing_checks",
    "review_date",
)
NESTED = {
    "location": {
        "mode": "location_mode",
        "address": "location_address",
        "details": "location_details",
    },
    "reward": {
        "basis": "reward_basis",
        "amount": "reward_amount",
        "paid_within_days": "paid_within_days",
    },
}
TEXT_NESTED = frozenset({"location_mode", "location_address", "location_details", "reward_basis"})


class RequiredCheckIn(Strict):
    """A check the work requires: ``dbs`` with a ``level``, ``training`` with a ``name``,
    or ``induction`` (safe_to_work checks the codes)."""

    kind: str = Field(max_length=20)
    level: str = Field(default="", max_length=20)
    name: str = Field(default="", max_length=200)


class OpportunityChanges(Strict):
    """Every field, optional: PATCH changes only the fields it sends."""

    title: str | None = Field(default=None, max_length=LONG_TEXT)
    purpose: str | None = Field(default=None, max_length=LONG_TEXT)
    goal_type: str | None = Field(default=None, max_length=100)
    commitment: str | None = Field(default=None, max_length=100)
    level: str | None = Field(default=None, max_length=100)
    focus: list[str] | None = Field(default=None, max_length=MANY)
    required_experience: list[RequirementIn] | None = Field(default=None, max_length=MANY)
    outcomes: list[str] | None = Field(default=None, max_length=MANY)
    success_measures: str | None = Field(default=None, max_length=LONG_TEXT)
    input_expected: str | None = Field(default=None, max_length=LONG_TEXT)
    location: LocationIn | None = None
    sessions: list[SessionIn] | None = Field(default=None, max_length=MANY)
    hours_per_week: Decimal | None = None
    reward: RewardIn | None = None
    expenses: dict[str, bool] | None = None
    contact_user_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    backup_contact_user_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    output_use: dict[str, bool] | None = None
    wellbeing_checks: bool | None = None
    ground_rules: str | None = Field(default=None, max_length=LONG_TEXT)
    review_date: dt.date | None = None
    status: str | None = Field(default=None, max_length=100)
    # Safe-to-work checks: null follows the organisation's; a list, even empty, is this
    # work's own.
    required_checks: list[RequiredCheckIn] | None = Field(default=None, max_length=MANY)

    def checks_sent(self) -> bool:
        return "required_checks" in self.model_fields_set

    def check_items(self) -> list[dict[str, str]] | None:
        if self.required_checks is None:
            return None
        return [item.model_dump() for item in self.required_checks]

    def changes(self) -> dict[str, Any]:
        """The terms sent, named as the services name them."""
        sent = self.model_fields_set
        changes: dict[str, Any] = {}
        for name in TEXT_TERMS:
            if name in sent:
                changes[name] = getattr(self, name) or ""
        for name in AS_GIVEN:
            if name in sent:
                changes[name] = getattr(self, name)
        for group, fields in NESTED.items():
            nested = getattr(self, group)
            if group not in sent or nested is None:
                continue
            for key, name in fields.items():
                if key in nested.model_fields_set:
                    value = getattr(nested, key)
                    changes[name] = (value or "") if name in TEXT_NESTED else value
        for name in ("expenses", "output_use", "focus", "outcomes"):
            if name in changes and changes[name] is None:
                changes[name] = {} if name in ("expenses", "output_use") else []
        if "wellbeing_checks" in changes and changes["wellbeing_checks"] is None:
            del changes["wellbeing_checks"]
        return changes

    def requirements(self) -> list[RequirementInput] | None:
        if "required_experience" not in self.model_fields_set:
            return None
        return [r.as_input() for r in self.required_experience or []]

    def session_inputs(self) -> list[SessionInput] | None:
        if "sessions" not in self.model_fields_set:
            return None
        return [SessionInput(s.starts_at, s.minutes) for s in self.sessions or []]


class OpportunityIn(OpportunityChanges):
    title: str = Field(max_length=LONG_TEXT)


class RequirementOut(Schema):
    code: str
    setting: str
    intervention: str
    essential: bool


class LocationOut(Schema):
    mode: str
    address: str
    details: str


class SessionOut(Schema):
    starts_at: dt.datetime
    minutes: int


class RewardOut(Schema):
    basis: str
    amount: str | None
    paid_within_days: int | None
    label: str


class ClarityOut(Schema):
    """A clarity finding in the opportunity's own text, which every offer of it shares:
    while one ``blocks``, no offer of the opportunity can be sent."""

    rule: str
    severity: str
    message: str
    excerpt: str
    field: str
    blocks: bool
    where: str
    href: str


class RequiredCheckOut(Schema):
    kind: str
    level: str
    name: str


class OpportunityOut(Schema):
    id: int
    title: str
    purpose: str
    goal_type: str
    commitment: str
    level: str
    focus: list[str]
    required_experience: list[RequirementOut]
    outcomes: list[str]
    success_measures: str
    input_expected: str
    location: LocationOut
    sessions: list[SessionOut]
    hours_per_week: str | None
    reward: RewardOut
    expenses: dict[str, bool]
    contact_user_id: int | None
    backup_contact_user_id: int | None
    output_use: dict[str, bool]
    wellbeing_checks: bool
    ground_rules: str
    review_date: dt.date | None
    status: str
    missing: list[str]
    clarity: list[ClarityOut]
    required_checks: list[RequiredCheckOut]


class OpportunityPage(Schema):
    items: list[OpportunityOut]
    count: int


def opportunity_out(
    opportunity: Opportunity, checks: list[Requirement] | None = None
) -> dict[str, Any]:
    """The opportunity in the shape it is posted in, with its id, status, ``missing`` (the
    elements an offer built from it would still leave out: offers.content codes) and
    ``clarity`` (the clarity checker's findings in its own text)."""
    o = opportunity
    return {
        "id": o.pk,
        "title": o.title,
        "purpose": o.purpose,
        "goal_type": o.goal_type,
        "commitment": o.commitment,
        "level": o.level,
        "focus": list(o.focus),
        "required_experience": [
            {
                "code": r.code,
                "setting": r.setting,
                "intervention": r.intervention,
                "essential": r.essential,
            }
            for r in o.required_experience.all()
        ],
        "outcomes": list(o.outcomes),
        "success_measures": o.success_measures,
        "input_expected": o.input_expected,
        "location": {
            "mode": o.location_mode,
            "address": o.location_address,
            "details": o.location_details,
        },
        "sessions": [
            {"starts_at": s.starts_at, "minutes": s.minutes}
            for s in o.sessions.all()
            if s.cancelled_at is None
        ],
        "hours_per_week": None if o.hours_per_week is None else str(o.hours_per_week),
        "reward": {
            "basis": o.reward_basis,
            "amount": None if o.reward_amount is None else f"{o.reward_amount:.2f}",
            "paid_within_days": o.paid_within_days,
            # Voluntary work says, wherever it is shown, that it is the person's choice.
            "label": dict(RewardBasis.choices).get(o.reward_basis, ""),
        },
        "expenses": dict(o.expenses),
        "contact_user_id": o.contact_user_id,
        "backup_contact_user_id": o.backup_contact_user_id,
        "output_use": dict(o.output_use),
        "wellbeing_checks": o.wellbeing_checks,
        "ground_rules": o.ground_rules,
        "review_date": o.review_date,
        "status": o.status,
        "missing": offer_gaps(o),
        "clarity": opportunity_findings(o),
        "required_checks": [
            r.as_item() for r in (requirements_of(o) if checks is None else checks)
        ],
    }

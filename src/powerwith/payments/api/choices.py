"""Payment timeliness and the person's choice about payment over the API.

Thin, like ``api``: parse, find through queries.py, call the same services as the pages.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request, membership_of
from powerwith.payments import queries, services
from powerwith.payments.api import ID_MAX
from powerwith.payments.models import RewardChoice
from powerwith.people.queries import get_person_for, person_id_for

router = Router(tags=["payments"])


class ChoiceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    choice: str = Field(max_length=10)
    amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    reason: str = Field(default="", max_length=1000)
    person_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    person_said: bool = False


class TimelinessOut(Schema):
    target_days: int
    paid: int
    paid_within_target: int
    median_days: float | None
    overdue: int
    sentence: str


class ChoiceOut(Schema):
    id: int
    person_id: int
    opportunity_id: int
    choice: str = Field(max_length=10)
    amount: str | None
    reason: str
    recorded_by_id: int
    voluntary: bool
    created_at: str


@router.get("/payments/timeliness", response=TimelinessOut)
def payment_timeliness(request: Request) -> dict[str, Any]:
    """Days from claim to payment, for claims paid in the last 12 months."""
    membership = membership_of(request)
    queries.require_manager(membership)
    figure = queries.timeliness(membership.organisation)
    return {
        "target_days": figure.target_days,
        "paid": figure.paid,
        "paid_within_target": figure.on_time,
        "median_days": figure.median_days,
        "overdue": figure.overdue,
        "sentence": figure.sentence,
    }


def _choice_out(choice: RewardChoice) -> dict[str, Any]:
    return {
        "id": choice.pk,
        "person_id": choice.person_id,
        "opportunity_id": choice.opportunity_id,
        "choice": choice.choice,
        "amount": f"{choice.amount:.2f}" if choice.amount is not None else None,
        "reason": choice.reason,
        "recorded_by_id": choice.recorded_by_id,
        "voluntary": queries.is_voluntary_by_choice(choice.person, choice.opportunity_id),
        "created_at": choice.created_at.isoformat(),
    }


@router.post("/opportunities/{opportunity_id}/reward-choice", response={201: ChoiceOut})
def record_reward_choice(
    request: Request, opportunity_id: int, payload: ChoiceIn
) -> Status[dict[str, Any]]:
    """The person's choice about payment: ``full``, ``less`` (with ``amount``) or
    ``decline`` (with ``reason``). Staff give ``person_id`` and ``person_said: true``."""
    membership = membership_of(request)
    person_id = payload.person_id or person_id_for(membership)
    if person_id is None:
        raise InvalidInput("Say whose choice it is (person_id).", field="person_id")
    person = get_person_for(membership, person_id)
    opportunity = queries.opportunity_offered_to(membership, person, opportunity_id)
    choice = services.record_reward_choice(
        person=person,
        opportunity=opportunity,
        choice=payload.choice,
        amount=payload.amount,
        reason=payload.reason,
        by=membership,
        person_said=payload.person_said,
    )
    return Status(201, _choice_out(choice))

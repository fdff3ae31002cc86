"""The rules that join terms together, or to the organisation: an amount and how it is
paid, a status and the one before it, a role and its review date, the contact people."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from powerwith.accounts.models import Membership, Organisation
from powerwith.core.choices import PER_BASIS, Commitment, RewardBasis
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.core.permissions import Capability, can
from powerwith.opportunities.models import STARTING_STATUSES, STATUS_TRANSITIONS, OpportunityStatus
from powerwith.opportunities.rules.terms import money, name

# Amounts above these are a typing slip, not a rate: per hour, day or session, and a year.
MAX_AMOUNT = {
    RewardBasis.HOURLY: Decimal(10_000),
    RewardBasis.DAILY: Decimal(10_000),
    RewardBasis.PER_SESSION: Decimal(10_000),
    RewardBasis.SALARIED: Decimal(200_000),
}
PAID_BASES = tuple(MAX_AMOUNT)
PENNY = Decimal("0.01")


def check_amount(
    basis: str, amount: Decimal | None, *, field: str = "reward_amount"
) -> Decimal | None:
    """An amount that makes sense for its basis: none for voluntary work, and for paid
    work more than nothing and less than an absurd figure, in pounds and pence."""
    if basis not in PAID_BASES:
        if amount:
            raise InvalidInput(
                "Voluntary work has no fee, so leave the amount empty, or choose how the "
                "work is paid."
                if basis == RewardBasis.VOLUNTARY
                else "Choose how the reward is worked out before giving an amount.",
                field=field,
            )
        return None
    if amount is None:
        return None
    if amount < 0:
        raise InvalidInput("The amount cannot be negative.", field=field)
    if amount == 0:
        raise InvalidInput(
            "Paid work needs an amount above £0. Choose voluntary only when the person "
            "chooses not to be paid.",
            field=field,
        )
    limit = MAX_AMOUNT[RewardBasis(basis)]
    if amount > limit:
        raise InvalidInput(
            f"{money(amount)} {PER_BASIS[basis]} is more than the {money(limit)} "
            f"{PER_BASIS[basis]} this service accepts. Check the amount and how it is paid.",
            field=field,
        )
    if amount != amount.quantize(PENNY):
        raise InvalidInput("Give the amount in pounds and pence, like 25.50.", field=field)
    return amount.quantize(PENNY)


def check_starting_status(status: str) -> None:
    if status not in STARTING_STATUSES:
        raise Conflict(
            "A new opportunity starts as a draft, or open. Its status changes later, one "
            "step at a time.",
            field="status",
        )


STATUS_WORDS = {
    OpportunityStatus.DRAFT: "a draft",
    OpportunityStatus.OPEN: "open",
    OpportunityStatus.IN_PROGRESS: "in progress",
    OpportunityStatus.COMPLETED: "completed",
    OpportunityStatus.REVIEWED: "reviewed",
    OpportunityStatus.CANCELLED: "cancelled",
}


def check_status_change(current: str, wanted: str) -> None:
    """Only the changes STATUS_TRANSITIONS declares; staying as it is is no change."""
    if wanted == current:
        return
    if wanted not in STATUS_TRANSITIONS[current]:
        allowed = [STATUS_WORDS[s] for s in OpportunityStatus if s in STATUS_TRANSITIONS[current]]
        then = (
            f"It can become {' or '.join(allowed)}."
            if allowed
            else "Its status can no longer change."
        )
        raise Conflict(
            f"The opportunity is {STATUS_WORDS[OpportunityStatus(current)]}, so it cannot "
            f"become {STATUS_WORDS[OpportunityStatus(wanted)]}. {then}",
            field="status",
        )


def check_review(
    *, commitment: str, status: str, review_date: dt.date | None, today: dt.date, opening: bool
) -> None:
    """An enduring role is reviewed regularly: it has a review date from the day it opens."""
    if commitment != Commitment.ENDURING_ROLE:
        return
    if status not in (OpportunityStatus.OPEN, OpportunityStatus.IN_PROGRESS):
        return
    if review_date is None:
        raise InvalidInput(
            "Set a review date: an enduring role is reviewed regularly, so it needs one "
            "before it opens.",
            field="review_date",
        )
    if opening and review_date < today:
        raise InvalidInput(
            "The review date has passed. Set a new one before opening the role.",
            field="review_date",
        )


def check_new_review_date(review_date: dt.date | None, today: dt.date) -> None:
    if review_date is not None and review_date < today:
        raise InvalidInput("The review date must be today or later.", field="review_date")


def check_contacts(
    organisation: Organisation, contact_id: int | None, backup_id: int | None
) -> None:
    """Contacts are the organisation's own staff, and the backup is someone else."""
    for field, user_id in (("contact_user_id", contact_id), ("backup_contact_user_id", backup_id)):
        if user_id is None:
            continue
        role = (
            Membership.objects.filter(organisation=organisation, user_id=user_id)
            .values_list("role", flat=True)
            .first()
        )
        if role is None:
            raise InvalidInput(
                f"The {name(field)} (user {user_id}) is not a member of {organisation.name}. "
                "Choose one of its members.",
                field=field,
            )
        if not can(role, Capability.CARE_FOR_PEOPLE):
            raise InvalidInput(
                f"The {name(field)} must be a coordinator, contact person or admin of "
                f"{organisation.name}, who can support the people taking part.",
                field=field,
            )
    if contact_id is not None and contact_id == backup_id:
        raise InvalidInput(
            "The backup contact must be someone other than the contact person.",
            field="backup_contact_user_id",
        )

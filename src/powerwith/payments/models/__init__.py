"""Pay and expenses: the person's choice about payment, claims for time and expenses, and
each step a claim takes to being paid.

A claim's history is appended (``ClaimEvent``), never edited; ``Claim.status`` is the
latest event's state, kept beside them in the same transaction so lists can filter on it.
Payment records are kept for six years whatever else is erased (see issue on data rights).

By topic: ``rewards`` (the person's choice about payment), ``claims`` (claims and their
steps), ``mileage`` (the rate card), ``routes`` (pay routes and employment status) and
``batches``; importing them here registers their models with the app.
"""

from __future__ import annotations

from powerwith.payments.models.batches import BatchClaim, PaymentBatch
from powerwith.payments.models.claims import (
    EXPENSE_KINDS,
    LIVE_STATUSES,
    TRANSITIONS,
    UNPAID_STATUSES,
    Claim,
    ClaimEvent,
    ClaimKind,
    ClaimStatus,
    ExpenseCategory,
)
from powerwith.payments.models.mileage import MileageRate, Vehicle
from powerwith.payments.models.rewards import RewardChoice, RewardChoiceKind
from powerwith.payments.models.routes import (
    EmploymentStatusDecision,
    PayRoute,
    PayRouteChoice,
    StatusOutcome,
)

__all__ = [
    "EXPENSE_KINDS",
    "LIVE_STATUSES",
    "TRANSITIONS",
    "UNPAID_STATUSES",
    "BatchClaim",
    "Claim",
    "ClaimEvent",
    "ClaimKind",
    "ClaimStatus",
    "EmploymentStatusDecision",
    "ExpenseCategory",
    "MileageRate",
    "PayRoute",
    "PayRouteChoice",
    "PaymentBatch",
    "RewardChoice",
    "RewardChoiceKind",
    "StatusOutcome",
    "Vehicle",
]

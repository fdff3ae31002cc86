"""Every write about pay and expenses: one function per action, in a transaction, with an
audit record. See ``choices`` (the person's choice about payment), ``claims``,
``travel``, ``mileage`` (with the rate card) and ``attendance`` (making them, held to
``claim_rules``) and ``steps`` (from approval to payment)."""

from powerwith.payments.services.attendance import claim_time_from_attendance
from powerwith.payments.services.batches import (
    BatchChanged,
    mark_batch_paid,
    prepare_batch,
    set_batch_aside,
)
from powerwith.payments.services.choices import record_reward_choice
from powerwith.payments.services.claims import (
    submit_claim,
    submit_expense_claim,
    submit_time_claim,
    submit_time_claim_for_person,
)
from powerwith.payments.services.mileage import add_mileage_rate, submit_mileage_claim
from powerwith.payments.services.routes import choose_pay_route, record_employment_status
from powerwith.payments.services.steps import (
    approve_claim,
    record_payment,
    reject_claim,
    withdraw_claim,
)
from powerwith.payments.services.travel import request_travel_advance

__all__ = [
    "BatchChanged",
    "add_mileage_rate",
    "approve_claim",
    "choose_pay_route",
    "claim_time_from_attendance",
    "mark_batch_paid",
    "prepare_batch",
    "record_employment_status",
    "record_payment",
    "record_reward_choice",
    "reject_claim",
    "request_travel_advance",
    "set_batch_aside",
    "submit_claim",
    "submit_expense_claim",
    "submit_mileage_claim",
    "submit_time_claim",
    "submit_time_claim_for_person",
    "withdraw_claim",
]

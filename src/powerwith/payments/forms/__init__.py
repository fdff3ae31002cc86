"""Forms for payment choices and claims. They parse; the rules live in services.

By topic, as in ``services``: ``choices`` (how the person would like to be paid), ``time``,
``expenses`` (and travel paid in advance), ``mileage``, ``steps`` (from approval to
payment), ``routes`` (pay routes and employment status) and ``batches``; ``fields`` holds
what they share."""

from __future__ import annotations

from powerwith.payments.forms.batches import BatchPaymentForm
from powerwith.payments.forms.choices import RewardChoiceForm, StaffChoiceForm
from powerwith.payments.forms.expenses import ExpenseClaimForm, TravelAdvanceForm
from powerwith.payments.forms.fields import AMOUNT_ERRORS
from powerwith.payments.forms.mileage import MILES_ERRORS, MileageClaimForm, MileageRateForm
from powerwith.payments.forms.routes import YES_NO, EmploymentStatusForm, PayRouteForm
from powerwith.payments.forms.steps import ApproveForm, PaymentForm, RejectForm
from powerwith.payments.forms.time import (
    RecordTimeClaimForm,
    SupporterTimeClaimForm,
    TimeClaimForm,
    TimeFromAttendanceForm,
)

__all__ = [
    "AMOUNT_ERRORS",
    "MILES_ERRORS",
    "YES_NO",
    "ApproveForm",
    "BatchPaymentForm",
    "EmploymentStatusForm",
    "ExpenseClaimForm",
    "MileageClaimForm",
    "MileageRateForm",
    "PayRouteForm",
    "PaymentForm",
    "RecordTimeClaimForm",
    "RejectForm",
    "RewardChoiceForm",
    "StaffChoiceForm",
    "SupporterTimeClaimForm",
    "TimeClaimForm",
    "TimeFromAttendanceForm",
    "TravelAdvanceForm",
]

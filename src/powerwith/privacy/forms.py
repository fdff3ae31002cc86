from __future__ import annotations

from typing import Any

from django import forms
from django.db import models

from powerwith.privacy.models import AUDIT_MONTHS_MINIMUM, PAYMENT_MONTHS_MINIMUM, RetentionPolicy

SETTINGS = (
    "wellbeing_note_months",
    "access_log_months",
    "left_person_months",
    "feedback_text_months",
    "payment_months",
    "audit_log_months",
)
MOST_MONTHS = 1200

HINTS = {
    "wellbeing_note_months": "Counted from the day of the session.",
    "access_log_months": "Each person can see this record on their own page until then.",
    "left_person_months": "Counted from when the person was marked as having left.",
    "feedback_text_months": "The ratings are kept; only the words are removed.",
    "payment_months": "At least 72 months (six years): HMRC requires payment records to be "
    "kept for six years after payment.",
    "audit_log_months": "At least 72 months (six years): it shows who approved and paid each "
    "claim and who recorded a person's consent, so it is kept as long as payment records.",
}

# The least each period may be, and what a smaller number is told.
LEAST = {
    "payment_months": (
        PAYMENT_MONTHS_MINIMUM,
        "Payment records must be kept for at least 72 months (six years after payment)",
    ),
    "audit_log_months": (
        AUDIT_MONTHS_MINIMUM,
        "The audit log must be kept for at least 72 months (six years), as long as payment records",
    ),
}


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that this cannot be undone, and I want my information erased",
        error_messages={"required": "Tick the box to confirm you want your information erased"},
    )


class StaffEraseForm(forms.Form):
    """An admin erases a person's information on the request the person made to them."""

    how_asked = forms.CharField(
        label="How the person asked",
        help_text="For example: by phone on 3 March, by letter, or in person at a session.",
        max_length=200,
        error_messages={
            "required": "Enter how the person asked for their information to be erased",
            "max_length": "How the person asked must be 200 characters or fewer",
        },
    )
    confirm = forms.BooleanField(
        label="The person asked for this, and I understand that it cannot be undone",
        error_messages={"required": "Tick the box to confirm the person asked for this"},
    )


def _months(name: str) -> forms.IntegerField:
    field = RetentionPolicy._meta.get_field(name)
    assert isinstance(field, models.Field)
    least, too_few = LEAST.get(name, (1, "Enter at least 1 month"))
    return forms.IntegerField(
        label=str(field.verbose_name).capitalize(),
        help_text=HINTS[name],
        min_value=least,
        max_value=MOST_MONTHS,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": "Enter a number of months",
            "invalid": "Enter a whole number of months, like 24",
            "min_value": too_few,
            "max_value": f"Enter {MOST_MONTHS} months or fewer",
        },
    )


class RetentionForm(forms.Form):
    wellbeing_note_months = _months("wellbeing_note_months")
    access_log_months = _months("access_log_months")
    left_person_months = _months("left_person_months")
    feedback_text_months = _months("feedback_text_months")
    payment_months = _months("payment_months")
    audit_log_months = _months("audit_log_months")

    @staticmethod
    def initial_from(policy: RetentionPolicy) -> dict[str, Any]:
        return {name: getattr(policy, name) for name in SETTINGS}

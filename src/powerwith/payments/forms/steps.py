"""A claim's steps from approval to payment."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.forms.dates import GovukDateField


class ApproveForm(forms.Form):
    confirm_outside_agreement = forms.BooleanField(
        label="I have decided to pay it, although it is not in the agreed expenses",
        required=False,
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=500)

    def __init__(self, *args: Any, outside_agreement: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not outside_agreement:
            del self.fields["confirm_outside_agreement"]


class RejectForm(forms.Form):
    note = forms.CharField(
        label="Why is it not approved?",
        help_text="The person reads this, so say what they can do next.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Say why the claim is not approved, so the person knows what to do next.",
            "max_length": "Keep the note to 500 characters or fewer.",
        },
    )


class PaymentForm(forms.Form):
    paid_on = GovukDateField(
        label="Date paid",
        required=True,
        help_text="The day the money was sent. For example, 14 3 2027.",
        error_messages={"required": "Enter the date the claim was paid."},
    )
    note = forms.CharField(
        label="Payment reference (optional)",
        required=False,
        max_length=500,
    )

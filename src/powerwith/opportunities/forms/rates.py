"""The form for a new rate on the rate card. The rules live in opportunities/rules."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.choices import RewardBasis
from powerwith.core.forms.dates import GovukDateField

PAID = [(value, label) for value, label in RewardBasis.choices if value != RewardBasis.VOLUNTARY]


class RateForm(forms.Form):
    basis = forms.ChoiceField(
        label="What the rate pays for",
        choices=PAID,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the rate pays for."},
    )
    amount = forms.CharField(
        label="Amount in pounds",
        help_text="For example, 25.00. A salary is the amount a year.",
        error_messages={"required": "Enter the amount in pounds, like 25.00."},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
    )
    valid_from = GovukDateField(
        label="Start date",
        required=True,
        help_text="The first day the rate is used, today or later. For example, 1 4 2027.",
    )
    note = forms.CharField(
        label="Note (optional)",
        max_length=200,
        required=False,
        help_text="For example, the decision that set it.",
        error_messages={"max_length": "The note must be 200 characters or fewer."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["valid_from"].error_messages["required"] = "Enter the date the rate starts."

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "basis": data["basis"],
            "amount": data["amount"].replace("£", "").replace(",", ""),
            "valid_from": data["valid_from"],
            "note": data["note"],
        }

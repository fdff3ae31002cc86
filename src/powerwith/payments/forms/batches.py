"""Paying a batch of approved claims."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.forms.dates import GovukDateField


class BatchPaymentForm(forms.Form):
    paid_on = GovukDateField(label="Date paid", required=True, help_text="For example, 3 2 2027.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paid_on"].error_messages["required"] = "Enter the date the batch was paid."

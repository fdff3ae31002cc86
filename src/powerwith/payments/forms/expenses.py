"""Expenses claimed afterwards, and travel paid in advance."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.payments.forms.fields import amount_field, set_choices
from powerwith.payments.models import ExpenseCategory
from powerwith.payments.receipts import MAX_BYTES


class ExpenseClaimForm(forms.Form):
    offer_id = forms.TypedChoiceField(
        label="Which work was it for?",
        coerce=int,
        error_messages={
            "required": "Choose the work the expenses were for.",
            "invalid_choice": "Choose one of the pieces of work listed.",
        },
    )
    category = forms.ChoiceField(
        label="What kind of expense is it?",
        choices=ExpenseCategory.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of expense it is.",
            "invalid_choice": "Choose one of the kinds of expense listed.",
        },
    )
    amount = amount_field("How much did you spend?", "In pounds, like 12.50.")
    description = forms.CharField(
        label="What was it for?",
        help_text="For example: bus fares to and from the session, or lunch.",
        max_length=500,
        error_messages={
            "required": "Say what the money was spent on.",
            "max_length": "Keep the description to 500 characters or fewer.",
        },
    )
    receipt = forms.FileField(
        label="Receipt (optional)",
        help_text=f"A PDF, JPEG or PNG file, {MAX_BYTES // (1024 * 1024)} MB or smaller.",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, offers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["offer_id"], [("", "Choose the work"), *offers])  # type: ignore[list-item]


class TravelAdvanceForm(forms.Form):
    session_id = forms.TypedChoiceField(
        label="Which session do you need travel paid for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the session.",
            "invalid_choice": "Choose one of the sessions listed.",
        },
    )
    amount = amount_field("How much will the travel cost?", "In pounds, like 18.60.")
    description = forms.CharField(
        label="How will you travel?",
        help_text="For example: return train from Hull to Leeds.",
        max_length=500,
        error_messages={
            "required": "Say how you will travel.",
            "max_length": "Keep the description to 500 characters or fewer.",
        },
    )

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["session_id"], sessions)

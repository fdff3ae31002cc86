"""How the person would like to be paid for a piece of work, chosen by them or recorded
by staff on their word."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.payments.forms.fields import amount_field
from powerwith.payments.models import RewardChoiceKind


class RewardChoiceForm(forms.Form):
    choice = forms.ChoiceField(
        label="How would you like to be paid for this work?",
        choices=RewardChoiceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you would like to be paid."},
    )
    amount = amount_field(
        "If you would like to be paid less: how much?",
        required=False,
    )
    reason = forms.CharField(
        label="If you do not want to be paid: why?",
        help_text="A few words are enough. It is kept with your choice.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the reason to 1000 characters or fewer."},
    )

    def __init__(self, *args: Any, unit: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = f"In pounds, {unit}. It must be less than the fee."


class StaffChoiceForm(RewardChoiceForm):
    """The same choice, recorded by staff for the person, who must say the person told them."""

    person_said = forms.BooleanField(
        label="The person told me this is their own choice",
        required=True,
        error_messages={
            "required": "Record a choice for someone only when they have told you it is theirs."
        },
    )

    def __init__(self, *args: Any, unit: str, **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["choice"].label = "How would they like to be paid for this work?"
        self.fields["amount"].label = "If they would like to be paid less: how much?"
        self.fields["reason"].label = "If they do not want to be paid: why?"

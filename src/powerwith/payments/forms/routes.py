"""How the person is paid (their pay route), and the organisation's employment status
decision."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.choices import Commitment
from powerwith.core.forms.dates import GovukDateField
from powerwith.payments.models import (
    PayRoute,
    StatusOutcome,
)


class PayRouteForm(forms.Form):
    route = forms.ChoiceField(
        label="How would you like to be paid?",
        choices=PayRoute.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you would like to be paid.",
            "invalid_choice": "Choose one of the ways of being paid listed.",
        },
    )
    charity = forms.CharField(
        label="If you chose a charity: which one?",
        required=False,
        max_length=200,
        error_messages={"max_length": "Keep the charity's name to 200 characters or fewer."},
    )
    applies_from = GovukDateField(
        label="From when?",
        help_text="Leave it empty for today. For example, 1 5 2027.",
    )

    def __init__(self, *args: Any, open_routes: set[str], words: dict[str, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["route"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(v, label) for v, label in PayRoute.choices if v in open_routes]
        self.route_hints = {v: words[v] for v in open_routes}


YES_NO = [("yes", "Yes"), ("no", "No")]


class EmploymentStatusForm(forms.Form):
    commitment = forms.ChoiceField(
        label="Which kind of work is the decision for?",
        choices=Commitment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of work the decision is for."},
    )
    outcome = forms.ChoiceField(
        label="What did the organisation decide?",
        choices=StatusOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome of the decision."},
    )
    reasons = forms.CharField(
        label="Why (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the reasons to 2000 characters or fewer."},
    )
    review_on = GovukDateField(
        label="When will it be reviewed?",
        required=True,
        help_text="Within three years. For example, 1 4 2027.",
    )

    def __init__(self, *args: Any, questions: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review_on"].error_messages["required"] = "Enter the review date."
        for key, text in questions.items():
            self.fields[key] = forms.ChoiceField(
                label=text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer yes or no: {text}"},
            )
        # The questions first, then the outcome they lead to.
        order = [*questions, "commitment", "outcome", "reasons", "review_on"]
        self.order_fields(order)

    def answers(self, questions: dict[str, str]) -> dict[str, bool]:
        return {key: self.cleaned_data[key] == "yes" for key in questions}

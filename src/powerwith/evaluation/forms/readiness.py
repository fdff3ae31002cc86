"""Forms of the readiness self-assessment: the assessment itself (one set of radios per
factor, in the charter's words, each with an optional note) and an action for its plan."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.accounts.models import User
from powerwith.core.errors import DomainError
from powerwith.core.forms.dates import GovukDateField
from powerwith.core.web import add_domain_error
from powerwith.evaluation.readiness import FACTOR_CHOICES, FACTORS, GROUP_TITLES, Factor
from powerwith.evaluation.services.readiness import NOTE_LENGTH, SUMMARY_LENGTH


def rating_field(factor: Factor) -> str:
    """A form field name for the factor: its code without dots, which ids cannot carry
    into the error summary's links."""
    return "rating_" + factor.code.replace(".", "_")


def note_field(factor: Factor) -> str:
    return "note_" + factor.code.replace(".", "_")


class AssessmentForm(forms.Form):
    review_date = GovukDateField(
        label="When will you look at this again?",
        help_text="For example, in six months: 31 3 2027. It will appear on the reviews due page.",
        required=True,
        error_messages={"required": "Enter the date you will look at this again."},
    )
    summary = forms.CharField(
        label="Summary (optional)",
        help_text="What stands out, in your own words.",
        required=False,
        max_length=SUMMARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {}
        for factor in FACTORS:
            fields[rating_field(factor)] = forms.ChoiceField(
                label=factor.text,
                choices=factor.ratings,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Choose an answer for: {factor.text}",
                    "invalid_choice": f"Choose one of the answers for: {factor.text}",
                },
            )
            fields[note_field(factor)] = forms.CharField(
                label="Note (optional)",
                required=False,
                max_length=NOTE_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The factors come first, in the charter's order; the review date and summary last.
        self.fields = {**fields, **self.fields}

    def groups(self) -> list[tuple[str, list[tuple[forms.BoundField, forms.BoundField]]]]:
        """The bound fields under the charter's three headings, for the template."""
        grouped: dict[str, list[tuple[forms.BoundField, forms.BoundField]]] = {}
        for factor in FACTORS:
            grouped.setdefault(GROUP_TITLES[factor.group], []).append(
                (self[rating_field(factor)], self[note_field(factor)])
            )
        return list(grouped.items())

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "ratings": {f.code: data[rating_field(f)] for f in FACTORS},
            "notes": {f.code: data[note_field(f)] for f in FACTORS if data[note_field(f)]},
            "review_date": data["review_date"],
            "summary": data["summary"],
        }

    def add_service_error(self, error: DomainError) -> None:
        by_code = {f.code: rating_field(f) for f in FACTORS}
        if error.field in by_code:
            error.field = by_code[error.field]
        add_domain_error(self, error)


class ActionForm(forms.Form):
    factor = forms.ChoiceField(
        label="Which factor is it about?",
        choices=[("", "Choose a factor"), *FACTOR_CHOICES],
        error_messages={
            "required": "Choose the factor the action is about",
            "invalid_choice": "Choose one of the factors in the list",
        },
    )
    what = forms.CharField(
        label="What will you do?",
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what you will do"},
    )
    owner = forms.TypedChoiceField(
        label="Who owns it?",
        coerce=int,
        error_messages={
            "required": "Choose who owns the action",
            "invalid_choice": "Choose someone from your organisation",
        },
    )
    due_date = GovukDateField(
        label="When is it due?",
        help_text="For example, 31 3 2027.",
        required=True,
        error_messages={"required": "Enter the date it is due."},
    )

    def __init__(self, *args: Any, owners: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose someone")] + [
            (u.pk, f"{u.full_name} ({u.email})" if u.full_name else u.email) for u in owners
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "factor": data["factor"],
            "what": data["what"],
            "owner_id": data["owner"],
            "due_date": data["due_date"],
        }

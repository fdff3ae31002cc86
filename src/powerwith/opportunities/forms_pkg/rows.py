"""Forms for opportunities. They parse; the rules live in opportunities/services.py."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.opportunities.choices import (
    LEVEL_DESCRIPTIONS,
    Commitment,
    CoWorkingLevel,
    Focus,
    GoalType,
    LocationMode,
    RewardBasis,
)
from powerwith.opportunities.models import OpportunityStatus
from powerwith.opportunities.services import RequirementInput
from powerwith.people.schedule import ITEMS_BY_CODE, RESTRICTIVE_INTERVENTIONS, SETTINGS

MAX_REQUIREMENT_ROWS = 5
NOT_DECIDED = [("", "Not decided yet")]


def _radios(label: str, options: Any, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=NOT_DECIDED + list(options),
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


def level_choices() -> list[tuple[str, str]]:
    """Each level with the charter's description, so it is chosen knowing what it means."""
    return [
        (value, f"{label} — {LEVEL_DESCRIPTIONS[CoWorkingLevel(value)]}")
        for value, label in CoWorkingLevel.choices
    ]


class OpportunityForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={
            "required": "Enter a title for the opportunity.",
            "max_length": "The title must be 200 characters or fewer.",
        },
    )
    purpose = forms.CharField(
        label="Purpose",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the work is for, in plain words.",
        error_messages={"max_length": "The purpose must be 4000 characters or fewer."},
    )
    goal_type = _radios("Goal", GoalType.choices)
    commitment = _radios("Commitment", Commitment.choices)
    level = _radios("Level of co-working", level_choices())
    focus = forms.MultipleChoiceField(
        label="Focus",
        choices=Focus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="What the work involves. Select all that apply.",
    )
    location_mode = _radios("How people take part", LocationMode.choices)
    reward_basis = _radios(
        "Reward",
        RewardBasis.choices,
        "Voluntary only when the person chooses it: work is paid by default.",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=OpportunityStatus.choices,
        initial=OpportunityStatus.DRAFT,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a status."},
    )


class RequirementForm(forms.Form):
    code = forms.ChoiceField(
        label="Experience",
        choices=[("", "Choose an item of the Schedule of Experience")]
        + [(code, item.label) for code, item in ITEMS_BY_CODE.items()],
        required=False,
    )
    setting = forms.ChoiceField(
        label="Setting", choices=[("", "Any setting"), *list(SETTINGS)], required=False
    )
    intervention = forms.ChoiceField(
        label="Type of restrictive intervention",
        choices=[("", "Any or none"), *list(RESTRICTIVE_INTERVENTIONS)],
        required=False,
        help_text="Only for experience of restrictive interventions.",
    )
    essential = forms.ChoiceField(
        label="How much it matters",
        choices=[
            ("desirable", "Desirable: people without it can still be matched"),
            ("essential", "Essential: only people with it are matched"),
        ],
        initial="desirable",
        required=False,
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("code") and (data.get("setting") or data.get("intervention")):
            self.add_error("code", "Choose the experience this row is about, or clear the row.")
        return data

    def to_input(self) -> RequirementInput | None:
        data = getattr(self, "cleaned_data", None)
        if not data or not data.get("code"):
            return None
        return RequirementInput(
            code=data["code"],
            setting=data.get("setting", ""),
            intervention=data.get("intervention", ""),
            essential=data.get("essential") == "essential",
        )


RequirementFormSet = forms.formset_factory(
    RequirementForm,
    extra=MAX_REQUIREMENT_ROWS,
    max_num=MAX_REQUIREMENT_ROWS,
    validate_max=True,
)


def requirement_inputs(formset: Any) -> list[RequirementInput]:
    return [entry for form in formset.forms if (entry := form.to_input()) is not None]

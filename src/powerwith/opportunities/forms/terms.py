"""The form for an opportunity's terms. It parses what was typed and ticked; the rules
(amounts, dates, statuses, contacts) live in opportunities/rules, for the API too."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms

from powerwith.core.choices import (
    EXPENSES,
    LESS_TANGIBLE_OUTCOMES,
    LEVEL_DESCRIPTIONS,
    OUTPUT_USES,
    PER_BASIS,
    POWER_TO_STOP,
    TANGIBLE_OUTCOMES,
    Commitment,
    CoWorkingLevel,
    Focus,
    GoalType,
    LocationMode,
    RewardBasis,
)
from powerwith.core.forms import AUTOCOMPLETE_OR_NO_ONE
from powerwith.core.forms.dates import GovukDateField
from powerwith.core.forms.text import one_line_only
from powerwith.opportunities.models import Opportunity, RateCard
from powerwith.opportunities.rules import money

NOT_DECIDED = [("", "Not decided yet")]
NONE = "none"
NO_EXPENSES = [(NONE, "No expenses are covered")]
NO_OUTPUT_USE = [(NONE, "Not used beyond the work itself")]
# Where a refusal about a term the form splits or renames is shown.
FIELD_FOR = {"outcomes": "outcomes_tangible"}


def _radios(label: str, options: Any, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=NOT_DECIDED + list(options),
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


def _ticks(label: str, options: Any, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=options,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def _text(label: str, size: int, help_text: str = "", rows: int = 0) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        error_messages={"max_length": f"{label} must be {size} characters or fewer."},
        max_length=size,
    )


def _short(label: str, help_text: str, width: str, mode: str = "decimal") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"class": f"govuk-input--width-{width}", "inputmode": mode}),
    )


def level_choices() -> list[tuple[str, str]]:
    """Each level with the charter's description, so it is chosen knowing what it means."""
    return [
        (value, f"{label} — {LEVEL_DESCRIPTIONS[CoWorkingLevel(value)]}")
        for value, label in CoWorkingLevel.choices
    ]


def rate_hint(rates: Mapping[str, RateCard]) -> str:
    figures = [f"{money(rate.amount)} {PER_BASIS[basis]}" for basis, rate in sorted(rates.items())]
    if not figures:
        return "In pounds, like 25.00. Your organisation has no rate card yet."
    return (
        "In pounds, like 25.00. Leave it empty to use your rate card: " + ", ".join(figures) + "."
    )


def _ticked(flags: Mapping[str, bool]) -> list[str]:
    """Ticked boxes for stored flags: nothing ticked is "not decided", all false is none."""
    if not flags:
        return []
    return [key for key, on in flags.items() if on] or [NONE]


class OpportunityForm(forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=200,
        validators=[one_line_only("title")],
        error_messages={
            "required": "Enter a title for the opportunity.",
            "max_length": "The title must be 200 characters or fewer.",
        },
    )
    purpose = _text("Purpose", 4000, "What the work is for, in plain words.", rows=4)
    goal_type = _radios("Goal", GoalType.choices)
    commitment = _radios("Commitment", Commitment.choices)
    level = _radios("Level of co-working", level_choices())
    focus = _ticks("Focus", Focus.choices, "What the work involves. Select all that apply.")
    outcomes_tangible = _ticks(
        "Tangible outcomes",
        [(o.value, o.label) for o in TANGIBLE_OUTCOMES],
        "Products you can point to.",
    )
    outcomes_less_tangible = _ticks(
        "Less tangible outcomes",
        [(o.value, o.label) for o in LESS_TANGIBLE_OUTCOMES],
        "Less tangible, but nevertheless measurable.",
    )
    success_measures = _text(
        "Success measures", 4000, "How you and the people taking part will know it worked.", 3
    )
    input_expected = _text(
        "What the person is asked to do",
        4000,
        "For example: offer an opinion, share experiences, or do a task against set criteria.",
        4,
    )
    location_mode = _radios("How people take part", LocationMode.choices)
    location_address = _text("Address", 300, "For work in person.")
    location_details = _text(
        "Phone or video call details", 300, "How people join by phone or video."
    )
    hours_per_week = _short(
        "Hours per week", "For enduring roles, instead of sessions. For example, 7.5.", "4"
    )
    reward_basis = _radios(
        "How the work is paid",
        RewardBasis.choices,
        "Work is paid. Choose voluntary only when the person chooses not to be paid.",
    )
    reward_amount = _short("Amount in pounds", "", "5")
    paid_within_days = forms.IntegerField(
        label="Paid within how many days",
        required=False,
        help_text="Days after the work, for example 14.",
        error_messages={"invalid": "Enter the number of days as a whole number, like 14."},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
    )
    expenses = _ticks(
        "Expenses covered", [*EXPENSES.items(), *NO_EXPENSES], "Select all that apply."
    )
    contact_user_id = forms.ChoiceField(
        label="Contact person",
        required=False,
        widget=forms.Select(attrs=AUTOCOMPLETE_OR_NO_ONE),
        help_text="Who supports people before, during and after the work.",
    )
    backup_contact_user_id = forms.ChoiceField(
        label="Backup contact",
        required=False,
        widget=forms.Select(attrs=AUTOCOMPLETE_OR_NO_ONE),
        help_text="Who people can ask when the contact person is away.",
    )
    output_use = _ticks(
        "How what people share or make will be used",
        [*OUTPUT_USES.items(), *NO_OUTPUT_USE],
        "Each use needs the person's consent, which they can withdraw at any time.",
    )
    wellbeing_checks = forms.BooleanField(
        label="Wellbeing checks before, at the end of and after the work", required=False
    )
    ground_rules = _text(
        "Ground rules", 4000, "Include the power to stop, take time out or ask for support.", 3
    )
    review_date = GovukDateField(
        label="Review date",
        help_text="Enduring roles need one before they open. For example, 27 3 2027.",
    )
    status = forms.ChoiceField(
        label="Status", widget=forms.RadioSelect, error_messages={"required": "Choose a status."}
    )

    def __init__(
        self,
        *args: Any,
        members: list[tuple[str, str]],
        rates: Mapping[str, RateCard],
        statuses: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        people = [("", "No one chosen yet"), *members]
        self.fields["contact_user_id"].choices = people  # type: ignore[attr-defined]
        self.fields["backup_contact_user_id"].choices = people  # type: ignore[attr-defined]
        self.fields["status"].choices = statuses  # type: ignore[attr-defined]
        self.fields["reward_amount"].help_text = rate_hint(rates)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, label in (("expenses", "expenses covered"), ("output_use", "a use")):
            if NONE in data.get(name, []) and len(data[name]) > 1:
                self.add_error(name, f"Select {label}, or the last option, not both.")
        return data

    def changes(self) -> dict[str, Any]:
        """The terms as the services name them."""
        data = dict(self.cleaned_data)
        changes = {
            name: data[name]
            for name in self.fields
            if name not in {"outcomes_tangible", "outcomes_less_tangible", "expenses", "output_use"}
        }
        changes["outcomes"] = data["outcomes_tangible"] + data["outcomes_less_tangible"]
        for name in ("contact_user_id", "backup_contact_user_id"):
            changes[name] = int(data[name]) if data[name] else None
        for name in ("expenses", "output_use"):
            ticked = data[name]
            keys = EXPENSES if name == "expenses" else OUTPUT_USES
            changes[name] = {key: key in ticked for key in keys} if ticked else {}
        changes["reward_amount"] = data["reward_amount"].replace("£", "").replace(",", "")
        return changes


def initial_for(opportunity: Opportunity) -> dict[str, Any]:
    o = opportunity
    return {
        "title": o.title,
        "purpose": o.purpose,
        "goal_type": o.goal_type,
        "commitment": o.commitment,
        "level": o.level,
        "focus": list(o.focus),
        "outcomes_tangible": [c for c in o.outcomes if c in TANGIBLE_OUTCOMES],
        "outcomes_less_tangible": [c for c in o.outcomes if c in LESS_TANGIBLE_OUTCOMES],
        "success_measures": o.success_measures,
        "input_expected": o.input_expected,
        "location_mode": o.location_mode,
        "location_address": o.location_address,
        "location_details": o.location_details,
        "hours_per_week": "" if o.hours_per_week is None else str(o.hours_per_week),
        "reward_basis": o.reward_basis,
        "reward_amount": "" if o.reward_amount is None else f"{o.reward_amount:.2f}",
        "paid_within_days": o.paid_within_days,
        "expenses": _ticked(o.expenses),
        "contact_user_id": o.contact_user_id or "",
        "backup_contact_user_id": o.backup_contact_user_id or "",
        "output_use": _ticked(o.output_use),
        "wellbeing_checks": o.wellbeing_checks,
        "ground_rules": o.ground_rules,
        "review_date": o.review_date,
        "status": o.status,
    }


NEW_INITIAL = {"wellbeing_checks": True, "ground_rules": POWER_TO_STOP, "status": "draft"}

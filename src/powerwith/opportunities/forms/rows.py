"""The rows of an opportunity's lists: its required experience and its sessions. They
parse; the rules live in opportunities/rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from powerwith.core.forms.dates import GovukDateField, GovukTimeField
from powerwith.opportunities.rules import MAX_REQUIREMENTS, RequirementInput, SessionInput
from powerwith.opportunities.rules.lists import MAX_SESSIONS
from powerwith.people.schedule import ITEMS_BY_CODE, RESTRICTIVE_INTERVENTIONS, SETTINGS

EXTRA_REQUIREMENT_ROWS = 5
EXTRA_SESSION_ROWS = 3


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
    RequirementForm, extra=EXTRA_REQUIREMENT_ROWS, max_num=MAX_REQUIREMENTS, validate_max=True
)


def requirement_inputs(formset: Any) -> list[RequirementInput]:
    return [entry for form in formset.forms if (entry := form.to_input()) is not None]


class SessionForm(forms.Form):
    date = GovukDateField(label="Date", help_text="For example, 12 1 2027.")
    start_time = GovukTimeField(label="Start time")
    minutes = forms.IntegerField(
        label="Length in minutes",
        required=False,
        help_text="For example, 90 for an hour and a half.",
        error_messages={"invalid": "Enter the length in whole minutes, like 90."},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ("date", "start_time", "minutes") if data.get(name) is not None]
        if given and not self.errors:
            if data.get("date") is None:
                self.add_error("date", "Enter the date of the session, or clear the row.")
            if data.get("start_time") is None:
                self.add_error("start_time", "Enter the start time, like 10:00.")
            if data.get("minutes") is None:
                self.add_error("minutes", "Enter the length in minutes, like 90.")
        return data

    def to_input(self) -> SessionInput | None:
        data = getattr(self, "cleaned_data", None)
        if not data or data.get("date") is None:
            return None
        # A time on the clock where the work happens; the services place it in the
        # service's time zone.
        return SessionInput(dt.datetime.combine(data["date"], data["start_time"]), data["minutes"])


SessionFormSet = forms.formset_factory(
    SessionForm, extra=EXTRA_SESSION_ROWS, max_num=MAX_SESSIONS, validate_max=True
)


def session_rows(formset: Any) -> list[tuple[forms.Form, SessionInput]]:
    """Each filled row with what it says, so a refusal about a session finds its row."""
    return [(form, entry) for form in formset.forms if (entry := form.to_input()) is not None]


def session_initial(sessions: Any, zone: dt.tzinfo) -> list[dict[str, Any]]:
    rows = []
    for session in sessions:
        local = session.starts_at.astimezone(zone)
        rows.append({"date": local.date(), "start_time": local.time(), "minutes": session.minutes})
    return rows


def requirement_initial(requirements: Any) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "setting": r.setting,
            "intervention": r.intervention,
            "essential": "essential" if r.essential else "desirable",
        }
        for r in requirements
    ]

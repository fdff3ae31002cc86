"""The coordinator's form for the second statement of Training Standard 1.5."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.times import day_and_clock
from powerwith.engagements.models import Session
from powerwith.evaluation.services.training import HOW_LENGTH

YES_NO = [("yes", "Yes"), ("no", "No")]


class LivedExperienceFirstForm(forms.Form):
    lived_experience_first = forms.ChoiceField(
        label="Did staff hear what it is like to be restrained before any technique was taught?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose yes or no",
            "invalid_choice": "Choose yes or no",
        },
    )
    how = forms.CharField(
        label="How was it done?",
        help_text="For example, who shared their experience, in what way, and how they were "
        "supported. Needed for “Yes”.",
        required=False,
        max_length=HOW_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    session = forms.TypedChoiceField(
        label="In which session? (optional)",
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": "Choose one of this course's sessions"},
    )

    def __init__(self, *args: Any, sessions: list[Session], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Not for one session")] + [
            (s.pk, day_and_clock(s.starts_at, "j F Y")) for s in sessions
        ]

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "lived_experience_first": data["lived_experience_first"] == "yes",
            "how": data["how"],
            "session_id": data["session"],
        }

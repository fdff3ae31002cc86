"""Forms for sessions, bookings and reasonable adjustments. They only parse: every rule
is in the services."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.utils import timezone

from powerwith.core.forms.dates import GovukDateField, GovukTimeField
from powerwith.engagements.models import Session
from powerwith.people.choices import Adjustment as Category
from powerwith.people.forms.acting import OnBehalfForm
from powerwith.people.models import Person

YES_NO = [("yes", "Yes"), ("no", "No")]
ALL, THIS = "all", "this"


class SessionForm(forms.Form):
    day = GovukDateField(label="Date", required=True, help_text="For example, 27 3 2027.")
    time = GovukTimeField(
        label="Start time", required=True, help_text="UK time, for example 10:00 or 2:30pm."
    )
    minutes = forms.IntegerField(
        label="Length in minutes",
        min_value=1,
        max_value=720,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )
    place = forms.CharField(
        label="Place or call details",
        required=False,
        max_length=300,
        help_text="Leave it blank to use the opportunity's own place or call details.",
    )
    recorded = forms.BooleanField(
        label="The session is recorded (audio or video)",
        required=False,
        help_text="Only people who have given consent to be recorded can attend.",
    )

    @classmethod
    def for_session(cls, session: Session) -> SessionForm:
        starts = timezone.localtime(session.starts_at)
        return cls(
            initial={
                "day": starts.date(),
                "time": starts.time().replace(second=0, microsecond=0),
                "minutes": session.minutes,
                "place": session.place,
                "recorded": session.recorded,
            }
        )

    def starts_at(self) -> datetime:
        data = self.cleaned_data
        return timezone.make_aware(datetime.combine(data["day"], data["time"]))


class CancelSessionForm(forms.Form):
    reason = forms.CharField(
        label="Reason (optional)",
        required=False,
        max_length=200,
        help_text="The people booked are told this in their cancellation e-mail.",
    )


class BookForm(forms.Form):
    person_id = forms.IntegerField(widget=forms.HiddenInput)


class AttendanceForm(forms.Form):
    attended = forms.TypedChoiceField(
        choices=YES_NO, coerce=lambda value: value == "yes", widget=forms.HiddenInput
    )


def _scope_field(session: Session) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Which sessions is it for?",
        choices=[
            (ALL, "Every session of this work"),
            (THIS, f"Only the session on {timezone.localtime(session.starts_at):%-d %B %Y}"),
        ],
        initial=ALL,
        widget=forms.RadioSelect,
    )


class MyAdjustmentsForm(forms.Form):
    """One box for each kind of adjustment, filled in from the person's profile, and one
    for anything else. Each box with words in it becomes a request."""

    def __init__(self, *args: Any, person: Person, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope"] = _scope_field(session)
        profile = person.adjustments if isinstance(person.adjustments, dict) else {}
        for code, label in Category.choices:
            self.fields[f"details_{code}"] = forms.CharField(
                label=f"{label}: what would help",
                required=False,
                max_length=2000,
                initial=profile.get(code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["details_other"] = forms.CharField(
            label="Anything else that would help",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def requests(self) -> list[tuple[str, str]]:
        """(category, details) for each box with words in it; "" is "anything else"."""
        wanted = [(code, self.cleaned_data[f"details_{code}"]) for code in Category.values]
        wanted.append(("", self.cleaned_data["details_other"]))
        return [(code, text.strip()) for code, text in wanted if text.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not self.requests():
            raise forms.ValidationError("Say what would help in at least one of the boxes.")
        return data


NOT_A_KIND = "Choose a kind of adjustment from the list"


class StaffAdjustmentForm(forms.Form):
    """Staff record a request the person made to them, for instance by phone."""

    def __init__(self, *args: Any, session: Session, people: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"] = forms.TypedChoiceField(
            label="Who asked for it?",
            choices=[(p.pk, p.preferred_name) for p in people],
            coerce=int,
            widget=forms.RadioSelect,
        )
        self.fields["category"] = forms.ChoiceField(
            label="Kind of adjustment",
            choices=[*Category.choices, ("", "Something else")],
            required=False,
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": NOT_A_KIND},
        )
        self.fields["details"] = forms.CharField(
            label="What would help",
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        self.fields["scope"] = _scope_field(session)


class RecordAdjustmentForm(OnBehalfForm):
    """An adjustment the person asked for, told to staff another way."""

    category = forms.ChoiceField(
        label="Kind of adjustment",
        choices=[*Category.choices, ("", "Something else")],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": NOT_A_KIND},
    )
    details = forms.CharField(
        label="What would help, in their words",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write what would help."},
    )
    field_order = ["category", "details", "scope", "method", "told_note"]

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope"] = _scope_field(session)
        self.order_fields(self.field_order)


class SupporterAdjustmentForm(forms.Form):
    """An adjustment the person asked for, given by their supporter through their own
    login once the person has agreed it with them."""

    category = forms.ChoiceField(
        label="Kind of adjustment",
        choices=[*Category.choices, ("", "Something else")],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": NOT_A_KIND},
    )
    details = forms.CharField(
        label="What would help, in their words",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write what would help"},
    )
    agreed = forms.BooleanField(
        label="They agreed this with me",
        help_text="Only ask for them when they have told you it is what they want.",
        error_messages={"required": "Tick to say that they agreed this with you"},
    )
    field_order = ["category", "details", "scope", "agreed"]

    def __init__(self, *args: Any, session: Session, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope"] = _scope_field(session)
        self.order_fields(self.field_order)

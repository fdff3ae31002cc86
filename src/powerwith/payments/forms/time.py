"""Claims for time: one session at a time, recorded by staff, or ticked on the person's
"Time to claim" list."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.times import day_and_clock
from powerwith.payments.fees import duration
from powerwith.payments.forms.fields import set_choices
from powerwith.payments.time_to_claim import TimeToClaim
from powerwith.people.forms.acting import OnBehalfForm


class TimeClaimForm(forms.Form):
    session_id = forms.TypedChoiceField(
        label="Which session are you claiming for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the session you are claiming for.",
            "invalid_choice": "Choose one of the sessions listed.",
        },
    )
    minutes = forms.IntegerField(
        label="If the session ran over: how long did you work, in minutes? (optional)",
        help_text="Leave this empty to claim the time booked. You are never paid for less "
        "than the time booked, even if you stopped or took time out.",
        required=False,
        min_value=1,
        max_value=24 * 60,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the minutes as a whole number, like 210.",
            "min_value": "Enter a number of minutes more than 0.",
            "max_value": "A session cannot be longer than 24 hours (1440 minutes).",
        },
    )
    reason = forms.CharField(
        label="If it ran over: why? (optional)",
        help_text="The person who approves your claim reads this.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the reason to 500 characters or fewer."},
    )

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["session_id"], sessions)


class RecordTimeClaimForm(TimeClaimForm, OnBehalfForm):
    """A claim for time the person made another way (a phone call, a claim form by post),
    recorded by staff."""

    field_order = ["session_id", "minutes", "reason", "method", "told_note"]

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, sessions=sessions, **kwargs)
        self.fields["session_id"].label = "Which session are they claiming for?"
        self.fields[
            "minutes"
        ].label = "If the session ran over: how long did they work, in minutes? (optional)"


class SupporterTimeClaimForm(TimeClaimForm):
    """The person's claim for their time at one session, made by their supporter through
    their own login once the person has agreed it with them: the person's own questions,
    without the choice of session (the page is for one)."""

    agreed = forms.BooleanField(
        label="They agreed this with me",
        help_text="Only claim for them when they have told you it is what they want.",
        error_messages={"required": "Tick to say that they agreed this with you"},
    )
    field_order = ["minutes", "reason", "agreed"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, sessions=[], **kwargs)
        del self.fields["session_id"]
        self.fields[
            "minutes"
        ].label = "If the session ran over: how long did they work, in minutes? (optional)"
        self.fields["minutes"].help_text = (
            "Leave this empty to claim the time booked. They are never paid for less than "
            "the time booked, even if they stopped or took time out."
        )
        self.fields["reason"].help_text = "The person who approves the claim reads this."


class TimeFromAttendanceForm(forms.Form):
    """The person's "Time to claim" list: every session ticked to start with."""

    session_ids = forms.TypedMultipleChoiceField(
        label="Which sessions are you claiming for?",
        help_text="Untick any session you do not want to claim for now.",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one session to claim for.",
            "invalid_choice": "One of those sessions is claimed already or is not on your "
            "list now. Check the list and try again.",
        },
    )

    def __init__(self, *args: Any, rows: list[TimeToClaim], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session_ids"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(row.session.pk, _time_to_claim_label(row)) for row in rows]
        self.initial.setdefault("session_ids", [row.session.pk for row in rows])


def _time_to_claim_label(row: TimeToClaim) -> str:
    session = row.session
    when = day_and_clock(session.starts_at)
    work = f"{session.opportunity.title} ({session.opportunity.organisation.name})"
    return f"{work}, {when}: {duration(row.minutes)} booked, £{row.amount}"

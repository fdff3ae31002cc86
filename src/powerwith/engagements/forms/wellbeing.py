"""Forms for wellbeing checks and the power to stop. Plain words; nothing asks why."""

from __future__ import annotations

from django import forms

from powerwith.engagements.models import Feeling, StopKind
from powerwith.engagements.services.wellbeing import NOTE_LENGTH
from powerwith.people.forms.acting import OnBehalfForm


class CheckForm(forms.Form):
    feeling = forms.TypedChoiceField(
        label="How are you feeling?",
        choices=[(value, f"{label}") for value, label in Feeling.choices],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you are feeling"},
    )
    note = forms.CharField(
        label="Anything you would like to tell us (optional)",
        help_text="You do not have to write anything or explain your answer.",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": f"The note must be {NOTE_LENGTH} characters or fewer"},
    )
    wants_support = forms.BooleanField(
        label="I would like support",
        help_text="Your contact person will be told straight away and will get in touch.",
        required=False,
    )


class StaffCheckForm(CheckForm):
    """The same check, answered by staff with the person (for example on the phone)."""

    feeling = forms.TypedChoiceField(
        label="How is the person feeling, in their own words?",
        choices=[(value, f"{label}") for value, label in Feeling.choices],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the person is feeling"},
    )
    wants_support = forms.BooleanField(
        label="They would like support",
        help_text="Their contact person will be told straight away.",
        required=False,
    )


class RecordCheckForm(StaffCheckForm, OnBehalfForm):
    """The person's answer to their check, told to staff another way."""

    field_order = ["feeling", "note", "wants_support", "method", "told_note"]


class StopForm(forms.Form):
    kind = forms.ChoiceField(choices=StopKind.choices, widget=forms.HiddenInput)


class RecordStopForm(OnBehalfForm):
    """Time out, stopping or asking for support, told to staff another way. Nothing asks
    why."""

    kind = forms.ChoiceField(
        label="What did they tell you?",
        choices=[
            (StopKind.TIME_OUT, "They want to take time out"),
            (StopKind.STOP, "They want to stop"),
            (StopKind.SUPPORT, "They would like support"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the person told you."},
    )
    scope = forms.ChoiceField(
        label="Is it about this session or the work as a whole?",
        choices=[("this", "This session"), ("all", "The work as a whole")],
        initial="this",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose this session or the work as a whole."},
    )
    field_order = ["kind", "scope", "method", "told_note"]


class StaffStopForm(forms.Form):
    person_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    kind = forms.ChoiceField(
        label="What happened",
        choices=StopKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what happened"},
    )


class SupporterCheckForm(StaffCheckForm):
    """The person's answer, given by their supporter through the supporter's own login,
    once the person has agreed it with them."""

    agreed = forms.BooleanField(
        label="They agreed this answer with me",
        help_text="Only answer for them when they have told you what to say.",
        error_messages={"required": "Tick to say that they agreed this answer with you"},
    )


class SupporterStopForm(forms.Form):
    """Time out, stopping or asking for support, given by the person's supporter through
    their own login once the person has agreed it with them. Nothing asks why."""

    kind = forms.ChoiceField(
        label="What do they want?",
        choices=[
            (StopKind.TIME_OUT, "They want to take time out"),
            (StopKind.STOP, "They want to stop"),
            (StopKind.SUPPORT, "They would like support"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what they want"},
    )
    scope = forms.ChoiceField(
        label="Is it about this session or the work as a whole?",
        choices=[("this", "This session"), ("all", "The work as a whole")],
        initial="this",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose this session or the work as a whole"},
    )
    agreed = forms.BooleanField(
        label="They agreed this with me",
        help_text="Only do this for them when they have told you it is what they want.",
        error_messages={"required": "Tick to say that they agreed this with you"},
    )

"""The part of every "Record what <name> told you" form that is the same everywhere: how
the person told the member of staff, and a note (powerwith.workflows.on_behalf)."""

from __future__ import annotations

from django import forms

from powerwith.people.choices import ToldBy
from powerwith.people.services.acting import NOTE_LENGTH, OnBehalf


class OnBehalfForm(forms.Form):
    """Mixed into each page's form that records an action on the person's word; the
    action's own fields come first, these two last (``field_order`` puts them there)."""

    method = forms.ChoiceField(
        label="How did they tell you?",
        choices=ToldBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the person told you."},
    )
    told_note = forms.CharField(
        label="Note about how they told you (optional)",
        help_text="Anything that helps someone reading this later, such as the date of "
        "their letter.",
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def word(self) -> OnBehalf:
        return OnBehalf(self.cleaned_data["method"], self.cleaned_data["told_note"])

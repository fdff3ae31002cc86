from __future__ import annotations

from django import forms


class CallForm(forms.Form):
    note = forms.CharField(
        label="What they said",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="In their words where you can: their answer, any question, anything they need.",
        error_messages={"required": "Write down what was said on the call."},
    )

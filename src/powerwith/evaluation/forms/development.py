"""Forms for development plans: offering an action, recording progress, and the person's
own comment."""

from __future__ import annotations

from django import forms

from powerwith.evaluation.models.development import ActionCode, Progress
from powerwith.evaluation.services.development import TEXT_LENGTH

TOO_LONG = f"Must be {TEXT_LENGTH} characters or fewer"


def _text(label: str, hint: str = "", *, required: str = "") -> forms.CharField:
    """A text box; ``required`` is the message shown when a required one is left empty."""
    return forms.CharField(
        label=label,
        help_text=hint,
        required=bool(required),
        max_length=TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG, "required": required},
    )


class OfferActionForm(forms.Form):
    code = forms.ChoiceField(
        label="What will you offer?",
        choices=ActionCode.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what you will offer",
            "invalid_choice": "Choose one of the actions in the list",
        },
    )
    details = _text(
        "Details",
        "For example, the course and its dates, or who will mentor them. Needed for "
        "“Something else”.",
    )
    note = _text("A first note (optional)")


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label="How is it going?",
        choices=Progress.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose not started, under way or done",
            "invalid_choice": "Choose not started, under way or done",
        },
    )
    note = _text("Note", "Added to the history with today's date. Notes are never changed.")


class CommentForm(forms.Form):
    text = _text(
        "Your comment",
        "What you think of it, how it is going for you, or what you would like instead.",
        required="Write your comment",
    )

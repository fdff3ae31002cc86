"""The form on the clarity checker's page."""

from __future__ import annotations

from django import forms

from powerwith.offers.clarity import MAX_TEXT_LENGTH

AUDIENCE_CHOICES = [
    ("standard", "Standard — for most readers"),
    ("easy_read", "Easy read — short sentences, everyday words, active voice"),
]


class ClarityForm(forms.Form):
    text = forms.CharField(
        label="Your message",
        help_text="Paste or write the text of an offer, an advert or a message. "
        f"Up to {MAX_TEXT_LENGTH:,} characters.",
        max_length=MAX_TEXT_LENGTH,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter the text to check.",
            "max_length": f"The text must be {MAX_TEXT_LENGTH:,} characters or fewer.",
        },
    )
    audience = forms.ChoiceField(
        label="Who will read it?",
        choices=AUDIENCE_CHOICES,
        initial="standard",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who will read it.",
            "invalid_choice": "Choose standard or easy read.",
        },
    )

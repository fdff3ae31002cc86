"""The fields and help the payment forms share."""

from __future__ import annotations

from django import forms

AMOUNT_ERRORS = {
    "required": "Enter the amount in pounds, like 12.50.",
    "invalid": "Enter the amount in pounds, like 12.50.",
    "max_digits": "Enter an amount of £99,999.99 or less.",
    "max_whole_digits": "Enter an amount of £99,999.99 or less.",
    "max_decimal_places": "Enter the amount in pounds and pence, like 12.50.",
}


def amount_field(label: str, help_text: str = "", required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        required=required,
        max_digits=7,
        decimal_places=2,
        error_messages=AMOUNT_ERRORS,
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-5", "inputmode": "decimal", "spellcheck": "false"}
        ),
    )


def set_choices(field: forms.Field, choices: list[tuple[int, str]]) -> None:
    assert isinstance(field, forms.TypedChoiceField)
    field.choices = choices

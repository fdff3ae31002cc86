"""Mileage claimed at the rate card's rates, and the rates themselves."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.forms.dates import GovukDateField
from powerwith.payments.forms.fields import set_choices
from powerwith.payments.models import Vehicle

MILES_ERRORS = {
    "required": "Enter the miles, like 12.5.",
    "invalid": "Enter the miles as a number, like 12.5.",
    "max_digits": "Enter 9,999.99 miles or fewer.",
    "max_whole_digits": "Enter 9,999.99 miles or fewer.",
    "max_decimal_places": "Enter the miles to two decimal places at most, like 12.5.",
}


class MileageClaimForm(forms.Form):
    offer_id = forms.TypedChoiceField(
        label="Which work was the journey for?",
        coerce=int,
        error_messages={
            "required": "Choose the work the journey was for.",
            "invalid_choice": "Choose one of the pieces of work listed.",
        },
    )
    travelled_on = GovukDateField(
        label="When did you travel?",
        help_text="For example, 27 3 2026. Leave it empty for today.",
    )
    journey_from = forms.CharField(
        label="Where did you travel from?",
        help_text="A town or a postcode is enough.",
        max_length=200,
        error_messages={
            "required": "Say where you travelled from.",
            "max_length": "Keep each place to 200 characters or fewer.",
        },
    )
    journey_to = forms.CharField(
        label="Where did you travel to?",
        max_length=200,
        error_messages={
            "required": "Say where you travelled to.",
            "max_length": "Keep each place to 200 characters or fewer.",
        },
    )
    vehicle = forms.ChoiceField(
        label="How did you travel?",
        choices=Vehicle.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you travelled.",
            "invalid_choice": "Choose one of the ways of travelling listed.",
        },
    )
    miles = forms.DecimalField(
        label="How many miles?",
        help_text="There and back, if you came back the same way. For example, 12.5.",
        max_digits=6,
        decimal_places=2,
        error_messages=MILES_ERRORS,
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-5", "inputmode": "decimal", "spellcheck": "false"}
        ),
    )
    passengers = forms.IntegerField(
        label="How many passengers did you take for the same work?",
        help_text="Only in a car or van. Enter 0 if you went alone.",
        initial=0,
        required=False,
        error_messages={"invalid": "Enter the number of passengers, like 0 or 1."},
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-2", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args: Any, offers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_choices(self.fields["offer_id"], [("", "Choose the work"), *offers])  # type: ignore[list-item]


class MileageRateForm(forms.Form):
    vehicle = forms.ChoiceField(
        label="Vehicle",
        choices=Vehicle.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the vehicle."},
    )
    applies_from = GovukDateField(
        label="Start date",
        required=True,
        help_text="The first day the rate is used, after today. For example, 6 4 2027.",
    )
    pence_per_mile = forms.DecimalField(
        label="Pence a mile",
        help_text="For example, 45.",
        max_digits=5,
        decimal_places=2,
        error_messages={
            "required": "Enter the pence a mile, like 45.",
            "invalid": "Enter the pence a mile, like 45.",
        },
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
    )
    threshold_miles = forms.IntegerField(
        label="Miles in the tax year at that rate (optional)",
        help_text="For a car or van, 10000: after them, the later rate.",
        required=False,
        error_messages={"invalid": "Enter the miles as a whole number, like 10000."},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
    )
    later_pence = forms.DecimalField(
        label="Pence a mile after them (optional)",
        help_text="For a car or van, 25.",
        required=False,
        max_digits=5,
        decimal_places=2,
        error_messages={"invalid": "Enter the pence a mile, like 25."},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
    )
    passenger_pence = forms.DecimalField(
        label="Pence a mile for each passenger (optional)",
        help_text="For a car or van, 5.",
        required=False,
        max_digits=5,
        decimal_places=2,
        error_messages={"invalid": "Enter the pence a mile, like 5."},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "decimal"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applies_from"].error_messages["required"] = "Enter the date the rate starts."

"""How a person wants to hear from organisations, and the supporters they name."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.phones import for_reading
from powerwith.people import choices
from powerwith.people.models import Person, Supporter
from powerwith.people.services.supporters import SupporterInput

YES_NO = [("yes", "Yes, send me reminders"), ("no", "No, do not send me reminders")]


class ContactPreferencesForm(forms.Form):
    preferred_channel = forms.ChoiceField(
        label="How would you like to hear from us?",
        choices=list(choices.Channel.choices),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you would like to hear from us."},
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=40,
        required=False,
        help_text="For calls, or a mobile number for text messages, like 07700 900 982.",
    )
    postal_address = forms.CharField(
        label="Postal address",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text="For letters. Write it as it goes on an envelope, with the postcode.",
    )
    wants_reminders = forms.ChoiceField(
        label="Would you like reminders?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=(
            "Reminders are about wellbeing checks and things that are due. Offers of work "
            "and news about your sessions and pay always come."
        ),
        error_messages={"required": "Choose whether you would like reminders."},
    )
    reminder_time = forms.ChoiceField(
        label="When in the day would you like reminders?",
        choices=[("", "Any time in the day"), *choices.ReminderTime.choices],
        widget=forms.RadioSelect,
        required=False,
        help_text="We never send text messages or reminders at night (9pm to 8am).",
    )

    @classmethod
    def initial_from(cls, person: Person) -> dict[str, Any]:
        return {
            "preferred_channel": person.preferred_channel or choices.Channel.EMAIL,
            "phone": for_reading(person.phone) if person.phone else "",
            "postal_address": person.postal_address,
            "wants_reminders": "yes" if person.wants_reminders else "no",
            "reminder_time": person.reminder_time,
        }

    def changes(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["wants_reminders"] = data["wants_reminders"] == "yes"
        return data


class SupporterForm(forms.Form):
    name = forms.CharField(
        label="Their name",
        max_length=100,
        error_messages={"required": "Enter the supporter's name."},
    )
    relationship = forms.CharField(
        label="Who they are to you",
        max_length=100,
        required=False,
        help_text="For example my sister, my advocate, my support worker.",
    )
    email = forms.EmailField(
        label="Their email address",
        max_length=254,
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org."
        },
    )
    phone = forms.CharField(
        label="Their phone number",
        max_length=40,
        required=False,
        help_text="A mobile number if they would like text messages.",
    )
    may = forms.MultipleChoiceField(
        label="What may they do?",
        choices=choices.SupporterMay.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Choose all that apply. You can change this or remove them at any time.",
    )

    @classmethod
    def initial_from(cls, supporter: Supporter) -> dict[str, Any]:
        return {
            "name": supporter.name,
            "relationship": supporter.relationship,
            "email": supporter.email,
            "phone": for_reading(supporter.phone) if supporter.phone else "",
            "may": list(supporter.may),
        }

    def details(self) -> SupporterInput:
        data = self.cleaned_data
        return SupporterInput(
            name=data["name"],
            relationship=data["relationship"],
            email=data["email"],
            phone=data["phone"],
            may=data["may"],
        )

"""Forms for a person's profile and experience, shared by the person's own pages and the
coordinators' register. They parse; the rules live in people/services.py."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.choices import Focus, LocationMode
from powerwith.core.phones import for_reading
from powerwith.people import choices
from powerwith.people.models import PersonStatus
from powerwith.people.schedule import ITEM_CHOICES, RESTRICTIVE_INTERVENTIONS, SETTINGS
from powerwith.people.services import ExperienceInput

NOT_STATED = [("", "Not stated")]


def _multiple(label: str, options: Any, help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=options,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


def _single(label: str, options: Any, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=NOT_STATED + list(options),
        required=False,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class ProfileForm(forms.Form):
    preferred_name = forms.CharField(
        label="Name you like to be called",
        max_length=100,
        error_messages={"required": "Enter the name the person likes to be called."},
    )
    pronouns = forms.CharField(
        label="Pronouns",
        max_length=40,
        required=False,
        help_text="For example she/her, he/him or they/them. Leave blank if you prefer not to say.",
    )
    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        required=False,
        help_text="Only if it is needed for payment.",
    )
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        required=False,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.org."
        },
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=40,
        required=False,
        help_text="A mobile number if you would like text messages, like 07700 900 982.",
    )
    postal_address = forms.CharField(
        label="Postal address",
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text="For letters. Write it as it goes on an envelope, with the postcode.",
    )
    preferred_channel = _single("Best way to contact", choices.Channel.choices)
    town = forms.CharField(label="Town or area", max_length=100, required=False)
    about = forms.CharField(
        label="About me",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="In your own words. Share only what you want to.",
    )
    formats = _multiple(
        "How information should be given",
        choices.Format.choices,
        "Accessible formats and communication support. Select all that apply.",
    )
    adjustment_practical = forms.CharField(
        label="Practical adjustments",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example step-free access, travel help.",
    )
    adjustment_sensory = forms.CharField(
        label="Sensory adjustments",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example a quiet room, low lighting.",
    )
    adjustment_emotional = forms.CharField(
        label="Emotional and psychological support",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example a person to talk to, a check-in before and after.",
    )
    adjustment_timing = forms.CharField(
        label="Timing and breaks",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example no early starts, a break every hour.",
    )
    available_days = _multiple("Days you can usually work", choices.Day.choices)
    available_modes = _multiple("Ways you can take part", LocationMode.choices)
    skills = _multiple("Skills", choices.Skill.choices)
    interests = _multiple("Kinds of work that interest you", Focus.choices)
    personal_goals = forms.CharField(
        label="Personal goals",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    professional_goals = forms.CharField(
        label="Professional goals",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    payment_preference = _single("How you would like to be paid", choices.PaymentPreference.choices)
    benefits_advice = _single(
        "Would you like benefits advice before paid work?",
        choices.YesNo.choices,
        "Payment can affect some benefits. We can point you to free, independent advice.",
    )

    # The labels above speak to the person; staff filling the register on someone's
    # behalf read them in the third person.
    STAFF_LABELS = {
        "preferred_name": "Name they like to be called",
        "about": "About them, in their own words",
        "formats": "How they need information given",
        "available_days": "Days they can usually work",
        "available_modes": "Ways they can take part",
        "interests": "Kinds of work that interest them",
        "payment_preference": "How they would like to be paid",
        "benefits_advice": "Would they like benefits advice before paid work?",
    }

    def __init__(
        self, *args: Any, with_status: bool = False, for_staff: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if for_staff:
            for name, label in self.STAFF_LABELS.items():
                self.fields[name].label = label
        if with_status:
            self.fields["status"] = forms.ChoiceField(
                label="Status", choices=PersonStatus.choices, widget=forms.RadioSelect
            )

    ADJUSTMENT_FIELDS = {
        "adjustment_practical": choices.Adjustment.PRACTICAL,
        "adjustment_sensory": choices.Adjustment.SENSORY,
        "adjustment_emotional": choices.Adjustment.EMOTIONAL,
        "adjustment_timing": choices.Adjustment.TIMING,
    }

    @classmethod
    def initial_from(cls, person: Any) -> dict[str, Any]:
        initial = {name: getattr(person, name) for name in cls.base_fields if hasattr(person, name)}
        for field_name, category in cls.ADJUSTMENT_FIELDS.items():
            initial[field_name] = person.adjustments.get(category, "")
        initial["status"] = person.status
        if person.phone:
            initial["phone"] = for_reading(person.phone)
        return initial

    def profile_changes(self) -> dict[str, Any]:
        """The cleaned data in the shape people.services expects."""
        data = dict(self.cleaned_data)
        adjustments = {
            category: data.pop(field_name, "")
            for field_name, category in self.ADJUSTMENT_FIELDS.items()
        }
        data["adjustments"] = {k: v for k, v in adjustments.items() if v}
        return data


class ExperienceForm(forms.Form):
    code = forms.ChoiceField(
        label="Experience", choices=[("", "Choose an item"), *ITEM_CHOICES], required=False
    )
    setting = forms.ChoiceField(
        label="Setting", choices=[("", "Any or not stated"), *list(SETTINGS)], required=False
    )
    intervention = forms.ChoiceField(
        label="Type of restrictive intervention (if any)",
        choices=[("", "Not stated"), *list(RESTRICTIVE_INTERVENTIONS)],
        required=False,
    )
    share_narrative = forms.ChoiceField(
        label="Willing to share a personal narrative about it?",
        choices=[("", "Not stated"), *list(choices.YesNo.choices)],
        required=False,
    )
    note = forms.CharField(
        label="Note",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=(
            "Only if you want to add something. Only organisations you share details with see it."
        ),
    )
    DELETE = forms.BooleanField(label="Remove this experience", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # A row with no item would be skipped on save: say so rather than drop what was typed.
        described = any(
            data.get(name) for name in ("setting", "intervention", "note", "share_narrative")
        )
        missing = not data.get("code") and not self.has_error("code")
        if described and missing and not data.get("DELETE"):
            self.add_error("code", "Choose the experience this is about, or clear the row.")
        return data

    def to_input(self) -> ExperienceInput | None:
        data = self.cleaned_data
        if not data or data.get("DELETE") or not data.get("code"):
            return None
        return ExperienceInput(
            code=data["code"],
            setting=data.get("setting", ""),
            intervention=data.get("intervention", ""),
            note=data.get("note", ""),
            share_narrative=data.get("share_narrative", ""),
        )


ExperienceFormSet = forms.formset_factory(ExperienceForm, extra=2, max_num=40, validate_max=True)


def experience_initial(person: Any) -> list[dict[str, str]]:
    return [
        {
            "code": e.code,
            "setting": e.setting,
            "intervention": e.intervention,
            "note": e.note,
            "share_narrative": e.share_narrative,
        }
        for e in person.experience.all()
    ]


def experience_inputs(formset: Any) -> list[ExperienceInput]:
    return [entry for form in formset.forms if (entry := form.to_input()) is not None]


class SharingForm(forms.Form):
    sharing = forms.ChoiceField(
        label="What this organisation may see",
        choices=choices.Sharing.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what this organisation may see."},
    )


class StaffMayActForm(forms.Form):
    """The person's own choice (powerwith.workflows.on_behalf): with a login they answer
    for themself, unless they say staff may also record what they tell them."""

    allowed = forms.TypedChoiceField(
        label="Can staff record your answers when you tell them another way?",
        help_text="For example when you phone your contact person, write a letter or tell "
        "them in person. You will get a note of every answer they record for you.",
        choices=[
            ("yes", "Yes, staff can record what I tell them"),
            ("no", "No, I will answer myself on this website"),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no."},
    )

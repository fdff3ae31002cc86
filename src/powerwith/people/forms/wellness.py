"""Forms for the Wellness Action Plan, the people who may read it, the person's weekly
earnings limit, which benefit's rules apply to them, and the organisation's benefits
advice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from powerwith.core.forms.dates import GovukDateField
from powerwith.people.choices import Benefit
from powerwith.people.models import WellnessActionPlan
from powerwith.people.queries.wellness import Candidate
from powerwith.people.services.wellness import SECTIONS

# MIND's questions, asked of the person, with a hint for each.
QUESTIONS: dict[str, tuple[str, str]] = {
    "keeps_me_well": (
        "What helps you stay mentally healthy at work?",
        "For example, taking a walk at lunchtime, regular breaks, knowing what is planned.",
    ),
    "warning_signs": (
        "Are there any situations at work that can trigger poor mental health for you? "
        "What are the early warning signs we might notice?",
        "For example, being asked to talk about difficult experiences without warning, or "
        "noisy rooms. Signs might be going quiet, arriving late or seeming tired.",
    ),
    "affects_work": (
        "How might experiencing poor mental health affect your work?",
        "For example, finding it hard to concentrate, or needing more time to prepare.",
    ),
    "support_from_contact": (
        "What support could your contact person put in place to help you?",
        "For example, a check-in before each session, a quiet room, a phone call afterwards.",
    ),
    "steps_i_can_take": (
        "What steps can you take if you start to feel unwell at work?",
        "For example, take time out, stop, or ask for support. You can do this at any time, "
        "and it costs you nothing.",
    ),
}
ROWS = 5
REVIEW_HINT = "When you would like to look at your plan again. For example, 27 3 2027."


class WellnessPlanForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in SECTIONS:
            label, hint = QUESTIONS[name]
            self.fields[name] = forms.CharField(
                label=label,
                help_text=hint,
                max_length=4000,
                required=False,
                widget=forms.Textarea(attrs={"rows": ROWS}),
            )
        self.fields["review_date"] = GovukDateField(
            label="When would you like to review your plan?", help_text=REVIEW_HINT
        )

    @staticmethod
    def initial_from(plan: WellnessActionPlan | None) -> dict[str, Any]:
        if plan is None:
            return {}
        return {
            **{name: getattr(plan, name) for name in SECTIONS},
            "review_date": plan.review_date,
        }

    def sections(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in SECTIONS}


class ReadersForm(forms.Form):
    readers = forms.TypedMultipleChoiceField(
        label="Who can read your plan",
        help_text="Select everyone you want to be able to read it. Leave someone out to stop "
        "them reading it.",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, candidates: list[Candidate], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["readers"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [
            (candidate.user_id, f"{candidate.name}, {candidate.roles}") for candidate in candidates
        ]


AMOUNT_ERROR = "Enter the weekly amount in pounds, like 195.50."


class EarningsLimitForm(forms.Form):
    weekly_amount = forms.DecimalField(
        label="Weekly limit in pounds",
        help_text="The most you can earn in a week, for example 195.50.",
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        error_messages={
            "required": "Enter the weekly limit in pounds.",
            "invalid": AMOUNT_ERROR,
            "min_value": "The weekly limit cannot be less than 0.",
            "max_digits": AMOUNT_ERROR,
            "max_decimal_places": "Enter the weekly limit in pounds and pence, like 195.50.",
        },
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-10", "spellcheck": "false"}
        ),
    )
    valid_from = GovukDateField(
        label="From when does this limit apply?",
        help_text="For example, 6 4 2027. It applies from this date until you record a new one.",
    )
    note = forms.CharField(
        label="Note (optional)",
        help_text="Only you can see this. For example, where the limit comes from.",
        max_length=200,
        required=False,
    )

    def clean_valid_from(self) -> dt.date:
        value = self.cleaned_data.get("valid_from")
        if value is None:
            raise forms.ValidationError("Enter the date this limit applies from.")
        assert isinstance(value, dt.date)
        return value


RATHER_NOT_SAY = "rather_not_say"


class BenefitsSituationForm(forms.Form):
    benefit = forms.ChoiceField(
        label="Which benefit rules apply to you?",
        help_text="You do not have to say. We use your answer only to explain what an offer "
        "of paid work would mean under those rules.",
        choices=[(RATHER_NOT_SAY, "I'd rather not say"), *Benefit.choices],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose an answer, or I'd rather not say."},
    )
    shared = forms.BooleanField(
        label="Let the organisations I share my details with see my answer",
        help_text="If you do not tick this, only you can see it.",
        required=False,
    )

    def benefit_code(self) -> str:
        """The benefit, or "" for I'd rather not say."""
        value = str(self.cleaned_data["benefit"])
        return "" if value == RATHER_NOT_SAY else value


class BenefitsAdviceForm(forms.Form):
    benefits_advice = forms.CharField(
        label="Benefits advice",
        help_text="People who asked for benefits advice see this before they accept paid "
        "work. Signpost where to get free, independent advice. Do not give advice yourself.",
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )

"""Forms for payment choices and claims. They parse; the rules live in services."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.choices import Commitment
from powerwith.core.forms.dates import GovukDateField
from powerwith.core.times import day_and_clock
from powerwith.payments.fees import duration
from powerwith.payments.models import (
    ExpenseCategory,
    PayRoute,
    RewardChoiceKind,
    StatusOutcome,
    Vehicle,
)
from powerwith.payments.receipts import MAX_BYTES
from powerwith.payments.time_to_claim import TimeToClaim
from powerwith.people.forms.acting import OnBehalfForm

AMOUNT_ERRORS = {
    "required": "Enter the amount in pounds, like 12.50.",
    "invalid": "Enter the amount in pounds, like 12.50.",
    "max_digits": "Enter an amount of £99,999.99 or less.",
    "max_whole_digits": "Enter an amount of £99,999.99 or less.",
    "max_decimal_places": "Enter the amount in pounds and pence, like 12.50.",
}


def _amount(label: str, help_text: str = "", required: bool = True) -> forms.DecimalField:
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


def _choices(field: forms.Field, choices: list[tuple[int, str]]) -> None:
    assert isinstance(field, forms.TypedChoiceField)
    field.choices = choices


class RewardChoiceForm(forms.Form):
    choice = forms.ChoiceField(
        label="How would you like to be paid for this work?",
        choices=RewardChoiceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you would like to be paid."},
    )
    amount = _amount(
        "If you would like to be paid less: how much?",
        required=False,
    )
    reason = forms.CharField(
        label="If you do not want to be paid: why?",
        help_text="A few words are enough. It is kept with your choice.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the reason to 1000 characters or fewer."},
    )

    def __init__(self, *args: Any, unit: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].help_text = f"In pounds, {unit}. It must be less than the fee."


class StaffChoiceForm(RewardChoiceForm):
    """The same choice, recorded by staff for the person, who must say the person told them."""

    person_said = forms.BooleanField(
        label="The person told me this is their own choice",
        required=True,
        error_messages={
            "required": "Record a choice for someone only when they have told you it is theirs."
        },
    )

    def __init__(self, *args: Any, unit: str, **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["choice"].label = "How would they like to be paid for this work?"
        self.fields["amount"].label = "If they would like to be paid less: how much?"
        self.fields["reason"].label = "If they do not want to be paid: why?"


class TimeClaimForm(forms.Form):
    session_id = forms.TypedChoiceField(
        label="Which session are you claiming for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the session you are claiming for.",
            "invalid_choice": "Choose one of the sessions listed.",
        },
    )
    minutes = forms.IntegerField(
        label="If the session ran over: how long did you work, in minutes? (optional)",
        help_text="Leave this empty to claim the time booked. You are never paid for less "
        "than the time booked, even if you stopped or took time out.",
        required=False,
        min_value=1,
        max_value=24 * 60,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Enter the minutes as a whole number, like 210.",
            "min_value": "Enter a number of minutes more than 0.",
            "max_value": "A session cannot be longer than 24 hours (1440 minutes).",
        },
    )
    reason = forms.CharField(
        label="If it ran over: why? (optional)",
        help_text="The person who approves your claim reads this.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the reason to 500 characters or fewer."},
    )

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["session_id"], sessions)


class RecordTimeClaimForm(TimeClaimForm, OnBehalfForm):
    """A claim for time the person made another way (a phone call, a claim form by post),
    recorded by staff."""

    field_order = ["session_id", "minutes", "reason", "method", "told_note"]

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, sessions=sessions, **kwargs)
        self.fields["session_id"].label = "Which session are they claiming for?"
        self.fields[
            "minutes"
        ].label = "If the session ran over: how long did they work, in minutes? (optional)"


class TimeFromAttendanceForm(forms.Form):
    """The person's "Time to claim" list: every session ticked to start with."""

    session_ids = forms.TypedMultipleChoiceField(
        label="Which sessions are you claiming for?",
        help_text="Untick any session you do not want to claim for now.",
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Choose at least one session to claim for.",
            "invalid_choice": "One of those sessions is claimed already or is not on your "
            "list now. Check the list and try again.",
        },
    )

    def __init__(self, *args: Any, rows: list[TimeToClaim], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session_ids"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(row.session.pk, _time_to_claim_label(row)) for row in rows]
        self.initial.setdefault("session_ids", [row.session.pk for row in rows])


def _time_to_claim_label(row: TimeToClaim) -> str:
    session = row.session
    when = day_and_clock(session.starts_at)
    work = f"{session.opportunity.title} ({session.opportunity.organisation.name})"
    return f"{work}, {when}: {duration(row.minutes)} booked, £{row.amount}"


class ExpenseClaimForm(forms.Form):
    offer_id = forms.TypedChoiceField(
        label="Which work was it for?",
        coerce=int,
        error_messages={
            "required": "Choose the work the expenses were for.",
            "invalid_choice": "Choose one of the pieces of work listed.",
        },
    )
    category = forms.ChoiceField(
        label="What kind of expense is it?",
        choices=ExpenseCategory.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose what kind of expense it is.",
            "invalid_choice": "Choose one of the kinds of expense listed.",
        },
    )
    amount = _amount("How much did you spend?", "In pounds, like 12.50.")
    description = forms.CharField(
        label="What was it for?",
        help_text="For example: bus fares to and from the session, or lunch.",
        max_length=500,
        error_messages={
            "required": "Say what the money was spent on.",
            "max_length": "Keep the description to 500 characters or fewer.",
        },
    )
    receipt = forms.FileField(
        label="Receipt (optional)",
        help_text=f"A PDF, JPEG or PNG file, {MAX_BYTES // (1024 * 1024)} MB or smaller.",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, offers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["offer_id"], [("", "Choose the work"), *offers])  # type: ignore[list-item]


class TravelAdvanceForm(forms.Form):
    session_id = forms.TypedChoiceField(
        label="Which session do you need travel paid for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the session.",
            "invalid_choice": "Choose one of the sessions listed.",
        },
    )
    amount = _amount("How much will the travel cost?", "In pounds, like 18.60.")
    description = forms.CharField(
        label="How will you travel?",
        help_text="For example: return train from Hull to Leeds.",
        max_length=500,
        error_messages={
            "required": "Say how you will travel.",
            "max_length": "Keep the description to 500 characters or fewer.",
        },
    )

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(self.fields["session_id"], sessions)


class ApproveForm(forms.Form):
    confirm_outside_agreement = forms.BooleanField(
        label="I have decided to pay it, although it is not in the agreed expenses",
        required=False,
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=500)

    def __init__(self, *args: Any, outside_agreement: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not outside_agreement:
            del self.fields["confirm_outside_agreement"]


class RejectForm(forms.Form):
    note = forms.CharField(
        label="Why is it not approved?",
        help_text="The person reads this, so say what they can do next.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Say why the claim is not approved, so the person knows what to do next.",
            "max_length": "Keep the note to 500 characters or fewer.",
        },
    )


class PaymentForm(forms.Form):
    paid_on = GovukDateField(
        label="Date paid",
        required=True,
        help_text="The day the money was sent. For example, 14 3 2027.",
        error_messages={"required": "Enter the date the claim was paid."},
    )
    note = forms.CharField(
        label="Payment reference (optional)",
        required=False,
        max_length=500,
    )


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
        _choices(self.fields["offer_id"], [("", "Choose the work"), *offers])  # type: ignore[list-item]


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


class PayRouteForm(forms.Form):
    route = forms.ChoiceField(
        label="How would you like to be paid?",
        choices=PayRoute.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how you would like to be paid.",
            "invalid_choice": "Choose one of the ways of being paid listed.",
        },
    )
    charity = forms.CharField(
        label="If you chose a charity: which one?",
        required=False,
        max_length=200,
        error_messages={"max_length": "Keep the charity's name to 200 characters or fewer."},
    )
    applies_from = GovukDateField(
        label="From when?",
        help_text="Leave it empty for today. For example, 1 5 2027.",
    )

    def __init__(self, *args: Any, open_routes: set[str], words: dict[str, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["route"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(v, label) for v, label in PayRoute.choices if v in open_routes]
        self.route_hints = {v: words[v] for v in open_routes}


YES_NO = [("yes", "Yes"), ("no", "No")]


class EmploymentStatusForm(forms.Form):
    commitment = forms.ChoiceField(
        label="Which kind of work is the decision for?",
        choices=Commitment.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of work the decision is for."},
    )
    outcome = forms.ChoiceField(
        label="What did the organisation decide?",
        choices=StatusOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome of the decision."},
    )
    reasons = forms.CharField(
        label="Why (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Keep the reasons to 2000 characters or fewer."},
    )
    review_on = GovukDateField(
        label="When will it be reviewed?",
        required=True,
        help_text="Within three years. For example, 1 4 2027.",
    )

    def __init__(self, *args: Any, questions: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review_on"].error_messages["required"] = "Enter the review date."
        for key, text in questions.items():
            self.fields[key] = forms.ChoiceField(
                label=text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": f"Answer yes or no: {text}"},
            )
        # The questions first, then the outcome they lead to.
        order = [*questions, "commitment", "outcome", "reasons", "review_on"]
        self.order_fields(order)

    def answers(self, questions: dict[str, str]) -> dict[str, bool]:
        return {key: self.cleaned_data[key] == "yes" for key in questions}


class BatchPaymentForm(forms.Form):
    paid_on = GovukDateField(label="Date paid", required=True, help_text="For example, 3 2 2027.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paid_on"].error_messages["required"] = "Enter the date the batch was paid."

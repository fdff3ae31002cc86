from __future__ import annotations

import json
from typing import Any

from django import forms

from powerwith.consent.models import OutputKind, Use
from powerwith.consent.wording import Scope
from powerwith.core.forms.dates import GovukDateField
from powerwith.people.forms.acting import OnBehalfForm


class WithdrawForm(forms.Form):
    """The one-step withdrawal: which consent, nothing else. No reason is asked."""

    scope = forms.ChoiceField(choices=Scope.choices, widget=forms.HiddenInput)
    opportunity_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    output_id = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class OutputForm(forms.Form):
    """A new output: what it is, from which piece of work, who contributed, and what it
    is meant to be used for. The rules live in consent/output_services.py."""

    title = forms.CharField(
        label="Title",
        max_length=200,
        error_messages={"required": "Enter a title for the output."},
    )
    kind = forms.ChoiceField(
        label="What kind of output is it?",
        choices=OutputKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what kind of output it is."},
    )
    opportunity_id = forms.TypedChoiceField(
        label="Which piece of work is it from?",
        coerce=int,
        choices=[],
        error_messages={"required": "Choose the piece of work it comes from."},
    )
    contributors = forms.TypedMultipleChoiceField(
        label="Who contributed to it?",
        help_text="The people who took part in the work are listed. Each person is asked "
        "to review how it is used.",
        coerce=int,
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    find_name = forms.CharField(
        label="Find someone else on your register",
        help_text="Type part of their name and choose Find. They are added to the list "
        "above for you to tick.",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    uses = forms.MultipleChoiceField(
        label="What is it meant to be used for?",
        help_text="It can only be used this way while every contributor's consent allows it.",
        choices=Use.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one intended use."},
    )

    def __init__(
        self,
        *args: Any,
        opportunities: list[tuple[int, str]],
        people: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["opportunity_id"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose a piece of work"), *opportunities]
        contributors = self.fields["contributors"]
        assert isinstance(contributors, forms.TypedMultipleChoiceField)
        contributors.choices = people
        if not people:
            contributors.help_text = (
                "No one has taken part in the work yet. Find people by name below."
            )


YES_NO = [("yes", "Yes"), ("no", "No")]
NAMED = [("anonymised", "Anonymised: my name is not used"), ("named", "Named: use my name")]


class UseReviewForm(forms.Form):
    """The person's answer for one use of one output."""

    answer = forms.ChoiceField(
        label="Do you agree to this use?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no."},
    )
    named = forms.ChoiceField(
        label="If yes, how should you appear?",
        choices=NAMED,
        initial="anonymised",
        widget=forms.RadioSelect,
        required=False,
    )
    expires_on = GovukDateField(
        label="End date (optional)",
        called="The end date",
        help_text="After this date this use stops by itself. Leave it empty for no end date. "
        "For example, 31 3 2027.",
    )

    def __init__(self, *args: Any, use: str, **kwargs: Any) -> None:
        kwargs["prefix"] = use
        super().__init__(*args, **kwargs)


class RecordConsentForm(OnBehalfForm):
    """A consent the person gave or withdrew for a piece of work, told to staff another
    way (a consent form from their paper pack, a phone call)."""

    scope = forms.ChoiceField(
        label="Which consent?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose which consent."},
    )
    action = forms.ChoiceField(
        label="What did they decide?",
        choices=[("grant", "They agree"), ("withdraw", "They no longer agree")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what they decided."},
    )
    field_order = ["scope", "action", "method", "told_note"]

    def __init__(self, *args: Any, scopes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = scopes  # type: ignore[attr-defined]


class ReceiptCheckForm(forms.Form):
    """A receipt the person (or an auditor) kept, to check against the ledger."""

    receipt = forms.FileField(
        label="Upload the receipt",
        help_text="The receipt's JSON file (receipt.json), as you downloaded it.",
        error_messages={
            "required": "Choose the receipt file to check",
            "invalid": "Choose the receipt file to check",
            "empty": "The file is empty. Choose the receipt file you downloaded",
        },
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )

    MAX_BYTES = 100_000

    def clean_receipt(self) -> Any:
        upload = self.cleaned_data["receipt"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file is too large to be a receipt (100 KB at most)")
        try:
            return json.loads(upload.read().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise forms.ValidationError(
                "The file is not a receipt: choose the receipt.json file you downloaded"
            ) from None

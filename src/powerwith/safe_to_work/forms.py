"""Forms for recording a check and for setting what the work requires. The rules are the
service's (``safe_to_work.services``); these forms only gather the answers."""

from __future__ import annotations

from typing import Any

from django import forms

from powerwith.core.forms.dates import GovukDateField
from powerwith.safe_to_work.models import CheckKind, DbsLevel
from powerwith.safe_to_work.rules import Requirement
from powerwith.safe_to_work.services import NAME_MAX, NUMBER_MAX


class CheckForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of check is it?",
        choices=CheckKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of check"},
    )
    level = forms.ChoiceField(
        label="Level of the DBS check (for a DBS check only)",
        choices=[("", "Not a DBS check"), *DbsLevel.choices],
        required=False,
    )
    name = forms.CharField(
        label="Name of the training (for training only)",
        help_text="For example, RRN-certified restraint reduction training.",
        max_length=NAME_MAX,
        required=False,
    )
    done_on = GovukDateField(
        label="Date it was done", help_text="For example, 3 3 2026.", required=True
    )
    expires_on = GovukDateField(
        label="Date it expires (optional)",
        help_text="Leave blank if it does not expire. For example, 3 3 2029.",
    )
    certificate_number = forms.CharField(
        label="Certificate number (optional)",
        help_text="Only the number is kept, never a copy of the certificate.",
        max_length=NUMBER_MAX,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].error_messages["required"] = "Enter the date it was done"


USE_DEFAULT = "default"
OWN = "own"


class RequiredChecksForm(forms.Form):
    """What the work requires. On an opportunity, ``source`` chooses between the
    organisation's checks and its own."""

    source = forms.ChoiceField(
        label="Which checks does this work require?",
        choices=[
            (USE_DEFAULT, "The checks the organisation requires for all its work"),
            (OWN, "Checks chosen for this work"),
        ],
        widget=forms.RadioSelect,
        initial=USE_DEFAULT,
    )
    dbs_level = forms.ChoiceField(
        label="DBS check",
        choices=[("", "No DBS check needed"), *DbsLevel.choices],
        required=False,
    )
    induction = forms.BooleanField(label="An induction", required=False)
    trainings = forms.CharField(
        label="Training (optional)",
        help_text="One course a line, named as on the certificate. For example, "
        "RRN-certified restraint reduction training.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, for_opportunity: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not for_opportunity:
            del self.fields["source"]

    @staticmethod
    def initial_for(requirements: list[Requirement], *, own: bool = True) -> dict[str, Any]:
        dbs = [r.level for r in requirements if r.kind == CheckKind.DBS]
        return {
            "source": OWN if own else USE_DEFAULT,
            "dbs_level": dbs[0] if dbs else "",
            "induction": any(r.kind == CheckKind.INDUCTION for r in requirements),
            "trainings": "\n".join(r.name for r in requirements if r.kind == CheckKind.TRAINING),
        }

    def follows_default(self) -> bool:
        return self.cleaned_data.get("source") == USE_DEFAULT

    def items(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        found = []
        if data["dbs_level"]:
            found.append({"kind": CheckKind.DBS.value, "level": data["dbs_level"]})
        if data["induction"]:
            found.append({"kind": CheckKind.INDUCTION.value})
        found.extend(
            {"kind": CheckKind.TRAINING.value, "name": line.strip()}
            for line in data["trainings"].splitlines()
            if line.strip()
        )
        return found

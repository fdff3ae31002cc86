"""Forms for the coordinators' register: narrowing the list, uploading an import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from powerwith.core.choices import LocationMode
from powerwith.people import choices
from powerwith.people.models import PersonStatus
from powerwith.people.queries import DEFAULT_STATUSES, RegisterFilters
from powerwith.people.schedule import ITEMS, SETTINGS

ANY_STATUS = "any"
STATUS_CHOICES = [
    ("", "Active and paused"),
    *PersonStatus.choices,
    (ANY_STATUS, "Any status, including people who have left"),
]
EXPERIENCE_CHOICES: list[tuple[str, Any]] = [
    ("", "Any experience"),
    ("Direct experience", [(i.code, i.label) for i in ITEMS if i.kind == "direct"]),
    ("Indirect experience", [(i.code, i.label) for i in ITEMS if i.kind == "indirect"]),
]


def _select(label: str, options: Any, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=options,
        required=False,
        help_text=help_text,
        error_messages={"invalid_choice": f"Choose {label.lower()} from the list."},
    )


class RegisterFilterForm(forms.Form):
    """A GET form: every field is optional and an empty one means "any"."""

    name = forms.CharField(
        label="Name",
        max_length=200,
        required=False,
        help_text="Preferred name, or full name where the person shares it.",
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}),
    )
    experience = _select("Experience", EXPERIENCE_CHOICES)
    setting = _select("Setting", [("", "Any setting"), *SETTINGS])
    format = _select(
        "Communication needs",
        [("", "Any"), *[c for c in choices.Format.choices if c[0] != choices.Format.STANDARD]],
    )
    day = _select("Available on", [("", "Any day"), *choices.Day.choices])
    mode = _select("Can take part", [("", "Any way"), *LocationMode.choices])
    status = _select(
        "Status", STATUS_CHOICES, "People who have left are shown only when you choose them."
    )

    def filters(self) -> RegisterFilters:
        """The valid filters; a field with an error is left out (and shown as an error)."""
        data = getattr(self, "cleaned_data", {})
        status = data.get("status", "")
        if status == ANY_STATUS:
            statuses = frozenset(PersonStatus.values)
        elif status:
            statuses = frozenset({status})
        else:
            statuses = DEFAULT_STATUSES
        return RegisterFilters(
            name=data.get("name", ""),
            experience=data.get("experience", ""),
            setting=data.get("setting", ""),
            format=data.get("format", ""),
            day=data.get("day", ""),
            mode=data.get("mode", ""),
            statuses=statuses,
        )

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, "cleaned_data", {}).values())


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Saved as CSV UTF-8, 2 MB or smaller, with at most 5,000 people.",
        error_messages={
            "required": "Choose a CSV file to check.",
            "empty": "The file is empty. Use the template and add one person a row.",
            "invalid": "Choose a CSV file to check.",
        },
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".csv"):
            raise forms.ValidationError(
                "The file must be a CSV file, with a name ending .csv. If it is a "
                "spreadsheet, save it as “CSV UTF-8 (comma delimited)” first."
            )
        return upload

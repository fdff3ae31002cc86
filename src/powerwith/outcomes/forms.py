"""Forms for services, a month's figures, linking projects and importing a CSV file."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from powerwith.outcomes import months
from powerwith.people.schedule import RESTRICTIVE_INTERVENTIONS, SETTINGS

MONTHS_OFFERED = 60


class ServiceForm(forms.Form):
    name = forms.CharField(
        label="Name of the service",
        help_text="A ward, unit or team, for example Willow Ward.",
        max_length=200,
        error_messages={"required": "Enter the name of the service"},
    )
    setting = forms.ChoiceField(
        label="Setting (optional)",
        choices=[("", "Not given"), *SETTINGS],
        required=False,
    )


def count_field_name(code: str) -> str:
    return f"count_{code}"


class FiguresForm(forms.Form):
    """A month and one count for each type of restrictive intervention. A blank count is
    not recorded (and leaves a figure already recorded as it is)."""

    month = forms.TypedChoiceField(
        label="Month",
        help_text="Record a month once it has begun. To correct a month, choose it again.",
        coerce=months.parse,
        error_messages={"required": "Choose the month", "invalid_choice": "Choose a month"},
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_month = months.start_of(today)
        month_field = self.fields["month"]
        assert isinstance(month_field, forms.TypedChoiceField)
        month_field.choices = [
            (months.iso(m), months.label(m))
            for m in (months.add(this_month, -n) for n in range(MONTHS_OFFERED))
        ]
        for code, label in RESTRICTIVE_INTERVENTIONS:
            self.fields[count_field_name(code)] = forms.IntegerField(
                label=label,
                min_value=0,
                required=False,
                widget=forms.TextInput(
                    attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}
                ),
                error_messages={
                    "invalid": f"Enter the number of times {label.lower()} was used, "
                    "as a whole number like 3",
                    "min_value": f"The number for {label.lower()} must be 0 or more",
                },
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and all(
            cleaned.get(count_field_name(code)) is None for code, _ in RESTRICTIVE_INTERVENTIONS
        ):
            raise forms.ValidationError(
                "Enter at least one count. Write 0 where an intervention was not used."
            )
        return cleaned

    def figures(self) -> dict[str, int]:
        return {
            code: self.cleaned_data[count_field_name(code)]
            for code, _ in RESTRICTIVE_INTERVENTIONS
            if self.cleaned_data.get(count_field_name(code)) is not None
        }


class LinkForm(forms.Form):
    opportunity = forms.TypedChoiceField(
        label="Opportunity to link",
        coerce=int,
        error_messages={
            "required": "Choose an opportunity to link",
            "invalid_choice": "Choose one of the opportunities listed",
        },
    )

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["opportunity"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Choose an opportunity"), *choices]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Saved as CSV UTF-8, 1 MB or smaller, with at most 5,000 rows.",
        allow_empty_file=True,  # the import says plainly that the file is empty
        error_messages={
            "required": "Choose a CSV file to import",
            "invalid": "Choose a CSV file to import",
        },
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(".csv"):
            raise forms.ValidationError("The file must be a CSV file, ending in .csv")
        return upload

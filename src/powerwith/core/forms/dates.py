"""The one way every form asks for a date or a time.

A date is the GOV.UK date input: day, month and year in three boxes, inside a fieldset,
with the same messages everywhere ("… must include a month", "… must be a real date").
A time is one text box that takes 10:00, 14:30, 2:30pm or 2pm. Neither is the browser's
own date or time picker, which reads and behaves differently in every browser and with
every screen reader. They only read; whether a date may be in the past is for the
services to say. ``tests/test_date_fields.py`` holds every form to them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

PARTS = ("Day", "Month", "Year")
TIME_FORMATS = ["%H:%M", "%H.%M", "%I:%M%p", "%I.%M%p", "%I%p", "%I:%M %p", "%I %p"]
WIDTHS = ("2", "2", "4")


class GovukDateParts(forms.MultiWidget):
    template_name = "forms/fields/date_parts.html"

    def __init__(self) -> None:
        boxes = [forms.TextInput(attrs={"inputmode": "numeric"}) for _ in PARTS]
        super().__init__(boxes)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def id_for_label(self, id_: str) -> str:
        # The error summary links to the day box, where the reader starts.
        return f"{id_}_0" if id_ else ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        has_error = "govuk-input--error" in str((attrs or {}).get("class", ""))
        for part, width, box in zip(PARTS, WIDTHS, context["widget"]["subwidgets"], strict=True):
            box["label"] = part
            box["attrs"].pop("aria-describedby", None)  # the fieldset carries it
            classes = f"govuk-input govuk-date-input__input govuk-input--width-{width}"
            box["attrs"]["class"] = classes + (" govuk-input--error" if has_error else "")
        return context


class GovukDateField(forms.MultiValueField):
    widget: GovukDateParts

    def __init__(
        self,
        *,
        label: str,
        help_text: str = "",
        required: bool = False,
        error_messages: dict[str, str] | None = None,
        called: str = "",
    ) -> None:
        # What the messages call the date, where the label says more ("(optional)").
        self.called = called or label
        parts = [forms.CharField(required=False, max_length=4) for _ in PARTS]
        super().__init__(
            fields=parts,
            label=label,
            help_text=help_text,
            required=required,
            require_all_fields=False,
            widget=GovukDateParts(),
            error_messages={"required": f"Enter the {label.lower()}.", **(error_messages or {})},
        )
        self.template_name = "forms/fields/date.html"

    def compress(self, data_list: list[Any]) -> dt.date | None:
        values = [str(value or "").strip() for value in data_list]
        if not any(values):
            return None
        label = self.called
        absent = [part.lower() for part, value in zip(PARTS, values, strict=True) if not value]
        if absent:
            raise forms.ValidationError(f"{label} must include a {' and '.join(absent)}.")
        try:
            day, month, year = (int(value) for value in values)
            if year < 1000:
                raise ValueError(year)
            return dt.date(year, month, day)
        except ValueError:
            raise forms.ValidationError(f"{label} must be a real date, like 27 3 2027.") from None


class GovukTimeField(forms.TimeField):
    """A time of day in one box: 10:00, 14:30, 2:30pm or 2pm."""

    def __init__(
        self,
        *,
        label: str,
        help_text: str = "For example, 10:00 or 2:30pm.",
        required: bool = False,
        error_messages: dict[str, str] | None = None,
    ) -> None:
        messages = {
            "required": f"Enter the {label.lower()}, like 10:00.",
            "invalid": f"Enter the {label.lower()} like 10:00 or 2:30pm.",
            **(error_messages or {}),
        }
        super().__init__(
            label=label,
            help_text=help_text,
            required=required,
            input_formats=TIME_FORMATS,
            error_messages=messages,
            widget=forms.TimeInput(
                format="%H:%M", attrs={"class": "govuk-input--width-5", "spellcheck": "false"}
            ),
        )

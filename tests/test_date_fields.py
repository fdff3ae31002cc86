"""One way to give a date or a time on every form: the GOV.UK date input (day, month and
year) and one time box, with the same labels, hints and messages everywhere."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.forms.widgets import DateTimeBaseInput
from django.utils import timezone

import powerwith
from powerwith.core.forms.dates import GovukDateField, GovukTimeField
from tests.conftest import logged_in
from tests.engagements.factories import accepted_offer

SOURCE = Path(powerwith.__file__).parent
# The browser's own pickers, or Django's plain date and time fields, written anywhere
# but in the shared fields themselves.
OTHER_PATTERNS = re.compile(
    r"forms\.(DateField|DateTimeField|TimeField|SplitDateTimeField|DateInput|TimeInput"
    r"|DateTimeInput)\(|[\"']type[\"']: [\"'](date|time|datetime-local)[\"']"
)


def _form_classes() -> Iterator[Any]:
    """Every form and model form class written in a forms module of the project."""
    for found in pkgutil.walk_packages(powerwith.__path__, "powerwith."):
        if ".forms" not in found.name or ".migrations" in found.name:
            continue
        module = importlib.import_module(found.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, forms.BaseForm)
                and hasattr(cls, "base_fields")
                and cls.__module__ == module.__name__
            ):
                yield cls


def _not_shared(cls: Any) -> list[str]:
    wrong = []
    for name, field in cls.base_fields.items():
        if isinstance(field, GovukDateField | GovukTimeField):
            continue
        dated = isinstance(field, forms.DateField | forms.DateTimeField | forms.TimeField)
        if dated or isinstance(field.widget, DateTimeBaseInput):
            wrong.append(f"{cls.__module__}.{cls.__name__}.{name}")
    return wrong


def test_every_forms_date_and_time_fields_are_the_shared_ones():
    classes = list(_form_classes())
    assert len(classes) > 30
    assert [name for cls in classes for name in _not_shared(cls)] == []


def test_the_check_finds_a_form_with_its_own_date_field():
    class OwnDate(forms.Form):
        on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
        at = forms.TimeField()

    assert len(_not_shared(OwnDate)) == 2


def test_no_form_builds_a_date_or_time_field_of_its_own_when_it_is_made():
    # Fields added in a form's __init__ are not in base_fields: the source is read too.
    shared = SOURCE / "core" / "forms" / "dates.py"
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.py")
        if "migrations" not in path.parts and path != shared
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if OTHER_PATTERNS.search(line)
    ]
    assert found == []


class _When(forms.Form):
    on = GovukDateField(label="Date", required=True)
    at = GovukTimeField(label="Start time", required=True)


@pytest.mark.parametrize(
    ("sent", "field", "message"),
    [
        ({"on_0": "3", "on_1": "", "on_2": "2027"}, "on", "Date must include a month."),
        ({"on_0": "", "on_1": "", "on_2": "2027"}, "on", "Date must include a day and month."),
        ({"on_0": "31", "on_1": "2", "on_2": "2027"}, "on", "Date must be a real date"),
        ({"on_0": "x", "on_1": "2", "on_2": "2027"}, "on", "Date must be a real date"),
        ({}, "on", "Enter the date."),
        ({"at": "25:00"}, "at", "Enter the start time like 10:00 or 2:30pm."),
        ({}, "at", "Enter the start time, like 10:00."),
    ],
)
def test_a_bad_date_or_time_is_named_on_its_own_field(sent, field, message):
    form = _When(sent)
    assert not form.is_valid()
    assert any(str(text).startswith(message) for text in form.errors[field])


def test_times_are_read_as_people_write_them():
    for written, read in [("10:00", "10:00"), ("2:30pm", "14:30"), ("2pm", "14:00")]:
        form = _When({"on_0": "1", "on_1": "2", "on_2": "2027", "at": written})
        assert form.is_valid(), written
        assert form.cleaned_data["at"].strftime("%H:%M") == read


@pytest.mark.django_db
def test_add_a_session_names_the_missing_month_and_the_bad_time(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    day = timezone.localdate() + timedelta(days=20)
    answer = logged_in(client, riverside_coordinator.user).post(
        f"/opportunities/{offer.opportunity_id}/sessions/new/",
        {"day_0": str(day.day), "day_2": str(day.year), "time": "half ten", "minutes": "60"},
    )
    page = answer.content.decode()
    assert answer.status_code == 400
    assert 'href="#id_day_0">Date must include a month.' in page
    assert 'href="#id_time">Enter the start time like 10:00 or 2:30pm.' in page

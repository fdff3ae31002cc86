"""Times of day are written one way across the product, the GOV.UK way: "9am", "11:59pm",
"midday", "midnight"; never "23:59" or "11:59 p.m."."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import Context, Template

from powerwith.core.times import clock, day_and_clock

SOURCE = Path(__file__).resolve().parent.parent / "src" / "powerwith"
LONDON = dt.timezone(dt.timedelta(hours=1))  # British Summer Time


@pytest.mark.parametrize(
    ("hour", "minute", "written"),
    [
        (9, 0, "9am"),
        (23, 59, "11:59pm"),
        (12, 0, "midday"),
        (0, 0, "midnight"),
        (0, 30, "12:30am"),
        (12, 5, "12:05pm"),
        (17, 30, "5:30pm"),
    ],
)
def test_a_time_is_written_the_gov_uk_way(hour, minute, written):
    assert clock(dt.time(hour, minute)) == written


def test_templates_write_a_moment_in_local_time_with_the_clock_filter():
    # 22:59 UTC on a summer day is 11:59pm in London.
    moment = dt.datetime(2027, 7, 1, 22, 59, tzinfo=dt.UTC)
    page = Template('{{ moment|date:"j F Y" }}, {{ moment|clock }}{{ nothing|clock }}')
    assert page.render(Context({"moment": moment, "nothing": None})) == "1 July 2027, 11:59pm"
    assert day_and_clock(moment) == "Thursday 1 July 2027, 11:59pm"


def test_no_template_writes_a_time_any_other_way():
    other_ways = re.compile(r'\|(?:date|time):"[^"]*[aAfgGhHiP][^"]*"|\|time\b(?!:)')
    found = [
        f"{path.relative_to(SOURCE)}:{number}"
        for path in SOURCE.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if other_ways.search(line)
    ]
    assert found == []


def test_no_code_writes_a_time_of_day_with_strftime():
    # Machine formats (file names, calendar files, a model's own label) are not for reading.
    allowed = {
        "backups/__init__.py",
        "offers/renderings/calendar.py",
        "accounts/models.py",
        "engagements/models.py",
        "consent/ledger.py",
    }
    found = [
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if "migrations" not in path.parts
        and str(path.relative_to(SOURCE)) not in allowed
        and re.search(r"%[HIp]|(?<![A-Za-z])(?:g:i|H:i)", path.read_text())
    ]
    # What the one time box shows and reads ("10:00", "2:30pm") is written once, there.
    assert sorted(found) == ["core/forms/dates.py"]

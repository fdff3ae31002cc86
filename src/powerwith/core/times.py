"""Times of day, written one way everywhere: the GOV.UK style — "9am", "11:59pm",
"midday", "midnight" — never "23:59" or "11:59 p.m.".

``clock`` is for code that writes what people read (pages, renderings, e-mails); in
templates the same function is the ``clock`` filter, built into every template (settings:
TEMPLATES' builtins), which shows an aware datetime in the local time zone as ``date``
does. Django's TIME_FORMAT has no way to write "11:59pm", so nothing relies on it.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import dateformat, timezone

register = template.Library()


def clock(moment: dt.datetime | dt.time) -> str:
    """10am, 5:30pm, midday, midnight. A datetime is read as it is: localise it first."""
    if moment.minute == 0 and moment.hour in (0, 12):
        return "midnight" if moment.hour == 0 else "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day_and_clock(moment: dt.datetime, day: str = "l j F Y") -> str:
    """ "Tuesday 12 January 2027, 10am": the day in Django's ``date`` format, then the time,
    both in the local time zone."""
    local = timezone.localtime(moment)
    return f"{dateformat.format(local, day)}, {clock(local)}"


@register.filter(name="clock", expects_localtime=True)
def clock_filter(value: dt.datetime | dt.time | None) -> str:
    """``{{ session.starts_at|clock }}``: nothing for an empty value, as ``date`` does."""
    if value is None or value == "":
        return ""
    return clock(value)

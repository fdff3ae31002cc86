"""When a message may go: no texts and no reminders at night, and reminders at the time
of day the person chose. Anything else (an e-mail, a letter, an offer by phone) goes now."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from powerwith.people.choices import ReminderTime

# Night, in the site's time zone: from 9pm until 8am nothing that buzzes a phone is sent.
QUIET_FROM = time(21)
QUIET_UNTIL = time(8)
WINDOWS = {
    ReminderTime.MORNING: (time(9), time(12)),
    ReminderTime.AFTERNOON: (time(12), time(17)),
    ReminderTime.EVENING: (time(17), time(20)),
}


def _at(day: datetime, when: time) -> datetime:
    return day.replace(hour=when.hour, minute=when.minute, second=0, microsecond=0)


def _next(local: datetime, start: time, end: time) -> datetime | None:
    """None when ``local`` falls in [start, end); otherwise the next start."""
    if start <= local.time() < end:
        return None
    if local.time() < start:
        return _at(local, start)
    return _at(local + timedelta(days=1), start)


def wait_until(
    *, now: datetime, by_text: bool, reminder: bool, reminder_time: str = ""
) -> datetime | None:
    """When to send instead of now, or None to send now."""
    local = timezone.localtime(now)
    if reminder and reminder_time in WINDOWS:
        return _next(local, *WINDOWS[ReminderTime(reminder_time)])
    if by_text or reminder:
        if QUIET_UNTIL <= local.time() < QUIET_FROM:
            return None
        day = local if local.time() < QUIET_UNTIL else local + timedelta(days=1)
        return _at(day, QUIET_UNTIL)
    return None

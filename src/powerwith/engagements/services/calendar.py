"""Sessions as iCalendar: the file attached to an invitation or its cancellation, and a
user's personal calendar feed at a secret address.

The feed's secret is shown once, when it is made; only its SHA-256 hash is kept. A new
feed replaces the old one, and revoking it ends it: the old address then answers 404.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event

from powerwith.accounts import audit
from powerwith.accounts.models import User
from powerwith.core.forms.text import one_line
from powerwith.engagements.models import CalendarFeed, Session

PRODID = "-//powerwith//Sessions//EN"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def session_uid(session: Session) -> str:
    """The same for every file about one session, so a calendar updates or cancels the
    event it already has instead of adding another."""
    return f"session-{session.pk}@powerwith"


def _sequence(session: Session, cancelled: bool) -> int:
    # Calendars apply a change only when its sequence is higher than the one they hold;
    # the minutes since the epoch grow with each change and need no stored counter.
    return int(timezone.now().timestamp() // 60) - 28_000_000 + (1 if cancelled else 0)


def description(session: Session) -> str:
    opportunity = session.opportunity
    lines = [f"{opportunity.title}, with {opportunity.organisation.name}."]
    contact = opportunity.contact_user
    if contact is not None:
        lines.append(
            f"Your contact person is {contact.full_name or contact.email}, {contact.email}."
        )
    if session.recorded:
        lines.append("This session is recorded.")
    lines.append(
        "You can stop, take time out or ask for support at any time, and your pay for the "
        "booked time stays the same."
    )
    return "\n\n".join(lines)


def session_event(session: Session, *, cancelled: bool = False, link: str = "") -> Event:
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("summary", one_line(session.opportunity.title))
    event.add("location", one_line(session.where))
    event.add("description", description(session))
    event.add("sequence", _sequence(session, cancelled))
    event.add("status", "CANCELLED" if cancelled or session.cancelled_at else "CONFIRMED")
    if link:
        event.add("url", link)
    return event


def calendar_file(
    sessions: Iterable[Session], *, method: str = "PUBLISH", name: str = "", links: bool = False
) -> bytes:
    """``method`` is PUBLISH for a feed or an invitation to add, CANCEL to take the events
    out of the calendar."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", one_line(name))
    for session in sessions:
        link = f"{settings.SITE_URL}/sessions/{session.pk}/" if links else ""
        calendar.add_component(session_event(session, cancelled=method == "CANCEL", link=link))
    return bytes(calendar.to_ical())


@transaction.atomic
def create_feed(user: User) -> tuple[CalendarFeed, str]:
    """A new secret address for the user's calendar; any earlier one stops working."""
    now = timezone.now()
    CalendarFeed.objects.filter(user=user, revoked_at=None).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(user=user, token_hash=token_hash(token), created_at=now)
    audit.record(actor=user, action="calendar_feed.created", target=feed)
    return feed, token


@transaction.atomic
def revoke_feed(user: User) -> int:
    """End the user's calendar feed; how many were ended (0 when there was none)."""
    ended = CalendarFeed.objects.filter(user=user, revoked_at=None).update(
        revoked_at=timezone.now()
    )
    if ended:
        audit.record(actor=user, action="calendar_feed.revoked", target=user)
    return ended

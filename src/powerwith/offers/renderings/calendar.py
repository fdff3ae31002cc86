"""The offer's sessions as an iCalendar file, one event for each session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from powerwith.core.choices import LocationMode
from powerwith.core.errors import InvalidInput
from powerwith.core.forms.text import one_line
from powerwith.offers.renderings.base import Rendered, filename
from powerwith.offers.renderings.words import Content, where


class NoSessions(InvalidInput):
    def __init__(self) -> None:
        super().__init__(
            "This offer has no dated sessions, so there is no calendar file for it.",
            field="format",
        )


def uid(content: Content, starts_at: datetime) -> str:
    """The same session of the same offer keeps its UID in every version, so a calendar
    that imports the file again updates the event instead of adding a second one."""
    return (
        f"{starts_at:%Y%m%dT%H%M%SZ}-opportunity-{content['opportunity']['id']}"
        f"-person-{content['person']['id']}@powerwith"
    )


def location(content: Content) -> str:
    place = content["location"]
    if place["mode"] == LocationMode.IN_PERSON:
        return str(place["address"])
    return f"{where(content)}: {place['details']}" if place["details"] else where(content)


def description(content: Content) -> str:
    contact = content["contact"]
    lines = [f"An offer of work from {content['organisation']}."]
    if contact:
        lines.append(f"Your contact person is {contact['name']}, {contact['email']}.")
    lines.append(content["statements"]["ok_to_say_no"])
    return "\n\n".join(lines)


def render(content: Content) -> Rendered:
    if not content["sessions"]:
        raise NoSessions()
    calendar = Calendar()
    calendar.add("prodid", "-//powerwith//Offers of work//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", one_line(content["opportunity"]["title"]))
    stamp = datetime.now(UTC).replace(microsecond=0)
    for session in content["sessions"]:
        starts = datetime.fromisoformat(session["starts_at"]).astimezone(UTC)
        event = Event()
        event.add("uid", uid(content, starts))
        event.add("dtstamp", stamp)
        event.add("dtstart", starts)
        event.add("dtend", starts + timedelta(minutes=int(session["minutes"])))
        event.add("summary", one_line(content["opportunity"]["title"]))
        event.add("location", one_line(location(content)))
        event.add("description", description(content))
        calendar.add_component(event)
    return Rendered(
        data=calendar.to_ical(),
        content_type="text/calendar; charset=utf-8",
        filename=filename(content, ".ics"),
    )

"""E-mails about sessions, sent after the transaction that made the change commits.

An invitation carries the session's details in plain words in its body (it reads aloud
and transcribes as it is) and a calendar file; a cancellation carries a calendar file
that takes the event out of the person's calendar (METHOD:CANCEL).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from powerwith.core.times import clock, day_and_clock
from powerwith.engagements.models import Attendance, Session
from powerwith.engagements.services.calendar import calendar_file


def when(session: Session) -> str:
    return f"{day_and_clock(session.starts_at)} to {clock(timezone.localtime(session.ends_at))}"


def details(session: Session) -> str:
    opportunity = session.opportunity
    lines = [
        f"What: {opportunity.title}",
        f"When: {when(session)}",
        f"Where: {session.where or 'to be confirmed'}",
    ]
    if session.recorded:
        lines.append("This session is recorded (audio or video).")
    contact = opportunity.contact_user
    if contact is not None:
        lines.append(f"Your contact person: {contact.full_name or contact.email}, {contact.email}")
    return "\n".join(lines)


def _send(booking: Attendance, subject: str, text: str, method: str) -> None:
    person = booking.person
    if not person.email:
        return
    session = booking.session
    link = f"{settings.SITE_URL}/my-sessions/{session.pk}/"
    body = (
        f"Hello {person.preferred_name},\n\n{text}\n\n{details(session)}\n\n"
        f"You can see your sessions, and ask for reasonable adjustments, here:\n{link}\n\n"
        "You have the power to stop, take time out or ask for support at any time. "
        "Your pay for the booked time stays the same.\n"
    )
    message = EmailMessage(subject=subject, body=body, to=[person.email])
    name = "cancel.ics" if method == "CANCEL" else "invite.ics"
    message.attach(
        name,
        calendar_file([session], method=method),
        f"text/calendar; charset=utf-8; method={method}",
    )
    message.send()


def _booking(booking_id: int) -> Attendance:
    return Attendance.objects.select_related(
        "person", "session__opportunity__organisation", "session__opportunity__contact_user"
    ).get(pk=booking_id)


def booking_made(booking_id: int) -> None:
    booking = _booking(booking_id)
    organisation = booking.session.opportunity.organisation.name
    _send(
        booking,
        f"You are booked: {booking.session.opportunity.title}",
        f"{organisation} has booked you into a session. A calendar file is attached.",
        "PUBLISH",
    )


def session_changed(booking_id: int) -> None:
    booking = _booking(booking_id)
    _send(
        booking,
        f"A session has changed: {booking.session.opportunity.title}",
        "The details of a session you are booked into have changed. They are below, and "
        "the attached calendar file updates your calendar.",
        "PUBLISH",
    )


def booking_cancelled(booking_id: int) -> None:
    booking = _booking(booking_id)
    reason = f"\n\nThe reason given: {booking.cancel_reason}" if booking.cancel_reason else ""
    _send(
        booking,
        f"Cancelled: {booking.session.opportunity.title}",
        "Your booking into this session is cancelled. The attached calendar file takes it "
        f"out of your calendar. Pay for work already done is not affected.{reason}",
        "CANCEL",
    )

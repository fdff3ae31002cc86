"""E-mails about sessions: messages the worker sends once the change commits.

An invitation carries the session's details in plain words in its body (it reads aloud
and transcribes as it is) and a calendar file; a cancellation carries a calendar file
that takes the event out of the person's calendar (METHOD:CANCEL).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone

from powerwith.core import mail
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


def _letter(
    booking: Attendance,
    subject: str,
    text: str,
    method: str,
    *,
    about: str,
    told: int | None,
    topic: str,
) -> mail.Letter | None:
    person = booking.person
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
    opportunity = session.opportunity
    return mail.Letter(
        message,
        mail.Undelivered(
            organisation_id=opportunity.organisation_id,
            assignee_ids=(told, opportunity.contact_user_id),
            about=f"{about} {opportunity.title}",
            to=person.preferred_name,
            link=reverse("engagements:session", kwargs={"session_id": session.pk}),
            person_id=person.pk,
        ),
        mail.Recipient(
            person.pk,
            topic,
            link=f"/my-sessions/{session.pk}/",
            contact_ids=(opportunity.contact_user_id,),
        ),
    )


def _booking(booking_id: int) -> Attendance:
    return Attendance.objects.select_related(
        "person", "session__opportunity__organisation", "session__opportunity__contact_user"
    ).get(pk=booking_id)


@mail.message
def booking_made(booking_id: int) -> mail.Letter | None:
    booking = _booking(booking_id)
    organisation = booking.session.opportunity.organisation.name
    return _letter(
        booking,
        f"You are booked: {booking.session.opportunity.title}",
        f"{organisation} has booked you into a session. A calendar file is attached.",
        "PUBLISH",
        about="their booking into a session of",
        told=booking.booked_by_id,
        topic="session_booked",
    )


@mail.message
def session_changed(booking_id: int) -> mail.Letter | None:
    booking = _booking(booking_id)
    opportunity = booking.session.opportunity
    return _letter(
        booking,
        f"A session has changed: {opportunity.title}",
        "The details of a session you are booked into have changed. They are below, and "
        "the attached calendar file updates your calendar.",
        "PUBLISH",
        about="a change to a session of",
        told=opportunity.created_by_id,
        topic="session_changed",
    )


@mail.message
def booking_cancelled(booking_id: int) -> mail.Letter | None:
    booking = _booking(booking_id)
    reason = f"\n\nThe reason given: {booking.cancel_reason}" if booking.cancel_reason else ""
    return _letter(
        booking,
        f"Cancelled: {booking.session.opportunity.title}",
        "Your booking into this session is cancelled. The attached calendar file takes it "
        f"out of your calendar. Pay for work already done is not affected.{reason}",
        "CANCEL",
        about="their cancelled booking into a session of",
        told=booking.cancelled_by_id,
        topic="session_cancelled",
    )

"""Adding, changing and cancelling sessions, and recording who took part.

A change to a session's time or place is sent to everyone booked, with a calendar file
that updates their calendar; a cancelled session cancels its bookings (each person gets
a cancellation), but keeps them, so nothing about who was booked is lost.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.engagements import notifications
from powerwith.engagements.models import Attendance, BookingStatus, Session
from powerwith.engagements.services.booking import (
    _cancel,
    consent_given,
    schedule_checks,
)
from powerwith.opportunities.models import Opportunity

LONGEST = 12 * 60


def _require_manager(by: Membership, opportunity: Opportunity) -> None:
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That session belongs to another organisation.")
    if not can(by, Capability.MANAGE_SESSIONS):
        raise NotAllowed("Only a coordinator or admin can add or change sessions.")


def _check_terms(starts_at: datetime, minutes: int, place: str) -> None:
    if starts_at <= timezone.now():
        raise InvalidInput("A session must start in the future.", field="starts_at")
    if not 1 <= minutes <= LONGEST:
        raise InvalidInput(
            f"A session lasts between 1 minute and {LONGEST // 60} hours.", field="minutes"
        )
    if len(place) > 300:
        raise InvalidInput("Place or call details must be 300 characters or fewer.", field="place")


@transaction.atomic
def add_session(
    opportunity: Opportunity,
    *,
    by: Membership,
    starts_at: datetime,
    minutes: int,
    place: str = "",
    recorded: bool = False,
) -> Session:
    _require_manager(by, opportunity)
    _check_terms(starts_at, minutes, place)
    if Session.objects.filter(opportunity=opportunity, starts_at=starts_at).exists():
        raise Conflict("This opportunity already has a session at that time.", field="starts_at")
    session = Session.objects.create(
        opportunity=opportunity,
        starts_at=starts_at,
        minutes=minutes,
        place=place.strip(),
        recorded=recorded,
    )
    audit.record(
        actor=by.user,
        action="session.added",
        organisation=by.organisation,
        target=session,
        opportunity_id=opportunity.pk,
        starts_at=starts_at.isoformat(),
        minutes=minutes,
        recorded=recorded,
    )
    return session


def _reschedule(booking: Attendance) -> None:
    booking.wellbeing_checks.filter(completed_at=None).delete()
    schedule_checks(booking)


def reschedule_checks(session: Session) -> None:
    """Move the unanswered wellbeing checks of everyone booked to the session's new time
    (for a change made elsewhere, such as the opportunity's terms)."""
    for booking in Attendance.objects.filter(session=session, status=BookingStatus.BOOKED):
        _reschedule(booking)


def _booked(session: Session) -> list[Attendance]:
    return list(
        Attendance.objects.select_related("person")
        .select_for_update()
        .filter(session=session, status=BookingStatus.BOOKED)
    )


@transaction.atomic
def change_session(
    session: Session,
    *,
    by: Membership,
    starts_at: datetime,
    minutes: int,
    place: str,
    recorded: bool,
) -> Session:
    """Change a session that has not started. Making it recorded needs *be recorded*
    consent from everyone booked; a new time moves their wellbeing checks with it."""
    opportunity = session.opportunity
    _require_manager(by, opportunity)
    if session.cancelled_at is not None:
        raise Conflict("This session has been cancelled, so it cannot be changed.")
    if session.starts_at <= timezone.now():
        raise Conflict("This session has already started, so it cannot be changed.")
    _check_terms(starts_at, minutes, place)
    if (
        Session.objects.filter(opportunity=opportunity, starts_at=starts_at)
        .exclude(pk=session.pk)
        .exists()
    ):
        raise Conflict("This opportunity already has a session at that time.", field="starts_at")
    booked = _booked(session)
    if recorded and not session.recorded:
        organisation = opportunity.organisation
        without = [
            b.person.preferred_name
            for b in booked
            if not consent_given(b.person, organisation, "be_recorded", opportunity.pk)
        ]
        if without:
            raise Conflict(
                "The session cannot be recorded: "
                f"{', '.join(without)} {'has' if len(without) == 1 else 'have'} not given "
                "consent to be recorded. Ask them first, or cancel their booking.",
                field="recorded",
            )
    before = {
        "starts_at": session.starts_at.isoformat(),
        "minutes": session.minutes,
        "place": session.place,
        "recorded": session.recorded,
    }
    moved = starts_at != session.starts_at or minutes != session.minutes
    session.starts_at = starts_at
    session.minutes = minutes
    session.place = place.strip()
    session.recorded = recorded
    session.save(update_fields=["starts_at", "minutes", "place", "recorded"])
    after = {
        "starts_at": starts_at.isoformat(),
        "minutes": minutes,
        "place": session.place,
        "recorded": recorded,
    }
    if before == after:
        return session
    for booking in booked:
        if moved:
            _reschedule(booking)
        mail.send_on_commit(notifications.session_changed, booking.pk)
    audit.record(
        actor=by.user,
        action="session.changed",
        organisation=by.organisation,
        target=session,
        before=before,
        after=after,
    )
    return session


@transaction.atomic
def cancel_session(session: Session, *, by: Membership, reason: str = "") -> Session:
    """Cancel a session that has not started; everyone booked is told."""
    _require_manager(by, session.opportunity)
    if session.cancelled_at is not None:
        return session
    if session.starts_at <= timezone.now():
        raise Conflict("This session has already started, so it cannot be cancelled.")
    reason = reason.strip() or "The session is cancelled."
    booked = _booked(session)
    for booking in booked:
        _cancel(booking, by=by.user, reason=reason)
    session.cancelled_at = timezone.now()
    session.save(update_fields=["cancelled_at"])
    audit.record(
        actor=by.user,
        action="session.cancelled",
        organisation=by.organisation,
        target=session,
        reason_given=bool(reason),
        bookings=[b.pk for b in booked],
    )
    return session


@transaction.atomic
def record_attendance(booking: Attendance, *, by: Membership, attended: bool) -> Attendance:
    """Whether the person took part, once the session has started."""
    session = booking.session
    _require_manager(by, session.opportunity)
    if session.starts_at > timezone.now():
        raise Conflict("Attendance can be recorded once the session has started.")
    if not booking.is_booked:
        raise Conflict(
            f"{booking.person.preferred_name}'s booking was cancelled, so there is no "
            "attendance to record."
        )
    if booking.attended != attended:
        booking.attended = attended
        booking.save(update_fields=["attended"])
        audit.record(
            actor=by.user,
            action="session.attendance_recorded",
            organisation=by.organisation,
            target=booking,
            attended=attended,
        )
    return booking

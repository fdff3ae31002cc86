"""Booking people into sessions, and cancelling bookings.

The gate is declared here once, for the page, the API and the consent ledger alike: a
person is booked only into a session their agreement names (the version of the offer
they accepted: a session added or changed since is booked once they accept the new
version), with *take part* consent for the work, and into a recorded session only with
*be recorded* consent too. Booking schedules the person's three wellbeing checks for the
session.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.consent.queries import lapse_before
from powerwith.consent.usability.ledger import records_for, standing
from powerwith.consent.usability.rules import OPPORTUNITY, ORGANISATION
from powerwith.consent.wording import Scope
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.engagements import notifications
from powerwith.engagements.models import (
    Adjustment,
    Attendance,
    BookingStatus,
    Session,
    WellbeingCheck,
)
from powerwith.engagements.wellbeing_completion import due_times
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers.agreement import Agreement, agreements_for
from powerwith.people.choices import Adjustment as Category
from powerwith.people.choices import Format
from powerwith.people.models import Person
from powerwith.safe_to_work.queries import blocked_for

TAKE_PART: str = Scope.TAKE_PART
BE_RECORDED: str = Scope.BE_RECORDED


def consent_given(
    person: Person, organisation: Organisation, scope: str, opportunity_id: int
) -> bool:
    """Consent for this opportunity, or given for all of the organisation's work, by the
    ledger's own rules (consent.usability)."""
    return (person.pk, scope) in _consents_given({person.pk}, organisation, {scope}, opportunity_id)


def _consents_given(
    person_ids: set[int], organisation: Organisation, scopes: set[str], opportunity_id: int
) -> set[tuple[int, str]]:
    """(person id, scope) for each consent given for the opportunity's work, for many
    people in one read of the ledger, by the ledger's own rule: the same contexts as
    ``consent.usability.standing_for_work`` (this opportunity, then all the
    organisation's work), the more specific deciding, a later withdrawal for all the
    work overriding it, a lapsed one not given."""
    records = records_for({organisation.pk}, person_ids, scopes, set(), {opportunity_id})
    chain = [(OPPORTUNITY, opportunity_id), (ORGANISATION, None)]
    cutoff = lapse_before(organisation)
    return {
        (person_id, scope)
        for person_id in person_ids
        for scope in scopes
        if standing(records, organisation, person_id, scope, chain, cutoff).is_given
    }


def booking_problems_for(people: Sequence[Person], session: Session) -> dict[int, list[str]]:
    """Why each person cannot be booked into this session, in words (empty when they
    can), by person id: the offers and the consent ledger are read once for everyone."""
    organisation = session.opportunity.organisation
    person_ids = {person.pk for person in people}
    agreements = agreements_for(person_ids, session.opportunity_id)
    scopes = {TAKE_PART, BE_RECORDED} if session.recorded else {TAKE_PART}
    given = _consents_given(person_ids, organisation, scopes, session.opportunity_id)
    unsafe = blocked_for(session.opportunity, person_ids)
    found: dict[int, list[str]] = {}
    for person in people:
        name = person.preferred_name
        problems = []
        agreement = agreements.get(person.pk)
        if agreement is None:
            problems.append(f"{name} has not accepted an offer of work for this opportunity.")
        elif not agreement.covers(session.starts_at, session.minutes):
            problems.append(_not_agreed(name, agreement))
        if (person.pk, TAKE_PART) not in given:
            problems.append(f"{name} has not given consent to take part in this opportunity.")
        if session.recorded and (person.pk, BE_RECORDED) not in given:
            problems.append(
                f"This session is recorded, and {name} has not given consent to be recorded."
            )
        problems.extend(
            f"{name} cannot be booked until their checks are up to date: {reason}."
            for reason in unsafe[person.pk]
        )
        found[person.pk] = problems
    return found


def _not_agreed(name: str, agreement: Agreement) -> str:
    sentence = (
        f"This session is not in the offer {name} accepted (version {agreement.number}): "
        "it was added or changed after they agreed."
    )
    if agreement.change_waiting:
        return (
            f"{sentence} The new version is waiting for their answer; book them once "
            "they accept it."
        )
    return f"{sentence} Send them the changed offer and book them once they accept it."


def booking_problems(person: Person, session: Session) -> list[str]:
    """Why this person cannot be booked into this session, in words; empty when they can."""
    return booking_problems_for([person], session)[person.pk]


def schedule_checks(booking: Attendance) -> list[WellbeingCheck]:
    session = booking.session
    if not session.opportunity.wellbeing_checks:
        return []
    due = due_times(
        session.starts_at, session.ends_at, session.opportunity.organisation.follow_up_days
    )
    return [
        WellbeingCheck.objects.get_or_create(
            attendance=booking, kind=kind, defaults={"due_at": at}
        )[0]
        for kind, at in due.items()
    ]


INTERPRETERS = {Format.BSL: "British Sign Language (BSL)", Format.MAKATON: "Makaton"}


def ask_for_interpreter(booking: Attendance, *, by: Membership) -> list[Adjustment]:
    """A person who uses BSL or Makaton needs an interpreter at every session: each
    booking asks for one, as an adjustment to that session, on the action-needed list of
    whoever booked them and the contact people until someone records that it is booked
    by confirming the adjustment (which the scorecard's "Adjustments confirmed" check
    reads). Booking again after a cancellation asks only once."""
    person, session = booking.person, booking.session
    opportunity = session.opportunity
    asked = [a.details for a in Adjustment.objects.filter(person=person, session=session)]
    made = []
    for code, interpreter in INTERPRETERS.items():
        details = f"A {interpreter} interpreter, booked for this session."
        if code not in person.formats or details in asked:
            continue
        adjustment = Adjustment.objects.create(
            person=person,
            opportunity=opportunity,
            session=session,
            category=Category.PRACTICAL,
            details=details,
            requested_by=by.user,
        )
        audit.record(
            actor=by.user,
            action="adjustment.requested",
            organisation=opportunity.organisation,
            target=adjustment,
            person_id=person.pk,
            category=Category.PRACTICAL,
            session_id=session.pk,
        )
        raise_action(
            organisation=opportunity.organisation,
            assignees=[by.user, opportunity.contact_user, opportunity.backup_contact_user],
            kind=ActionKind.ADJUSTMENT,
            key=f"adjustment:{adjustment.pk}",
            title=f"Book a {interpreter} interpreter for {person.preferred_name}: "
            f"{opportunity.title}, {timezone.localtime(session.starts_at):%d %B %Y}. "
            "Confirm the adjustment when it is booked",
            link=f"/opportunities/{opportunity.pk}/sessions/",
            person=person,
        )
        made.append(adjustment)
    return made


@transaction.atomic
def book(*, session: Session, person: Person, by: Membership) -> Attendance:
    """Book the person into the session, or say in words why not (nothing is written)."""
    opportunity = session.opportunity
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That session belongs to another organisation.")
    if not can(by, Capability.MANAGE_SESSIONS):
        raise NotAllowed("Only a coordinator or admin can book people into sessions.")
    if session.cancelled_at is not None:
        raise Conflict("This session has been cancelled.")
    if session.starts_at <= timezone.now():
        raise Conflict("This session has already started, so no one can be booked into it.")
    problems = booking_problems(person, session)
    if problems:
        raise InvalidInput(" ".join(problems), field="person")
    booking = Attendance.objects.select_for_update().filter(session=session, person=person).first()
    if booking is not None and booking.is_booked:
        return booking
    if booking is None:
        booking = Attendance(session=session, person=person)
    booking.status = BookingStatus.BOOKED
    booking.booked_by = by.user
    booking.booked_at = timezone.now()
    booking.cancelled_at = None
    booking.cancelled_by = None
    booking.cancel_reason = ""
    booking.save()
    schedule_checks(booking)
    ask_for_interpreter(booking, by=by)
    mail.send_on_commit(notifications.booking_made, booking.pk)
    audit.record(
        actor=by.user,
        action="session.booked",
        organisation=by.organisation,
        target=booking,
        session_id=session.pk,
        person_id=person.pk,
    )
    return booking


def _cancel(booking: Attendance, *, by: User, reason: str) -> None:
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.cancelled_by = by
    booking.cancel_reason = reason
    booking.save(update_fields=["status", "cancelled_at", "cancelled_by", "cancel_reason"])
    # Checks not yet done for a session the person will not come to are not due.
    booking.wellbeing_checks.filter(completed_at=None).delete()
    mail.send_on_commit(notifications.booking_cancelled, booking.pk)


@transaction.atomic
def cancel_booking(booking: Attendance, *, by: Membership, reason: str = "") -> Attendance:
    if booking.session.opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That booking belongs to another organisation.")
    if not can(by, Capability.MANAGE_SESSIONS):
        raise NotAllowed("Only a coordinator or admin can cancel a booking.")
    if booking.is_booked:
        _cancel(booking, by=by.user, reason=reason or "Cancelled by staff")
        audit.record(
            actor=by.user,
            action="session.booking_cancelled",
            organisation=by.organisation,
            target=booking,
            # Whether a reason was given, never its words: audit details hold no free
            # text (the booking keeps the reason, for the people it concerns).
            reason_given=bool(reason),
        )
    return booking


def cancel_future_bookings(
    *,
    person: Person,
    organisation: Organisation,
    opportunity_id: int | None,
    by: User,
    reason: str,
) -> list[Attendance]:
    """Cancel the person's bookings into sessions that have not started — of one
    opportunity, or of all the organisation's when ``opportunity_id`` is None. Sessions
    that have started or ended keep their bookings: pay for work done stays due.

    Called inside the caller's transaction (the consent withdrawal that causes it)."""
    bookings = Attendance.objects.select_related("session").filter(
        person=person,
        status=BookingStatus.BOOKED,
        session__opportunity__organisation=organisation,
        session__starts_at__gt=timezone.now(),
    )
    if opportunity_id is not None:
        bookings = bookings.filter(session__opportunity_id=opportunity_id)
    cancelled = list(bookings)
    for booking in cancelled:
        _cancel(booking, by=by, reason=reason)
    if cancelled:
        audit.record(
            actor=by,
            action="session.bookings_cancelled",
            organisation=organisation,
            target=person,
            # Whether a reason was given, never its words: audit details hold no free
            # text (the booking keeps the reason, for the people it concerns).
            reason_given=bool(reason),
            bookings=[b.pk for b in cancelled],
        )
    return cancelled

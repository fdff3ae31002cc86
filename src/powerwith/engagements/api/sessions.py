"""Sessions, bookings, attendance and reasonable adjustments over the API. Thin: parse,
find through queries_sessions, call a service, answer.

Booking answers 422 with ``detail`` (the reasons in words) and ``reasons`` (one string
each) when the gate refuses; nothing is written. Another organisation's session is 404;
an expert sees only the sessions they are booked into, and only their own booking.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.engagements.models import Adjustment, Attendance, Session
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.services import booking as booking_services
from powerwith.engagements.services import sessions as services
from powerwith.engagements.services.adjustments import confirm_adjustment
from powerwith.people.choices import Adjustment as Category
from powerwith.people.queries import get_person_for
from powerwith.people.schemas import OnBehalfIn

router = Router(tags=["sessions"])


class BookingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    person_id: int


class AttendanceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    person_id: int
    attended: bool


class AdjustmentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    person_id: int | None = Field(
        default=None, description="Staff record a request for a booked person; omit for your own."
    )
    category: str = Field(default="", description=f"One of {', '.join(Category.values)}, or ''.")
    details: str = Field(max_length=2000)
    this_session_only: bool = False
    on_behalf: OnBehalfIn | None = None


class BookingOut(Schema):
    id: int
    person_id: int
    person_name: str
    status: str
    attended: bool
    booked_at: str
    cancelled_at: str | None
    cancel_reason: str


class SessionDetailOut(Schema):
    id: int
    opportunity_id: int
    starts_at: str
    ends_at: str
    minutes: int
    place: str
    where: str
    recorded: bool
    cancelled: bool
    bookings: list[BookingOut]


class SessionList(Schema):
    items: list[SessionDetailOut]
    count: int


class AdjustmentOut(Schema):
    id: int
    person_id: int
    opportunity_id: int
    session_id: int | None
    category: str
    details: str
    status: str
    requested_at: str
    confirmed_at: str | None


class AdjustmentList(Schema):
    items: list[AdjustmentOut]


class BookingRefusedOut(Schema):
    """A booking refused (``detail`` and the ``reasons``), or a body that is not a booking
    (``detail`` is then the list of validation errors, as for every operation)."""

    detail: str | list[dict[str, Any]]
    reasons: list[str] = []


def _booking_out(booking: Attendance) -> dict[str, Any]:
    return {
        "id": booking.pk,
        "person_id": booking.person_id,
        "person_name": booking.person.preferred_name,
        "status": booking.status,
        "attended": booking.attended,
        "booked_at": booking.booked_at.isoformat(),
        "cancelled_at": booking.cancelled_at.isoformat() if booking.cancelled_at else None,
        "cancel_reason": booking.cancel_reason,
    }


def _session_out(membership: Membership, session: Session) -> dict[str, Any]:
    return {
        "id": session.pk,
        "opportunity_id": session.opportunity_id,
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "minutes": session.minutes,
        "place": session.place,
        "where": session.where,
        "recorded": session.recorded,
        "cancelled": session.cancelled_at is not None,
        "bookings": [_booking_out(b) for b in queries.bookings_visible(membership, session)],
    }


def adjustment_out(adjustment: Adjustment) -> dict[str, Any]:
    return {
        "id": adjustment.pk,
        "person_id": adjustment.person_id,
        "opportunity_id": adjustment.opportunity_id,
        "session_id": adjustment.session_id,
        "category": adjustment.category,
        "details": adjustment.details,
        "status": adjustment.status,
        "requested_at": adjustment.requested_at.isoformat(),
        "confirmed_at": adjustment.confirmed_at.isoformat() if adjustment.confirmed_at else None,
    }


def session_for(request: Request, session_id: int) -> tuple[Membership, Session]:
    membership = membership_of(request)
    return membership, queries.get_session_for(membership, session_id)


def _require_manager(membership: Membership) -> None:
    if not can(membership, Capability.MANAGE_SESSIONS):
        raise PermissionDenied("Only a coordinator or admin can do that.")


@router.get("/opportunities/{opportunity_id}/sessions", response=SessionList)
def list_sessions(request: Request, opportunity_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    opportunity = queries.get_opportunity_with_sessions(membership, opportunity_id)
    sessions = list(queries.sessions_of_opportunity(membership, opportunity))
    return {"items": [_session_out(membership, s) for s in sessions], "count": len(sessions)}


@router.get("/sessions/{session_id}", response=SessionDetailOut)
def get_session(request: Request, session_id: int) -> dict[str, Any]:
    return _session_out(*session_for(request, session_id))


@router.post("/sessions/{session_id}/bookings", response={201: BookingOut, 422: BookingRefusedOut})
def book(request: Request, session_id: int, payload: BookingIn) -> Status[dict[str, Any]]:
    membership, session = session_for(request, session_id)
    _require_manager(membership)
    person = get_person_for(membership, payload.person_id)
    problems = booking_services.booking_problems(person, session)
    if problems:
        return Status(422, {"detail": " ".join(problems), "reasons": problems})
    booking = booking_services.book(session=session, person=person, by=membership)
    return Status(201, _booking_out(booking))


@router.post("/sessions/{session_id}/bookings/{person_id}/cancel", response=BookingOut)
def cancel_booking(request: Request, session_id: int, person_id: int) -> dict[str, Any]:
    membership, session = session_for(request, session_id)
    _require_manager(membership)
    booking = queries.get_booking_of_person(session, person_id)
    booking_services.cancel_booking(booking, by=membership)
    return _booking_out(booking)


@router.post("/sessions/{session_id}/attendance", response=BookingOut)
def record_attendance(request: Request, session_id: int, payload: AttendanceIn) -> dict[str, Any]:
    membership, session = session_for(request, session_id)
    _require_manager(membership)
    booking = queries.get_booking_of_person(session, payload.person_id)
    services.record_attendance(booking, by=membership, attended=payload.attended)
    return _booking_out(booking)


@router.post("/adjustments/{adjustment_id}/confirm", response=AdjustmentOut)
def confirm(request: Request, adjustment_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    adjustment = queries.get_adjustment_for(membership, adjustment_id)
    confirm_adjustment(adjustment, by=membership)
    return adjustment_out(adjustment)

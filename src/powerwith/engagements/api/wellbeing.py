"""Wellbeing checks, the power to stop and the "action needed" list over the API.

Thin: find through queries_wellbeing (404 for anything out of reach), call a service,
answer. A person answers their own checks; staff see their organisation's (a contact
person those of the work they are appointed to).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.engagements.models import StopEvent, StopKind, WellbeingCheck
from powerwith.engagements.queries import wellbeing as queries
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.engagements.services.wellbeing import NOTE_LENGTH, complete_check
from powerwith.people.choices import What
from powerwith.people.reads import record_read, record_reads
from powerwith.people.schemas import OnBehalfIn
from powerwith.workflows import on_behalf

router = Router(tags=["wellbeing"])


class WellbeingCheckOut(Schema):
    id: int
    kind: str
    person_id: int
    session_id: int
    opportunity_id: int
    due_at: str
    overdue: bool
    completed_at: str | None
    feeling: int | None
    note: str
    wants_support: bool


class CheckPage(Schema):
    items: list[WellbeingCheckOut]
    count: int


class CheckIn(Schema):
    model_config = ConfigDict(extra="forbid")

    feeling: int = Field(ge=1, le=5)
    note: str = Field(default="", max_length=NOTE_LENGTH)
    wants_support: bool = False
    on_behalf: OnBehalfIn | None = None


class StopIn(Schema):
    model_config = ConfigDict(extra="forbid")

    opportunity_id: int
    session_id: int | None = None
    kind: StopKind
    person_id: int | None = None
    on_behalf: OnBehalfIn | None = None


class StopOut(Schema):
    id: int
    kind: str
    person_id: int
    opportunity_id: int
    session_id: int | None
    created_at: str


def _check_out(check: WellbeingCheck) -> dict[str, Any]:
    session = check.attendance.session
    return {
        "id": check.pk,
        "kind": check.kind,
        "person_id": check.attendance.person_id,
        "session_id": session.pk,
        "opportunity_id": session.opportunity_id,
        "due_at": check.due_at.isoformat(),
        "overdue": not check.is_done and check.due_at < timezone.now() - queries.OVERDUE_AFTER,
        "completed_at": check.completed_at.isoformat() if check.completed_at else None,
        "feeling": check.feeling,
        "note": check.note,
        "wants_support": check.wants_support,
    }


def _stop_out(event: StopEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "kind": event.kind,
        "person_id": event.person_id,
        "opportunity_id": event.opportunity_id,
        "session_id": event.session_id,
        "created_at": event.created_at.isoformat(),
    }


@router.get("/wellbeing-checks", response=CheckPage)
def list_checks(request: Request, due: bool = False) -> dict[str, Any]:
    """An expert's own checks here; staff, their organisation's. ``?due=1``: only those
    not answered and due today or earlier."""
    checks = queries.checks_visible_to(membership_of(request))
    if due:
        checks = queries.due_checks(checks, timezone.now())
    found = list(checks[:500])
    record_reads(
        viewer=membership_of(request),
        people=[c.attendance.person for c in found if c.note],
        what=What.WELLBEING_NOTES,
        where=request.path,
    )
    return {"items": [_check_out(c) for c in found], "count": len(found)}


@router.get("/wellbeing-checks/{check_id}", response=WellbeingCheckOut)
def get_check(request: Request, check_id: int) -> dict[str, Any]:
    check = queries.get_check_for(membership_of(request), check_id)
    record_read(
        viewer=membership_of(request),
        person=check.attendance.person,
        what=What.WELLBEING_NOTES,
        where=request.path,
    )
    return _check_out(check)


@router.post("/wellbeing-checks/{check_id}", response=WellbeingCheckOut)
def answer_check(request: Request, check_id: int, payload: CheckIn) -> dict[str, Any]:
    membership = membership_of(request)
    check = queries.get_check_for(membership, check_id)
    answer = payload.model_dump(exclude={"on_behalf"})
    if payload.on_behalf is None:
        complete_check(check, by=membership, **answer)
    else:
        on_behalf.answer_wellbeing_check(
            check, by=membership, word=payload.on_behalf.word(), **answer
        )
    return _check_out(check)


@router.post("/stop", response={201: StopOut})
def record_stop(request: Request, payload: StopIn) -> Status[dict[str, Any]]:
    """The person for themself (``person_id`` may be left out), or staff for a person.
    No reason is asked for, and pay for the booked time is unchanged."""
    membership = membership_of(request)
    if not can(membership, Capability.WORK_AS_STAFF):
        person = queries.own_person_here(membership)
        if payload.person_id is not None and payload.person_id != person.pk:
            raise Http404("No such person.")
        opportunity = queries.get_own_opportunity(membership, person, payload.opportunity_id)
    else:
        if not can(membership, Capability.CARE_FOR_PEOPLE):
            raise NotAllowed("Only coordinators, admins and contact people can record this.")
        opportunity = queries.get_opportunity_for_staff(membership, payload.opportunity_id)
        if payload.person_id is None:
            raise InvalidInput("Say who this is for: person_id.", field="person_id")
        person = queries.get_person_in(opportunity, payload.person_id)
    session = (
        queries.get_session_in(opportunity, payload.session_id)
        if payload.session_id is not None
        else None
    )
    if payload.on_behalf is None:
        event = stop_or_time_out(
            person=person,
            opportunity=opportunity,
            session=session,
            kind=payload.kind,
            by=membership,
        )
    else:
        event = on_behalf.stop_or_time_out(
            person=person,
            opportunity=opportunity,
            session=session,
            kind=payload.kind,
            by=membership,
            word=payload.on_behalf.word(),
        )
    return Status(201, _stop_out(event))

"""Wellbeing checks, the power to stop and the "action needed" list over the API.

Thin: find through queries_wellbeing (404 for anything out of reach), call a service,
answer. A person answers their own checks; staff see their organisation's (a contact
person those of the work they are appointed to).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from powerwith.core.http import Request, membership_of
from powerwith.engagements.models import StopEvent, StopKind, WellbeingCheck
from powerwith.engagements.queries import wellbeing as queries
from powerwith.engagements.services.wellbeing import NOTE_LENGTH
from powerwith.people.choices import What
from powerwith.people.reads import record_reads
from powerwith.people.schemas import OnBehalfIn

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


def check_out(check: WellbeingCheck) -> dict[str, Any]:
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


def stop_out(event: StopEvent) -> dict[str, Any]:
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
    return {"items": [check_out(c) for c in found], "count": len(found)}

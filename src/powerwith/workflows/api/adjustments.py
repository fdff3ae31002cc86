"""A session's reasonable adjustments over the API: reading them, and asking for one, which
staff may do for the person on their word (``workflows.on_behalf``). Both methods of the
path are served here, under the sessions tag, path and operation ids
(docs/adr/011-layers-and-layout.md)."""

from __future__ import annotations

from typing import Any

from ninja import Router, Status

from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can
from powerwith.engagements.api.sessions import (
    AdjustmentIn,
    AdjustmentList,
    AdjustmentOut,
    adjustment_out,
    session_for,
)
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.people.choices import What
from powerwith.people.reads import record_reads
from powerwith.workflows import on_behalf

router = Router(tags=["sessions"])


@router.get(
    "/sessions/{session_id}/adjustments",
    response=AdjustmentList,
    operation_id="powerwith_engagements_api_sessions_list_adjustments",
)
def list_adjustments(request: Request, session_id: int) -> dict[str, Any]:
    membership, session = session_for(request, session_id)
    adjustments = list(queries.adjustments_visible(membership, session))
    record_reads(
        viewer=membership,
        people=[a.person for a in adjustments],
        what=What.ADJUSTMENTS,
        where=request.path,
    )
    return {"items": [adjustment_out(a) for a in adjustments]}


@router.post(
    "/sessions/{session_id}/adjustments",
    response={201: AdjustmentOut},
    operation_id="powerwith_engagements_api_sessions_add_adjustment",
)
def add_adjustment(
    request: Request, session_id: int, payload: AdjustmentIn
) -> Status[dict[str, Any]]:
    membership, session = session_for(request, session_id)
    booked = {p.pk: p for p in queries.people_booked(session)}
    if not can(membership, Capability.WORK_AS_STAFF):
        own = [p for p in booked.values() if p.user_id == membership.user_id]
        if payload.person_id not in (None, *(p.pk for p in own)) or not own:
            raise InvalidInput("You can ask for adjustments for yourself only.", field="person_id")
        person = own[0]
    else:
        if payload.person_id not in booked:
            raise InvalidInput("Name someone booked into this session.", field="person_id")
        person = booked[payload.person_id]
    only = session if payload.this_session_only else None
    if payload.on_behalf is None:
        adjustment = request_adjustment(
            person=person,
            opportunity=session.opportunity,
            by=membership.user,
            category=payload.category,
            details=payload.details,
            session=only,
        )
    else:
        adjustment = on_behalf.ask_for_adjustment(
            person=person,
            opportunity=session.opportunity,
            by=membership,
            word=payload.on_behalf.word(),
            category=payload.category,
            details=payload.details,
            session=only,
        )
    return Status(201, adjustment_out(adjustment))

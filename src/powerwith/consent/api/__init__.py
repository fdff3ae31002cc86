"""A person's consents and the ledger's verification over the API.

The person is found through ``queries.person_for_consents`` (``people.queries`` plus, for
a contact person, the people they are appointed to): another organisation's person is a
404, and an expert sees only themself. Every write is a service call.
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Field, Path, Router, Schema

from powerwith.consent import queries, receipts
from powerwith.consent.queries import ConsentState
from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request, membership_of
from powerwith.workflows import leaving

router = Router(tags=["consent"])


class ConsentOut(Schema):
    scope: str
    opportunity_id: int | None
    output_id: int | None
    state: str


class ConsentList(Schema):
    items: list[ConsentOut]


ID_MAX = 2**63 - 1


class ConsentIn(Schema):
    scope: str
    action: str
    opportunity_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    output_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    method: str = ""


class VerifyOut(Schema):
    ok: bool
    events: int | None = None
    first_bad_event: int | None = None
    problem: str | None = None


def _out(state: ConsentState) -> dict[str, Any]:
    return {
        "scope": state.scope,
        "opportunity_id": state.opportunity_id,
        "output_id": state.output_id,
        "state": state.state,
    }


@router.get("/people/{person_id}/consents", response=ConsentList)
def list_consents(request: Request, person_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    person = queries.person_for_consents(membership, person_id)
    return {"items": [_out(s) for s in queries.current_consents(membership, person)]}


@router.post("/people/{person_id}/consents", response=ConsentOut)
def record_consent(request: Request, person_id: int, payload: ConsentIn) -> dict[str, Any]:
    membership = membership_of(request)
    person = queries.person_for_consents(membership, person_id)
    act = leaving.CONSENT_ACTIONS.get(payload.action)
    if act is None:
        raise InvalidInput(
            f"Unknown action '{payload.action}'. Use one of: grant, withdraw, reconfirm.",
            field="action",
        )
    state = act(
        person=person,
        scope=payload.scope,
        actor=membership,
        method=payload.method,
        opportunity=queries.context_opportunity(membership, payload.opportunity_id),
        output_id=payload.output_id,
    )
    return _out(state)


@router.get("/consent-ledger/verify", response=VerifyOut, exclude_none=True)
def verify_ledger(request: Request) -> dict[str, Any]:
    """The caller's organisation's events, counted and checked within the whole chain,
    its seals and its checkpoints; another organisation's event is never named."""
    membership = membership_of(request)
    queries.require_verifier(membership)
    result = queries.verify_chain(membership.organisation_id)
    if result.ok:
        return {"ok": True, "events": result.events}
    return {"ok": False, "first_bad_event": result.first_bad_event_id, "problem": result.problem}


@router.get("/consent-receipts/{event_id}", response=dict[str, Any])
def consent_receipt(
    request: Request, event_id: Annotated[int, Path(ge=1, le=ID_MAX)]
) -> dict[str, Any]:
    """One event's receipt, shaped like an ISO/IEC TS 27560 consent record."""
    return receipts.receipt_json(queries.get_event_for(membership_of(request), event_id))

"""A person's consents and the ledger's verification over the API.

The person is found through ``people.queries.get_person_for``: another organisation's
person is a 404, and an expert sees only themself. Every write is a service call.
"""

from __future__ import annotations

from typing import Any

from ninja import Router, Schema

from powerwith.accounts.models import Membership
from powerwith.consent import queries, services
from powerwith.consent.queries import ConsentState
from powerwith.errors import InvalidInput
from powerwith.http import Request
from powerwith.people.queries import get_person_for

router = Router(tags=["consent"])


class ConsentOut(Schema):
    scope: str
    opportunity_id: int | None
    output_id: int | None
    state: str


class ConsentList(Schema):
    items: list[ConsentOut]


class ConsentIn(Schema):
    scope: str
    action: str
    opportunity_id: int | None = None
    output_id: int | None = None
    method: str = ""


class VerifyOut(Schema):
    ok: bool
    events: int | None = None
    first_bad_event: int | None = None


def _membership(request: Request) -> Membership:
    assert request.membership is not None  # set by token authentication
    return request.membership


def _out(state: ConsentState) -> dict[str, Any]:
    return {
        "scope": state.scope,
        "opportunity_id": state.opportunity_id,
        "output_id": state.output_id,
        "state": state.state,
    }


@router.get("/people/{person_id}/consents", response=ConsentList)
def list_consents(request: Request, person_id: int) -> dict[str, Any]:
    membership = _membership(request)
    person = get_person_for(membership, person_id)
    return {"items": [_out(s) for s in queries.current_consents(membership, person)]}


@router.post("/people/{person_id}/consents", response=ConsentOut)
def record_consent(request: Request, person_id: int, payload: ConsentIn) -> dict[str, Any]:
    membership = _membership(request)
    person = get_person_for(membership, person_id)
    act = services.ACTIONS.get(payload.action)
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
    queries.require_verifier(_membership(request))
    result = queries.verify_chain()
    if result.ok:
        return {"ok": True, "events": result.events}
    return {"ok": False, "first_bad_event": result.first_bad_event_id}

"""A person's consents over the API: what holds now, and granting, withdrawing or
reconfirming one. Withdrawing consent to take part is leaving the work
(``workflows.leaving``), so these endpoints are served here; they keep the paths and
operation ids they had under consent (docs/adr/011-layers-and-layout.md).

The person is found through ``consent.queries.person_for_consents``: another
organisation's person is a 404, and an expert sees only themself.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Router, Schema

from powerwith.consent import queries
from powerwith.consent.api import ID_MAX
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


class ConsentIn(Schema):
    scope: str
    action: str
    opportunity_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    output_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    method: str = ""


def _out(state: ConsentState) -> dict[str, Any]:
    return {
        "scope": state.scope,
        "opportunity_id": state.opportunity_id,
        "output_id": state.output_id,
        "state": state.state,
    }


@router.get(
    "/people/{person_id}/consents",
    response=ConsentList,
    operation_id="powerwith_consent_api_list_consents",
)
def list_consents(request: Request, person_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    person = queries.person_for_consents(membership, person_id)
    return {"items": [_out(s) for s in queries.current_consents(membership, person)]}


@router.post(
    "/people/{person_id}/consents",
    response=ConsentOut,
    operation_id="powerwith_consent_api_record_consent",
)
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

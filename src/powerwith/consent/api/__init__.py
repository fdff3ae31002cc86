"""A person's consents and the ledger's verification over the API.

The person is found through ``queries.person_for_consents`` (``people.queries`` plus, for
a contact person, the people they are appointed to): another organisation's person is a
404, and an expert sees only themself. Every write is a service call.
"""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Path, Router, Schema

from powerwith.consent import queries, receipts
from powerwith.core.http import Request, membership_of

router = Router(tags=["consent"])


ID_MAX = 2**63 - 1


class VerifyOut(Schema):
    ok: bool
    events: int | None = None
    first_bad_event: int | None = None
    problem: str | None = None


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

"""The action-needed list over the API: the caller's own open tasks, and marking one done."""

from __future__ import annotations

from typing import Any

from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.inbox import queries
from powerwith.inbox.models import ActionNeeded
from powerwith.inbox.services import mark_done

router = Router(tags=["action needed"])


class ActionOut(Schema):
    id: int
    kind: str
    title: str
    link: str
    person_id: int | None
    created_at: str
    done_at: str | None


class ActionPage(Schema):
    items: list[ActionOut]
    count: int


def _action_out(item: ActionNeeded) -> dict[str, Any]:
    return {
        "id": item.pk,
        "kind": item.kind,
        "title": item.title,
        "link": item.link,
        "person_id": item.person_id,
        "created_at": item.created_at.isoformat(),
        "done_at": item.done_at.isoformat() if item.done_at else None,
    }


@router.get("/action-needed", response=ActionPage)
def list_actions(request: Request) -> dict[str, Any]:
    """The caller's own open tasks in this organisation, newest first."""
    found = list(queries.open_actions(membership_of(request))[:500])
    return {"items": [_action_out(a) for a in found], "count": len(found)}


@router.post("/action-needed/{action_id}/done", response=ActionOut)
def action_done(request: Request, action_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    item = mark_done(queries.get_action_for(membership, action_id), by=membership)
    return _action_out(item)

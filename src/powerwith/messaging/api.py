"""GET /api/v1/people/{id}/messages: what was sent to a person, by which channel, and how
it went."""

from __future__ import annotations

from datetime import datetime

from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.messaging import queries

router = Router(tags=["messages"])


class MessageOut(Schema):
    id: int
    channel: str
    about: str
    status: str
    created_at: datetime
    detail: str


class MessagesPage(Schema):
    items: list[MessageOut]
    count: int


@router.get("/people/{person_id}/messages", response=MessagesPage)
def person_messages(request: Request, person_id: int) -> MessagesPage:
    found = list(queries.messages_to(membership_of(request), person_id)[:500])
    return MessagesPage(
        items=[
            MessageOut(
                id=m.pk,
                channel=m.channel,
                about=m.about,
                status=m.status,
                created_at=m.created_at,
                detail=m.detail,
            )
            for m in found
        ],
        count=len(found),
    )

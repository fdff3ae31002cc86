"""GET /api/v1/offers/{id}/render?format=html|large-print-pdf|easy-read|text|ics|audio|braille
|paper-pack"""

from __future__ import annotations

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.offers import queries
from powerwith.offers.renderings import FORMATS
from powerwith.offers.renderings.delivery import (
    as_response,
    chosen_format,
    content_for,
    rendering,
)

router = Router(tags=["offers"])

FILE_TYPES = {
    "text/html": {"schema": {"type": "string"}},
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
    "text/plain": {"schema": {"type": "string"}},
    "text/calendar": {"schema": {"type": "string"}},
    "audio/mpeg": {"schema": {"type": "string", "format": "binary"}},
    "audio/ogg": {"schema": {"type": "string", "format": "binary"}},
}


class RenderQuery(Schema):
    format: str | None = Field(
        None, description=f"One of: {', '.join(FORMATS)}. Without it, the person's preferred one."
    )


@router.get(
    "/offers/{offer_id}/render",
    summary="An accessible rendering of an offer",
    description=(
        "The latest sent version of the offer (before it is first sent, a preview of the "
        "draft, for staff only). 422 for an unknown format, or for a calendar of an offer "
        "with no dated sessions."
    ),
    openapi_extra={"responses": {200: {"description": "The rendering", "content": FILE_TYPES}}},
)
def render_offer_file(request: Request, offer_id: int, query: Query[RenderQuery]) -> HttpResponse:
    membership = membership_of(request)
    offer = queries.get_offer_for(membership, offer_id)
    snapshot = content_for(membership, offer)
    fmt = chosen_format(query.format, snapshot)
    return as_response(rendering(offer, snapshot, fmt), fmt)

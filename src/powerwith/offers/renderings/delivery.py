"""Which content a reader gets rendered, in which format, and how it is served.

Shared by the page (``views_render``) and the API (``api_render``) so both answer alike.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, can
from powerwith.offers import content, queries
from powerwith.offers.formats import RenderFormat, preferred_format
from powerwith.offers.models import Offer
from powerwith.offers.recordings import recording_for
from powerwith.offers.renderings import render
from powerwith.offers.renderings.base import Rendered

# Opened in the browser; the PDF and the calendar file are downloads to open elsewhere
# (the person's own PDF reader, magnifier or calendar).
SHOWN_INLINE = frozenset(
    {RenderFormat.HTML, RenderFormat.EASY_READ, RenderFormat.TEXT, RenderFormat.AUDIO}
)


def content_for(membership: Membership, offer: Offer) -> dict[str, Any]:
    """What the person actually received: the latest sent version, with what is added for
    its reader (how they would be paid). Before the offer is first sent, staff see a
    preview of the draft; the person never does."""
    version = queries.latest_version(offer)
    if version is not None:
        return content.for_reader(offer, dict(version.content))
    if not can(membership, Capability.WORK_AS_STAFF):
        raise Http404("No such offer.")
    return content.for_reader(offer, content.build(offer))


def chosen_format(requested: str | None, snapshot: dict[str, Any]) -> str:
    """The format asked for, or else the one the person reads best."""
    return requested or preferred_format(snapshot["person"]["formats"])


def rendering(offer: Offer, snapshot: dict[str, Any], fmt: str) -> Rendered:
    """The snapshot of the offer in this format: audio is the recording kept for it."""
    if fmt == RenderFormat.AUDIO:
        return recording_for(offer, snapshot)
    return render(snapshot, fmt)


def as_response(rendered: Rendered, fmt: str) -> HttpResponse:
    response = HttpResponse(rendered.data, content_type=rendered.content_type)
    disposition = "inline" if fmt in SHOWN_INLINE else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{rendered.filename}"'
    # An offer holds personal terms: keep it out of shared caches.
    response["Cache-Control"] = "private, no-cache"
    if rendered.content_security_policy:
        response["Content-Security-Policy"] = rendered.content_security_policy
    return response

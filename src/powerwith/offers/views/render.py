"""The renderings of an offer as pages and downloads: /offers/<id>/render/?format=…"""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from powerwith.accounts.models import Membership
from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import membership_required
from powerwith.offers import queries
from powerwith.offers.formats import RenderFormat
from powerwith.offers.models import Offer
from powerwith.offers.renderings.delivery import (
    as_response,
    chosen_format,
    content_for,
    rendering,
)


def _offer(request: Request, membership: Membership, offer_id: int) -> Offer:
    # A person linked to several organisations reaches every offer made to them, whichever
    # organisation they are acting for just now; staff only their own organisation's.
    if not can(membership, Capability.WORK_AS_STAFF):
        return queries.get_own_offer(request.user, offer_id)
    return queries.get_offer_for(membership, offer_id)


@membership_required
def offer_render(request: Request, offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = _offer(request, membership, offer_id)
    snapshot = content_for(membership, offer)
    fmt = chosen_format(request.GET.get("format"), snapshot)
    try:
        rendered = rendering(offer, snapshot, fmt)
    except InvalidInput as error:
        context = {"offer": offer, "message": error.message, "formats": RenderFormat}
        return render(request, "offers/render/unavailable.html", context, status=400)
    return as_response(rendered, fmt)

"""The scorecard page, for coordinators, admins and auditors (read-only)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from powerwith.core.http import Request, membership_of
from powerwith.core.web import membership_required
from powerwith.reports.queries import scorecard_for


@membership_required
def opportunity_scorecard(request: Request, scorecard_opportunity_id: int) -> HttpResponse:
    card = scorecard_for(membership_of(request), scorecard_opportunity_id)
    return render(
        request, "reports/scorecard.html", {"card": card, "opportunity": card.opportunity}
    )

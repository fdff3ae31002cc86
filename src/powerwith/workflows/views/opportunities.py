"""Opportunity pages to read: the list, one opportunity with all its terms, its matches.
They show readiness for an offer, matches and how concentrated paid work is, so they are
served here under opportunities' paths and names (docs/adr/011-layers-and-layout.md)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import membership_required
from powerwith.engagements.concentration import recent_paid_work
from powerwith.matching.matches import matches_for
from powerwith.offers.checks import CHANGE_THESE, blocking_in, opportunity_findings
from powerwith.offers.readiness import offer_gap_labels
from powerwith.opportunities import queries
from powerwith.opportunities.summary import terms_summary

PAGE_SIZE = 25


@membership_required
def opportunity_list(request: Request) -> HttpResponse:
    membership = membership_of(request)
    page = Paginator(queries.opportunities_of(membership), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "can_manage": can(membership, Capability.MANAGE_OPPORTUNITIES),
        "can_read_rates": can(membership, Capability.READ_RATES),
    }
    return render(request, "opportunities/list.html", context)


@membership_required
def opportunity_detail(request: Request, opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    can_manage = can(membership, Capability.MANAGE_OPPORTUNITIES)
    # The clarity findings are for the people who can change the words.
    findings = opportunity_findings(opportunity) if can_manage else []
    blocking = blocking_in(findings)
    context = {
        "opportunity": opportunity,
        "sections": terms_summary(opportunity),
        "gaps": offer_gap_labels(opportunity),
        "findings": findings,
        "cannot_send": [
            {
                "intro": CHANGE_THESE,
                "links": [{"text": f["summary"], "href": f["href"]} for f in blocking],
            }
        ]
        if blocking
        else [],
        "can_manage": can_manage,
        "can_see_matches": can(membership, Capability.SEE_MATCHES),
    }
    return render(request, "opportunities/detail.html", context)


@membership_required
def opportunity_matches(request: Request, opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    queries.require_matches(membership)
    now = timezone.now()
    context = {
        "opportunity": opportunity,
        "matches": matches_for(membership, opportunity, now=now),
        "concentration": recent_paid_work(membership.organisation_id, now),
        "fairness_weight": membership.organisation.fairness_weight,
        "can_change_weight": can(membership, Capability.CHANGE_SETTINGS),
    }
    return render(request, "opportunities/matches.html", context)

"""Opportunities and matching over the API.

Coordinators and admins create and change opportunities, auditors read them, and every
write is a service call: the rules (and their 422s naming the valid codes) live there.
An opportunity answers with the checks the work requires (safe_to_work), its readiness for
an offer (offers) and its matches (matching), and changing it is changing the work
(``workflows.changing_work``), so the endpoints are served here; they keep the
opportunities tag, paths and operation ids (docs/adr/011-layers-and-layout.md).
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.utils import timezone
from ninja import Field, P, Router, Schema, Status
from ninja.params import QueryEx

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.engagements.concentration import recent_paid_work
from powerwith.matching.matches import MAX_LIMIT, matches_for
from powerwith.opportunities import queries
from powerwith.opportunities.models import Opportunity
from powerwith.safe_to_work import services as safe_to_work
from powerwith.safe_to_work.queries import requirements_of_each
from powerwith.workflows import changing_work
from powerwith.workflows.api.opportunities.schemas import (
    OpportunityChanges,
    OpportunityIn,
    OpportunityOut,
    OpportunityPage,
    opportunity_out,
)

router = Router(tags=["opportunities"])

PAGE_SIZE = 25


class MatchOut(Schema):
    person_id: int
    preferred_name: str
    score: float
    reasons: list[str]
    missing: list[str]
    blocked: list[str]
    communication_formats: list[str]
    paid_hours_last_12_months: float


class ConcentrationOut(Schema):
    """The last 12 months' paid hours shared out: the dashboard's figure over its default
    period (``engagements.concentration``)."""

    period_from: str = Field(alias="from")
    to: str
    share: float | None
    busiest_count: int
    busiest_percent: float | None
    experts_count: int
    people: int
    people_for_most: int
    total_hours: float
    sentence: str


class MatchesOut(Schema):
    items: list[MatchOut]
    fairness_weight: float
    concentration: ConcentrationOut


@router.get(
    "/opportunities",
    response=OpportunityPage,
    operation_id="powerwith_opportunities_api_list_opportunities",
)
def list_opportunities(request: Request, page: QueryEx[int, P(ge=1)] = 1) -> dict[str, Any]:
    """25 a page, newest first; a page past the end answers no items and the count."""
    paginator = Paginator(queries.opportunities_of(membership_of(request)), PAGE_SIZE)
    items = list(paginator.page(page).object_list) if page <= paginator.num_pages else []
    checks = requirements_of_each(items)
    return {"items": [opportunity_out(o, checks[o.pk]) for o in items], "count": paginator.count}


def _set_checks(
    membership: Membership, opportunity: Opportunity, payload: OpportunityChanges
) -> None:
    """The checks sent with the opportunity: null follows the organisation's."""
    if not payload.checks_sent():
        return
    items = payload.check_items()
    if items is None:
        safe_to_work.follow_default_checks(by=membership, opportunity=opportunity)
    else:
        safe_to_work.set_required_checks(by=membership, opportunity=opportunity, items=items)


@router.post(
    "/opportunities",
    response={201: OpportunityOut},
    operation_id="powerwith_opportunities_api_create_opportunity",
)
def create_opportunity(request: Request, payload: OpportunityIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    with transaction.atomic():
        made = changing_work.create_opportunity(
            by=membership,
            data=payload.changes(),
            requirements=payload.requirements() or (),
            sessions=payload.session_inputs() or (),
        )
        _set_checks(membership, made, payload)
    return Status(201, opportunity_out(queries.get_opportunity_for(membership, made.pk)))


@router.get(
    "/opportunities/{opportunity_id}",
    response=OpportunityOut,
    operation_id="powerwith_opportunities_api_get_opportunity",
)
def get_opportunity(request: Request, opportunity_id: int) -> dict[str, Any]:
    return opportunity_out(queries.get_opportunity_for(membership_of(request), opportunity_id))


@router.patch(
    "/opportunities/{opportunity_id}",
    response=OpportunityOut,
    operation_id="powerwith_opportunities_api_update_opportunity",
)
def update_opportunity(
    request: Request, opportunity_id: int, payload: OpportunityChanges
) -> dict[str, Any]:
    membership = membership_of(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    with transaction.atomic():
        changing_work.update_opportunity(
            opportunity,
            by=membership,
            changes=payload.changes(),
            requirements=payload.requirements(),
            sessions=payload.session_inputs(),
        )
        _set_checks(membership, opportunity, payload)
    return opportunity_out(queries.get_opportunity_for(membership, opportunity_id))


@router.get(
    "/opportunities/{opportunity_id}/matches",
    response=MatchesOut,
    by_alias=True,
    operation_id="powerwith_opportunities_api_opportunity_matches",
)
def opportunity_matches(
    request: Request,
    opportunity_id: int,
    limit: QueryEx[int, P(ge=1, le=MAX_LIMIT)] = 25,
) -> dict[str, Any]:
    """Ranked best first: essential experience is a hard filter; each result says why it
    is there (``reasons``) and what it lacks (``missing``)."""
    membership = membership_of(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    queries.require_matches(membership)
    now = timezone.now()
    recent = recent_paid_work(membership.organisation_id, now)
    concentration = recent.concentration
    return {
        "items": [
            {
                "person_id": m.person_id,
                "preferred_name": m.preferred_name,
                "score": m.score,
                "reasons": m.reasons,
                "missing": m.missing,
                "blocked": m.blocked,
                "communication_formats": m.formats,
                "paid_hours_last_12_months": m.paid_hours,
            }
            for m in matches_for(membership, opportunity, limit=limit, now=now)
        ],
        "fairness_weight": opportunity.organisation.fairness_weight,
        "concentration": {
            "from": f"{recent.period.first:%Y-%m}",
            "to": f"{recent.period.last:%Y-%m}",
            "share": concentration.share,
            "busiest_count": concentration.busiest_people,
            "busiest_percent": concentration.busiest_share.percent,
            "experts_count": concentration.experts,
            "people": concentration.people,
            "people_for_most": concentration.people_for_most,
            "total_hours": concentration.total_hours,
            "sentence": recent.sentence,
        },
    }

"""Reviews due over the API: for staff, what the reviews page shows them; for an expert,
their own Wellness Action Plan review and their consents with this organisation that
have lapsed or are about to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.evaluation.queries import reviews as queries

router = Router(tags=["evaluation"])


class ReviewOut(Schema):
    # opportunity | enduring_role | wellness_action_plan | consent | readiness | readiness_action
    kind: str
    due_on: dt.date
    overdue: bool
    title: str
    link: str
    person_id: int | None
    opportunity_id: int | None


class ReviewList(Schema):
    items: list[ReviewOut]
    due_within_days: int


@router.get("/reviews", response=ReviewList)
def reviews(request: Request) -> dict[str, Any]:
    membership = membership_of(request)
    found = queries.reviews_for(membership, timezone.localdate())
    return {
        "items": [
            {
                "kind": r.kind,
                "due_on": r.due_on,
                "overdue": r.overdue,
                "title": r.title,
                "link": r.link,
                "person_id": r.person_id,
                "opportunity_id": r.opportunity_id,
            }
            for r in found
        ],
        "due_within_days": queries.DUE_WITHIN_DAYS,
    }

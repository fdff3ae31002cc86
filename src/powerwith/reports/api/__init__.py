"""The P.O.W.E.R. scorecard over the API: ``GET /api/v1/opportunities/{id}/scorecard``."""

from __future__ import annotations

from typing import Any

from ninja import Field, Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.reports.queries import scorecard_for

router = Router(tags=["reports"])


class CheckOut(Schema):
    name: str
    met: bool
    evidence: str
    judged: bool


class PrincipleOut(Schema):
    score: float = Field(
        description="Met of the judged checks, 0 to 1; 0 when none is judged yet (see judged)"
    )
    judged: bool = Field(description="False when no check can be judged yet: no score")
    checks: list[CheckOut]


class ScorecardOut(Schema):
    principles: dict[str, PrincipleOut]
    tokenism_flags: list[str]


@router.get("/opportunities/{opportunity_id}/scorecard", response=ScorecardOut)
def opportunity_scorecard(request: Request, opportunity_id: int) -> dict[str, Any]:
    return scorecard_for(membership_of(request), opportunity_id).as_dict()

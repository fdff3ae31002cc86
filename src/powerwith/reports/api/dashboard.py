"""The organisation dashboard over the API: ``GET /api/v1/dashboard?from=YYYY-MM&to=YYYY-MM``
answers the same figures as the page and its CSV (422 on a month that is not one)."""

from __future__ import annotations

from typing import Any

from ninja import Field, Query, Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.reports.dashboard.export import as_json
from powerwith.reports.dashboard.period import period_from
from powerwith.reports.dashboard.queries import dashboard_as_of, require_reader

router = Router(tags=["reports"])


class MonthsIn(Schema):
    first: str | None = Field(None, alias="from", description="The first month, YYYY-MM")
    to: str | None = Field(None, description="The last month, YYYY-MM")


class ShareOut(Schema):
    count: int
    out_of: int
    percent: float | None


class WorkConcentrationOut(Schema):
    experts: int
    people: int
    total: int
    busiest_people: int
    busiest_total: int
    busiest_percent: float | None
    people_for_most: int


class OpportunityScoresOut(Schema):
    opportunity_id: int
    title: str
    scores: dict[str, float] = Field(
        description="As the scorecard's: 0 for a principle not yet judged (see judged)"
    )
    judged: dict[str, bool]
    tokenism_flags: int


class ScorecardsOut(Schema):
    opportunities: list[OpportunityScoresOut]
    averages: dict[str, float | None] = Field(
        description="Over the opportunities where the principle is judged; null in none"
    )
    judged: dict[str, int] = Field(description="How many opportunities each average is over")
    average_tokenism_flags: float | None


class PaymentsOut(Schema):
    paid: int
    target_days: int
    within_target: int
    percent_within_target: float | None
    median_days: float | None


class FeedbackMonthOut(Schema):
    month: str
    asked: int
    answered: int
    averages: dict[str, float | None]


class DashboardOut(Schema):
    # "from" is a Python keyword: the field is spelled by its alias.
    period_from: str = Field(alias="from")
    to: str
    levels: dict[str, int]
    scorecards: ScorecardsOut
    payment_timeliness: PaymentsOut
    consent_coverage: ShareOut
    wellbeing_checks: ShareOut
    feedback: list[FeedbackMonthOut]
    concentration: dict[str, WorkConcentrationOut]


@router.get("/dashboard", response=DashboardOut, by_alias=True)
def organisation_dashboard(request: Request, months: Query[MonthsIn]) -> dict[str, Any]:
    membership = membership_of(request)
    require_reader(membership)
    figures, _ = dashboard_as_of(membership, period_from(months.first, months.to))
    return as_json(figures)

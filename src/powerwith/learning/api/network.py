"""GET /api/v1/network/benchmarks: the organisation's figures beside the network's, each
network value withheld (null) while fewer organisations than the threshold contribute."""

from __future__ import annotations

from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, require
from powerwith.learning import benchmarks

router = Router(tags=["learning"])


class FigureOut(Schema):
    name: str
    label: str
    value: float | None
    network_median: float | None
    network_lower_quartile: float | None
    network_upper_quartile: float | None
    shown: bool


class BenchmarksOut(Schema):
    organisations: int
    threshold: int
    figures: list[FigureOut]


@router.get(
    "/network/benchmarks",
    response=BenchmarksOut,
    summary="The organisation's figures beside the network's median and quartiles",
)
def network_benchmarks(request: Request) -> dict[str, object]:
    membership = membership_of(request)
    require(
        membership,
        Capability.READ_SCORECARDS,
        "Only coordinators, admins and auditors can see the network benchmarks.",
    )
    return benchmarks.as_json(benchmarks.network_view(membership.organisation))

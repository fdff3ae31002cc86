"""The mileage rate card over the API: coordinators and admins read it, admins add a
line from a day after today. There is no way to change or remove a line."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.core.http import Request, membership_of
from powerwith.payments import queries, services
from powerwith.payments.mileage import Rate, plain, rate_card, rate_of

router = Router(tags=["payments"])


class RateIn(Schema):
    model_config = ConfigDict(extra="forbid")

    vehicle: str = Field(max_length=20)
    applies_from: date
    pence_per_mile: Decimal = Field(max_digits=7, decimal_places=2)
    threshold_miles: int | None = Field(default=None, ge=-1_000_000, le=1_000_000)
    later_pence: Decimal | None = Field(default=None, max_digits=7, decimal_places=2)
    passenger_pence: Decimal | None = Field(default=None, max_digits=7, decimal_places=2)


class RateOut(Schema):
    vehicle: str
    applies_from: str
    pence_per_mile: str
    threshold_miles: int | None
    later_pence: str | None
    passenger_pence: str
    # HMRC's rates built in, used until the organisation adds its own.
    built_in: bool
    words: str


class RateCardOut(Schema):
    in_use: list[RateOut]
    items: list[RateOut]


def rate_out(rate: Rate) -> dict[str, Any]:
    return {
        "vehicle": rate.vehicle,
        "applies_from": rate.applies_from.isoformat(),
        "pence_per_mile": plain(rate.pence_per_mile),
        "threshold_miles": rate.threshold_miles,
        "later_pence": plain(rate.later_pence) if rate.later_pence is not None else None,
        "passenger_pence": plain(rate.passenger_pence),
        "built_in": rate.line is None,
        "words": rate.words,
    }


@router.get("/mileage-rates", response=RateCardOut)
def list_mileage_rates(request: Request) -> dict[str, Any]:
    """The rates in use today for each vehicle, and every line the organisation added."""
    membership = membership_of(request)
    lines = queries.mileage_rates_of(membership)
    return {
        "in_use": [rate_out(r) for r in rate_card(membership.organisation, timezone.localdate())],
        "items": [rate_out(rate_of(line)) for line in lines],
    }


@router.post("/mileage-rates", response={201: RateOut})
def add_mileage_rate(request: Request, payload: RateIn) -> Status[dict[str, Any]]:
    """A new line from ``applies_from`` (after today); admins only."""
    line = services.add_mileage_rate(by=membership_of(request), **payload.model_dump())
    return Status(201, rate_out(rate_of(line)))

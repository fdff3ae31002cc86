"""The person's own statement for a tax year over the API, the same as the page and the
PDF (``payments.statement``): fees by route, expenses apart, each paid claim."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from ninja import Router, Schema

from powerwith.core.errors import NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.payments import queries
from powerwith.payments.statement import Statement, statement
from powerwith.payments.statement import tax_year as named_tax_year
from powerwith.payments.tax_years import TaxYear, tax_year_of
from powerwith.people.queries import get_person_for, person_id_for

router = Router(tags=["payments"])


class ItemOut(Schema):
    claim_id: int
    paid_on: str
    kind: str
    category: str
    route: str
    amount: str
    # Repaid expenses (expenses, mileage, travel in advance): not income.
    is_expense: bool
    opportunity: str
    description: str


class AllowanceOut(Schema):
    allowance: str
    fees: str
    left: str
    over: str


class StatementOut(Schema):
    tax_year: int
    starts: str
    ends: str
    fees_total: str
    expenses_total: str
    by_route: dict[str, str]
    trading_allowance: AllowanceOut | None
    items: list[ItemOut]


def statement_out(found: Statement) -> dict[str, Any]:
    allowance = found.trading_allowance
    return {
        "tax_year": found.tax_year.year,
        "starts": found.tax_year.starts.isoformat(),
        "ends": found.tax_year.ends.isoformat(),
        "fees_total": f"{found.fees_total:.2f}",
        "expenses_total": f"{found.expenses_total:.2f}",
        "by_route": {route: f"{total:.2f}" for route, total in found.by_route.items()},
        "trading_allowance": None
        if allowance is None
        else {
            "allowance": f"{allowance.allowance:.2f}",
            "fees": f"{allowance.fees:.2f}",
            "left": f"{allowance.left:.2f}",
            "over": f"{allowance.over:.2f}",
        },
        "items": [
            {
                "claim_id": item.claim.pk,
                "paid_on": item.paid_on.isoformat(),
                "kind": item.claim.kind,
                "category": item.claim.category,
                "route": item.claim.route,
                "amount": f"{item.claim.amount:.2f}",
                "is_expense": item.is_expense,
                "opportunity": item.claim.offer.opportunity.title,
                "description": item.claim.description,
            }
            for item in found.items
        ],
    }


@router.get("/me/statement", response=StatementOut)
def my_statement(request: Request, tax_year: str = "") -> dict[str, Any]:
    """Everything this organisation paid the person in the tax year starting 6 April of
    ``tax_year`` (the one running now unless given): fees by route, expenses apart."""
    membership = membership_of(request)
    own = person_id_for(membership)
    if own is None:
        raise NotAllowed("A statement is the person's own: staff read claims instead.")
    person = get_person_for(membership, own)
    year = _year(tax_year)
    return statement_out(statement(year, queries.paid_in(person, membership.organisation, year)))


def _year(value: str) -> TaxYear:
    return named_tax_year(value) if value else tax_year_of(timezone.localdate())

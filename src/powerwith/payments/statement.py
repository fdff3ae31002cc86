"""The person's statement for a tax year: everything the organisation paid them, the one
definition every page, PDF and API that shows it uses (ADR 008).

- **Paid in the year**: claims paid (their payment step recorded) on a day in the tax
  year (6 April to 5 April), whenever the work was done.
- **Fees**: paid claims for time, by the route they were paid by. This is what may be
  income for tax and benefits.
- **Expenses**: paid claims that paid back money spent (expenses, mileage, travel paid
  in advance). They are shown apart: repaid expenses are not income.
- **Trading allowance**: where any fees were paid against an invoice (self-employed),
  the £1,000 a tax year HMRC lets a person earn from trading before it must be told,
  against those fees, with how much is left or how far over they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from powerwith.core.errors import InvalidInput
from powerwith.payments.models import EXPENSE_KINDS, Claim, PayRoute
from powerwith.payments.tax_years import FIRST, TaxYear, tax_year_of

TRADING_ALLOWANCE = Decimal("1000.00")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Item:
    claim: Claim
    paid_on: date
    is_expense: bool

    @property
    def route_words(self) -> str:
        return str(PayRoute(self.claim.route).label)


@dataclass(frozen=True)
class TradingAllowance:
    fees: Decimal
    allowance: Decimal = TRADING_ALLOWANCE

    @property
    def left(self) -> Decimal:
        return max(self.allowance - self.fees, ZERO)

    @property
    def over(self) -> Decimal:
        return max(self.fees - self.allowance, ZERO)


@dataclass(frozen=True)
class Statement:
    tax_year: TaxYear
    items: list[Item]
    fees_total: Decimal
    expenses_total: Decimal
    by_route: dict[str, Decimal] = field(default_factory=dict)
    trading_allowance: TradingAllowance | None = None

    @property
    def routes(self) -> list[tuple[str, Decimal]]:
        """Each route's fees, in words."""
        return [(str(PayRoute(route).label), total) for route, total in self.by_route.items()]


def tax_year(value: int | str | None) -> TaxYear:
    """The tax year named by the year it starts in: from 2011 to the one running now."""
    now = tax_year_of(timezone.localdate()).year
    words = f"Choose a tax year from {FIRST} to {now}, named by the year it starts in."
    try:
        year = int(str(value))
    except (TypeError, ValueError) as error:
        raise InvalidInput(words, field="tax_year") from error
    if not FIRST <= year <= now:
        raise InvalidInput(f"There is no tax year {year} to show. {words}", field="tax_year")
    return TaxYear(year)


def statement(year: TaxYear, paid: Iterable[Claim]) -> Statement:
    """The statement from the person's claims paid in ``year`` (``queries.paid_in``)."""
    items: list[Item] = []
    by_route: dict[str, Decimal] = {}
    fees = expenses = ZERO
    for claim in paid:
        assert claim.paid_on is not None
        assert claim.paid_on in year
        is_expense = claim.kind in EXPENSE_KINDS
        items.append(Item(claim, claim.paid_on, is_expense))
        if is_expense:
            expenses += claim.amount
        else:
            fees += claim.amount
            by_route[claim.route] = by_route.get(claim.route, ZERO) + claim.amount
    invoiced = by_route.get(PayRoute.INVOICE)
    return Statement(
        tax_year=year,
        items=sorted(items, key=lambda i: (i.paid_on, i.claim.pk)),
        fees_total=fees,
        expenses_total=expenses,
        by_route=by_route,
        trading_allowance=TradingAllowance(invoiced) if invoiced is not None else None,
    )

"""The finance team's files for a payment batch, in the layouts documented in
docs/finance-exports.md.

- **Payroll file**: one row per person for the pay period (the month the batch was
  prepared), with the gross fees paid through payroll; tax and National Insurance are
  the payroll's to work out.
- **Supplier-payment file**: one row per claim paid outside payroll: fees by bank
  transfer, invoices, vouchers and payments to a charity, and every expense (expenses are
  repaid as they are, never through payroll, because they are not pay).

Every claim in the batch is in exactly one of the two files, so their totals together
are the batch's total.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from powerwith.payments.export import _safe
from powerwith.payments.models import EXPENSE_KINDS, BatchClaim, PaymentBatch, PayRoute
from powerwith.payments.routes import route_choice_on

PAYROLL_HEADER = ["pay period", "batch", "person", "name", "route", "gross", "claims"]
SUPPLIER_HEADER = [
    "batch",
    "claim",
    "person",
    "payee",
    "route",
    "type",
    "category",
    "amount",
    "reference",
    "description",
]


def pay_period(batch: PaymentBatch) -> str:
    return timezone.localdate(batch.prepared_at).strftime("%Y-%m")


def through_payroll(line: BatchClaim) -> bool:
    return line.route == PayRoute.PAYROLL and line.claim.kind not in EXPENSE_KINDS


@dataclass(frozen=True)
class PayrollRow:
    person_id: int
    name: str
    gross: Decimal
    claims: list[int]


def payroll_rows(batch: PaymentBatch, lines: Iterable[BatchClaim]) -> list[PayrollRow]:
    people: dict[int, PayrollRow] = {}
    for line in lines:
        if not through_payroll(line):
            continue
        person = line.claim.person
        row = people.get(person.pk) or PayrollRow(
            person.pk, person.full_name or person.preferred_name, Decimal("0.00"), []
        )
        people[person.pk] = PayrollRow(
            row.person_id, row.name, row.gross + line.amount, [*row.claims, line.claim_id]
        )
    return sorted(people.values(), key=lambda r: r.person_id)


def payroll_csv(batch: PaymentBatch, lines: Iterable[BatchClaim]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PAYROLL_HEADER)
    period = pay_period(batch)
    for row in payroll_rows(batch, lines):
        writer.writerow(
            [
                period,
                str(batch.pk),
                str(row.person_id),
                _safe(row.name),
                PayRoute.PAYROLL.value,
                f"{row.gross:.2f}",
                ";".join(str(c) for c in row.claims),
            ]
        )
    return out.getvalue()


def supplier_csv(batch: PaymentBatch, lines: Iterable[BatchClaim]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SUPPLIER_HEADER)
    for line in lines:
        if through_payroll(line):
            continue
        claim = line.claim
        person = claim.person
        payee = person.full_name or person.preferred_name
        if line.route == PayRoute.CHARITY and claim.kind not in EXPENSE_KINDS:
            # The charity the person chose, as it stood when they claimed.
            choice = route_choice_on(
                person, batch.organisation_id, timezone.localdate(claim.created_at)
            )
            if choice is not None and choice.charity:
                payee = choice.charity
        writer.writerow(
            [
                str(batch.pk),
                str(claim.pk),
                str(person.pk),
                _safe(payee),
                line.route,
                "expenses" if claim.kind in EXPENSE_KINDS else "fee",
                claim.category,
                f"{line.amount:.2f}",
                f"powerwith claim {claim.pk}",
                _safe(claim.description),
            ]
        )
    return out.getvalue()

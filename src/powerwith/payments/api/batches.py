"""Payment batches over the API, for coordinators and admins: prepare one from the
approved claims, download its payroll and supplier-payment files (docs/finance-exports.md),
mark it paid, once, or set aside one not paid so its claims can go into a new batch.
Another organisation's batch is a 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpResponse
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.core.http import Request, membership_of
from powerwith.payments import batches, queries, services
from powerwith.payments.models import PaymentBatch

router = Router(tags=["payments"])


class BatchPayIn(Schema):
    model_config = ConfigDict(extra="forbid")

    paid_on: date
    note: str = Field(default="", max_length=500)


class BatchOut(Schema):
    id: int
    prepared_at: str
    pay_period: str
    claims: list[int]
    total: str
    payroll_total: str
    supplier_total: str
    paid_on: str | None
    set_aside_at: str | None


def batch_out(batch: PaymentBatch) -> dict[str, Any]:
    lines = list(queries.lines_of(batch))
    payroll = sum((line.amount for line in lines if batches.through_payroll(line)), start=0)
    total = sum((line.amount for line in lines), start=0)
    return {
        "id": batch.pk,
        "prepared_at": batch.prepared_at.isoformat(),
        "pay_period": batches.pay_period(batch),
        "claims": [line.claim_id for line in lines],
        "total": f"{total:.2f}",
        "payroll_total": f"{payroll:.2f}",
        "supplier_total": f"{total - payroll:.2f}",
        "paid_on": batch.paid_on.isoformat() if batch.paid_on else None,
        "set_aside_at": batch.set_aside_at.isoformat() if batch.set_aside_at else None,
    }


@router.post("/payment-batches", response={201: BatchOut})
def prepare_batch(request: Request) -> Status[dict[str, Any]]:
    """Every approved claim not in a live batch (never in one, or in one set aside)."""
    return Status(201, batch_out(services.prepare_batch(by=membership_of(request))))


@router.get("/payment-batches/{batch_id}", response=BatchOut)
def get_batch(request: Request, batch_id: int) -> dict[str, Any]:
    return batch_out(queries.get_batch_for(membership_of(request), batch_id))


def _csv(text: str, name: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get("/payment-batches/{batch_id}/payroll.csv")
def payroll_file(request: Request, batch_id: int) -> HttpResponse:
    batch = queries.get_batch_for(membership_of(request), batch_id)
    return _csv(batches.payroll_csv(batch, queries.lines_of(batch)), f"payroll-{batch.pk}.csv")


@router.get("/payment-batches/{batch_id}/supplier.csv")
def supplier_file(request: Request, batch_id: int) -> HttpResponse:
    batch = queries.get_batch_for(membership_of(request), batch_id)
    text = batches.supplier_csv(batch, queries.lines_of(batch))
    return _csv(text, f"supplier-payments-{batch.pk}.csv")


@router.post("/payment-batches/{batch_id}/pay", response=BatchOut)
def pay_batch(request: Request, batch_id: int, payload: BatchPayIn) -> dict[str, Any]:
    """Record every claim's payment on ``paid_on``: refused, with what changed, if the
    batch's claims changed since it was prepared; refused if it was paid already."""
    membership = membership_of(request)
    batch = queries.get_batch_for(membership, batch_id)
    paid = services.mark_batch_paid(
        batch, by=membership, paid_on=payload.paid_on, note=payload.note
    )
    return batch_out(paid)


@router.post("/payment-batches/{batch_id}/set-aside", response=BatchOut)
def set_batch_aside(request: Request, batch_id: int) -> dict[str, Any]:
    """Set aside a batch that has not been paid, releasing its claims for a new batch;
    refused (409) for a paid batch or one already set aside."""
    membership = membership_of(request)
    batch = queries.get_batch_for(membership, batch_id)
    return batch_out(services.set_batch_aside(batch, by=membership))

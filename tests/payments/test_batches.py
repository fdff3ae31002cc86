"""Payment batches: the payroll and supplier-payment files re-read into the same totals
as the claims; marking a batch paid records every claim's payment at once, never twice,
and never for a batch whose claims changed since it was prepared."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from powerwith.core.errors import Conflict
from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimEvent, ClaimStatus, PaymentBatch
from tests.conftest import api_client_for, logged_in

pytestmark = pytest.mark.django_db


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_files_re_read_into_the_same_totals_as_the_claims(
    riverside_coordinator, approved_claims, expert_at_riverside
):
    staff = api_client_for(riverside_coordinator)
    made = staff.post("/api/v1/payment-batches")
    assert made.status_code == 201, made.json()
    batch = made.json()
    assert sorted(batch["claims"]) == sorted(c.pk for c in approved_claims)
    payroll = read(staff.get(f"/api/v1/payment-batches/{batch['id']}/payroll.csv").content.decode())
    supplier = read(
        staff.get(f"/api/v1/payment-batches/{batch['id']}/supplier.csv").content.decode()
    )
    assert [(r["person"], r["route"], r["gross"]) for r in payroll] == [
        (str(expert_at_riverside.pk), "payroll", "75.00")
    ]
    assert payroll[0]["pay period"] == timezone.localdate().strftime("%Y-%m")
    assert {r["type"] for r in supplier} == {"fee", "expenses"}
    from_files = sum(Decimal(r["gross"]) for r in payroll) + sum(
        Decimal(r["amount"]) for r in supplier
    )
    assert from_files == sum(c.amount for c in approved_claims) == Decimal(batch["total"])
    assert (batch["payroll_total"], batch["supplier_total"]) == ("75.00", "91.90")
    claims_in_files = {int(c) for r in payroll for c in r["claims"].split(";")} | {
        int(r["claim"]) for r in supplier
    }
    assert claims_in_files == {c.pk for c in approved_claims}


def test_marking_a_batch_paid_pays_every_claim_once(riverside_coordinator, approved_claims):
    staff = api_client_for(riverside_coordinator)
    batch = staff.post("/api/v1/payment-batches").json()
    today = timezone.localdate().isoformat()
    paid = staff.post(
        f"/api/v1/payment-batches/{batch['id']}/pay",
        {"paid_on": today},
        content_type="application/json",
    )
    assert paid.status_code == 200, paid.json()
    assert paid.json()["paid_on"] == today
    assert set(Claim.objects.filter(pk__in=batch["claims"]).values_list("status", flat=True)) == {
        ClaimStatus.PAID
    }
    again = staff.post(
        f"/api/v1/payment-batches/{batch['id']}/pay",
        {"paid_on": today},
        content_type="application/json",
    )
    assert again.status_code == 409
    assert "cannot be paid twice" in again.json()["detail"]
    assert ClaimEvent.objects.filter(status=ClaimStatus.PAID).count() == 4
    # Nothing left to batch.
    assert staff.post("/api/v1/payment-batches").status_code == 409


def test_a_batch_that_changed_since_it_was_prepared_is_refused_saying_what_changed(
    riverside_coordinator, approved_claims
):
    batch = services.prepare_batch(by=riverside_coordinator)
    first = approved_claims[0]
    services.record_payment(first, by=riverside_coordinator, paid_on=timezone.localdate())
    with pytest.raises(Conflict) as refused:
        services.mark_batch_paid(batch, by=riverside_coordinator, paid_on=timezone.localdate())
    assert f"Claim {first.pk} (Alex) is now paid." in refused.value.message
    assert ClaimEvent.objects.filter(status=ClaimStatus.PAID).count() == 1
    batch.refresh_from_db()
    assert batch.paid_on is None


def test_another_organisations_batch_is_not_found(
    riverside_coordinator, hillview_coordinator, approved_claims
):
    batch = services.prepare_batch(by=riverside_coordinator)
    other = api_client_for(hillview_coordinator)
    assert other.get(f"/api/v1/payment-batches/{batch.pk}/payroll.csv").status_code == 404
    assert PaymentBatch.objects.count() == 1


def test_the_batch_pages_prepare_and_pay_and_hand_out_remittance_advice(
    client, riverside_coordinator, approved_claims, expert_at_riverside
):
    staff = logged_in(client, riverside_coordinator.user)
    listing = staff.get(reverse("payments:batches"))
    assert "Approved claims waiting for a batch: 4." in listing.content.decode()
    made = staff.post(reverse("payments:batch_prepare"), follow=True)
    batch = PaymentBatch.objects.get()
    assert f"Batch {batch.pk} is prepared." in made.content.decode()
    path = reverse("payments:batch", kwargs={"batch_id": batch.pk})
    assert staff.post(path, {}).status_code == 400
    today = timezone.localdate()
    paid = staff.post(
        path,
        {"paid_on_0": str(today.day), "paid_on_1": str(today.month), "paid_on_2": str(today.year)},
        follow=True,
    )
    assert f"Batch {batch.pk} is marked paid." in paid.content.decode()
    pdf = staff.get(
        reverse(
            "payments:remittance_pdf",
            kwargs={"batch_id": batch.pk, "person_id": expert_at_riverside.pk},
        )
    )
    assert pdf["Content-Type"] == "application/pdf"
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert f"We paid you £87.40 on {today.day} {today:%B}" in words
    payroll = staff.get(reverse("payments:batch_payroll_csv", kwargs={"batch_id": batch.pk}))
    assert read(payroll.content.decode())[0]["gross"] == "75.00"

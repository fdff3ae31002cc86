"""The person downloads their own remittance advice: what each payment paid them and for
what, from their claims page, for every organisation they work with; never anyone else's,
and nothing before the batch is paid."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from powerwith.payments.models import PaymentBatch
from tests.conftest import api_client_for, logged_in

pytestmark = pytest.mark.django_db


def prepared(coordinator) -> int:
    batch = api_client_for(coordinator).post("/api/v1/payment-batches")
    assert batch.status_code == 201, batch.content
    return int(batch.json()["id"])


def pay(coordinator, batch_id: int) -> None:
    paid = api_client_for(coordinator).post(
        f"/api/v1/payment-batches/{batch_id}/pay",
        {"paid_on": timezone.localdate().isoformat()},
        content_type="application/json",
    )
    assert paid.status_code == 200, paid.content


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_person_downloads_what_a_paid_batch_paid_them(
    client: Client, riverside_coordinator, expert_at_riverside, approved_claims
):
    batch_id = prepared(riverside_coordinator)
    own = logged_in(client, expert_at_riverside.user)
    assert "What you were paid" not in own.get("/my-claims/").text
    assert own.get(f"/my-claims/remittance/{batch_id}.pdf").status_code == 404

    pay(riverside_coordinator, batch_id)
    page = own.get("/my-claims/").text
    assert "What you were paid" in page
    # Alex's £75 fee and £12.40 expenses; Sam's lines are not Alex's.
    assert "£87.40 paid by Riverside" in page
    assert f'href="/my-claims/remittance/{batch_id}.pdf"' in page
    advice = own.get(f"/my-claims/remittance/{batch_id}.pdf")
    assert advice["Content-Type"] == "application/pdf"
    text = pdf_text(advice.content)
    assert "87.40" in text
    assert expert_at_riverside.preferred_name in text
    batch = PaymentBatch.objects.get(pk=batch_id)
    assert sum(line.amount for line in batch.lines.all()) > Decimal("87.40")


def test_nobody_else_downloads_a_persons_remittance(
    client: Client, riverside_coordinator, expert_at_riverside, expert_at_both, approved_claims
):
    batch_id = prepared(riverside_coordinator)
    pay(riverside_coordinator, batch_id)
    sam = logged_in(client, expert_at_both.user)
    advice = sam.get(f"/my-claims/remittance/{batch_id}.pdf")
    assert advice.status_code == 200
    text = pdf_text(advice.content)
    assert expert_at_both.preferred_name in text
    assert expert_at_riverside.preferred_name not in text
    assert sam.get(f"/my-claims/remittance/{batch_id + 1000}.pdf").status_code == 404

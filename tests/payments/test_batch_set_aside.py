"""Setting a payment batch aside: a batch refused because its claims changed (or one the
finance team will not pay) is set aside, with who and when, and its claims go into a new
batch that can be paid. A paid batch is never set aside, another organisation's batch is
not found, and a refusal writes nothing."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.payments import services
from powerwith.payments.models import BatchClaim, Claim, ClaimStatus, PaymentBatch
from tests.conftest import api_client_for, date_fields, logged_in

pytestmark = pytest.mark.django_db


def pay(client, batch_id: int):
    return client.post(
        f"/api/v1/payment-batches/{batch_id}/pay",
        {"paid_on": timezone.localdate().isoformat()},
        content_type="application/json",
    )


def test_a_refused_batch_is_set_aside_and_its_claims_are_paid_in_a_new_batch(
    riverside_coordinator, approved_claims
):
    staff = api_client_for(riverside_coordinator)
    first = staff.post("/api/v1/payment-batches").json()
    paid_alone = approved_claims[0]
    services.record_payment(paid_alone, by=riverside_coordinator, paid_on=timezone.localdate())

    refused = pay(staff, first["id"])
    assert refused.status_code == 409
    assert "Set this batch aside, then prepare a new batch" in refused.json()["detail"]
    assert staff.post("/api/v1/payment-batches").status_code == 409  # nothing to batch yet

    set_aside = staff.post(f"/api/v1/payment-batches/{first['id']}/set-aside")
    assert set_aside.status_code == 200, set_aside.json()
    assert set_aside.json()["set_aside_at"] is not None
    batch = PaymentBatch.objects.get(pk=first["id"])
    assert batch.set_aside_by == riverside_coordinator.user
    audited = AuditEvent.objects.get(action="payment_batch.set_aside")
    assert (audited.actor, audited.target_id) == (riverside_coordinator.user, str(batch.pk))

    again = staff.post("/api/v1/payment-batches")
    assert again.status_code == 201, again.json()
    waiting = {c.pk for c in approved_claims} - {paid_alone.pk}
    assert set(again.json()["claims"]) == waiting
    assert pay(staff, again.json()["id"]).status_code == 200
    assert set(Claim.objects.filter(pk__in=waiting).values_list("status", flat=True)) == {
        ClaimStatus.PAID
    }
    # The batch set aside is never paid.
    assert pay(staff, first["id"]).status_code == 409
    assert PaymentBatch.objects.get(pk=first["id"]).paid_on is None


def test_the_pages_link_the_refusal_to_setting_the_batch_aside_and_prepare_again(
    client, riverside_coordinator, approved_claims
):
    staff = logged_in(client, riverside_coordinator.user)
    staff.post(reverse("payments:batch_prepare"))
    batch = PaymentBatch.objects.get()
    services.record_payment(
        approved_claims[0], by=riverside_coordinator, paid_on=timezone.localdate()
    )
    refused = staff.post(
        reverse("payments:batch", kwargs={"batch_id": batch.pk}),
        date_fields("paid_on", timezone.localdate()),
    )
    page = refused.content.decode()
    set_aside = reverse("payments:batch_set_aside", kwargs={"batch_id": batch.pk})
    assert refused.status_code == 400
    assert f'href="{set_aside}">Set this batch aside</a>' in page

    asked = staff.get(set_aside)
    assert "It holds 4 claims" in asked.content.decode()
    assert PaymentBatch.objects.get().set_aside_at is None  # asking changes nothing
    done = staff.post(set_aside, follow=True).content.decode()
    assert f"Batch {batch.pk} is set aside. Its claims can go into a new batch." in done
    assert "Approved claims waiting for a batch: 3." in done
    assert "Set aside on" in done

    staff.post(reverse("payments:batch_prepare"))
    new = PaymentBatch.objects.exclude(pk=batch.pk).get()
    paid = staff.post(
        reverse("payments:batch", kwargs={"batch_id": new.pk}),
        date_fields("paid_on", timezone.localdate()),
        follow=True,
    )
    assert f"Batch {new.pk} is marked paid." in paid.content.decode()


def test_a_paid_batch_is_never_set_aside_and_nothing_is_written(
    client, riverside_coordinator, approved_claims
):
    batch = services.prepare_batch(by=riverside_coordinator)
    services.mark_batch_paid(batch, by=riverside_coordinator, paid_on=timezone.localdate())
    api = api_client_for(riverside_coordinator)
    refused = api.post(f"/api/v1/payment-batches/{batch.pk}/set-aside")
    assert refused.status_code == 409
    assert "a paid batch cannot be set aside" in refused.json()["detail"]

    page = logged_in(client, riverside_coordinator.user).post(
        reverse("payments:batch_set_aside", kwargs={"batch_id": batch.pk})
    )
    assert page.status_code == 409
    assert "There is a problem" in page.content.decode()
    assert "a paid batch cannot be set aside" in page.content.decode()

    batch.refresh_from_db()
    assert batch.set_aside_at is None
    assert batch.set_aside_by is None
    assert not BatchClaim.objects.filter(set_aside=True).exists()
    assert not AuditEvent.objects.filter(action="payment_batch.set_aside").exists()
    assert api.post("/api/v1/payment-batches").status_code == 409  # no claim released


def test_a_batch_is_set_aside_once(riverside_coordinator, approved_claims):
    batch = services.prepare_batch(by=riverside_coordinator)
    api = api_client_for(riverside_coordinator)
    assert api.post(f"/api/v1/payment-batches/{batch.pk}/set-aside").status_code == 200
    twice = api.post(f"/api/v1/payment-batches/{batch.pk}/set-aside")
    assert twice.status_code == 409
    assert "already set aside" in twice.json()["detail"]
    assert AuditEvent.objects.filter(action="payment_batch.set_aside").count() == 1


def test_another_organisations_batch_is_not_found_and_not_set_aside(
    client, riverside_coordinator, hillview_coordinator, approved_claims
):
    batch = services.prepare_batch(by=riverside_coordinator)
    other = api_client_for(hillview_coordinator)
    assert other.post(f"/api/v1/payment-batches/{batch.pk}/set-aside").status_code == 404
    page = reverse("payments:batch_set_aside", kwargs={"batch_id": batch.pk})
    hillview = logged_in(client, hillview_coordinator.user)
    assert hillview.get(page).status_code == 404
    assert hillview.post(page).status_code == 404
    batch.refresh_from_db()
    assert batch.set_aside_at is None
    assert not BatchClaim.objects.filter(set_aside=True).exists()


def test_the_database_keeps_a_claim_in_one_live_batch(riverside_coordinator, approved_claims):
    batch = services.prepare_batch(by=riverside_coordinator)
    claim = approved_claims[0]
    second = PaymentBatch.objects.create(
        organisation=riverside_coordinator.organisation, prepared_by=riverside_coordinator.user
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        BatchClaim.objects.create(batch=second, claim=claim, amount=claim.amount, route=claim.route)
    services.set_batch_aside(batch, by=riverside_coordinator)
    BatchClaim.objects.create(batch=second, claim=claim, amount=claim.amount, route=claim.route)
    assert BatchClaim.objects.filter(claim=claim).count() == 2

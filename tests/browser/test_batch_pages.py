"""A batch payment in a real browser: a coordinator prepares a batch of approved claims,
tries to mark it paid without a date (an error), then marks it paid with the keyboard
alone, and every claim is paid. No axe-core violations on any page."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimStatus
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.payments.factories import expense_claim, mileage_claim, offer_of, time_claim, worked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_batch_payment_with_the_keyboard_and_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    for claim in (time_claim(booking), expense_claim(offer), mileage_claim(offer, "10")):
        services.approve_claim(claim, by=riverside_coordinator)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/")
    coordinator = KeyboardOnly(page)
    coordinator.follow("Payment batches for the finance team")
    expect(page.get_by_text("Approved claims waiting for a batch: 3.")).to_be_visible()
    assert axe_violations(page) == []
    coordinator.submit("Prepare a batch")
    expect(page.get_by_text("£91.90 in all")).to_be_visible()
    assert axe_violations(page) == []
    coordinator.submit("Mark the batch paid")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    today = timezone.localdate()
    coordinator.type_into("Day", str(today.day), exact=True)
    coordinator.type_into("Month", str(today.month), exact=True)
    coordinator.type_into("Year", str(today.year), exact=True)
    coordinator.submit("Mark the batch paid")
    expect(page.get_by_text("is marked paid.")).to_be_visible()
    expect(page.get_by_role("link", name="Remittance advice for Alex (PDF)")).to_be_visible()
    assert axe_violations(page) == []
    assert set(Claim.objects.values_list("status", flat=True)) == {ClaimStatus.PAID}


def test_a_refused_batch_is_set_aside_and_paid_again_with_the_keyboard(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    claims = [time_claim(booking), expense_claim(offer)]
    for claim in claims:
        services.approve_claim(claim, by=riverside_coordinator)
    batch = services.prepare_batch(by=riverside_coordinator)
    today = timezone.localdate()
    services.record_payment(claims[0], by=riverside_coordinator, paid_on=today)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/batches/{batch.pk}/")
    coordinator = KeyboardOnly(page)
    coordinator.type_into("Day", str(today.day), exact=True)
    coordinator.type_into("Month", str(today.month), exact=True)
    coordinator.type_into("Year", str(today.year), exact=True)
    coordinator.submit("Mark the batch paid")
    expect(page.get_by_text("The batch changed since it was prepared")).to_be_visible()
    assert axe_violations(page) == []
    coordinator.follow("Set this batch aside", exact=True)
    expect(page.get_by_text("It holds 2 claims, £87.40 in all.")).to_be_visible()
    assert axe_violations(page) == []
    coordinator.submit("Set this batch aside")
    expect(page.get_by_text("Its claims can go into a new batch.")).to_be_visible()
    expect(page.get_by_text("Approved claims waiting for a batch: 1.")).to_be_visible()
    assert axe_violations(page) == []
    coordinator.submit("Prepare a batch")
    expect(page.get_by_text("1 claim, £12.40 in all")).to_be_visible()
    coordinator.type_into("Day", str(today.day), exact=True)
    coordinator.type_into("Month", str(today.month), exact=True)
    coordinator.type_into("Year", str(today.year), exact=True)
    coordinator.submit("Mark the batch paid")
    expect(page.get_by_text("is marked paid.")).to_be_visible()
    assert set(Claim.objects.values_list("status", flat=True)) == {ClaimStatus.PAID}

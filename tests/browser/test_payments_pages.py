"""Claims and payments in a real browser, with the keyboard's controls only: the person
claims for their time and expenses and makes their choice about payment; a coordinator
refuses without a note (an error), approves and records a payment. No axe-core
violations on any page, with or without errors, and nothing needs JavaScript."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.payments.models import Claim, ClaimStatus
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.payments.helpers import backdate, expense_claim, offer_of, worked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_person_claims_and_chooses_about_payment_with_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = worked(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-claims/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Claim for your time at a session").click()
    assert axe_violations(page) == []
    page.get_by_label("£75.00", exact=False).check()
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("Waiting for approval").first).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/my-claims/expenses/")
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/my-claims/travel/")
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/my-claims/payment-choice/{offer_of(booking).pk}/")
    page.get_by_label("I do not want to be paid (voluntary)").check()
    page.get_by_role("button", name="Save your choice").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_a_coordinator_approves_and_records_a_payment_with_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = offer_of(worked(riverside_coordinator, expert_at_riverside))
    backdate(expense_claim(offer, description="Old taxi"), 20)
    claim = expense_claim(offer)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/")
    expect(page.get_by_text("Overdue").first).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    page.get_by_role("button", name="Do not approve").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_role("button", name="Record the payment")).to_be_visible()
    page.get_by_label("Date paid").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Record the payment").click()
    expect(page.get_by_text("The payment is recorded.")).to_be_visible()
    assert axe_violations(page) == []
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert Claim.objects.filter(status=ClaimStatus.SUBMITTED).count() == 1

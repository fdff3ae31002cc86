"""Claims and payments in a real browser, with the keyboard's controls only: the person
claims for their time and expenses and makes their choice about payment; a coordinator
refuses without a note (an error), approves and records a payment. Time is claimed
from attendance with the keyboard alone and no JavaScript; an expense the offer does not
cover is refused, and one outside it is approved only on the approver's decision. No
axe-core violations on any page, with or without errors, and nothing needs JavaScript."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.payments.models import Claim, ClaimStatus
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, fill_date, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.engagements.factories import accepted_offer
from tests.payments.factories import attended_each, backdate, expense_claim, offer_of, worked

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
    fill_date(page, "Date paid", timezone.localdate())
    page.get_by_role("button", name="Record the payment").click()
    expect(page.get_by_text("The payment is recorded.")).to_be_visible()
    assert axe_violations(page) == []
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert Claim.objects.filter(status=ClaimStatus.SUBMITTED).count() == 1


def test_the_person_claims_time_from_attendance_with_the_keyboard_and_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    first, second = attended_each(riverside_coordinator, expert_at_riverside, sessions=2)
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-claims/")
    expect(page.get_by_role("heading", name="Time to claim")).to_be_visible()
    expect(page.get_by_text("£150.00")).to_be_visible()
    assert axe_violations(page) == []
    person = KeyboardOnly(page)
    # Leave the older session out: untick it, then claim for the one left. Each is named
    # with the organisation the work is with.
    work = f"{first.session.opportunity.title} ({first.session.opportunity.organisation.name}), "
    newer = person.tab_to(work)
    assert newer.checked
    older = person.tab_to(work)
    assert older.checked
    page.keyboard.press("Space")
    person.follow("Claim for these sessions")
    expect(page.get_by_text("Your time is claimed for 1 session.")).to_be_visible()
    assert axe_violations(page) == []
    assert list(Claim.objects.values_list("session_id", flat=True)) == [second.session_id]

    page.goto(f"{live_server.url}/my-claims/time-to-claim/")
    page.get_by_label(first.session.opportunity.title, exact=False).uncheck()
    page.get_by_role("button", name="Claim for these sessions").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    assert Claim.objects.count() == 1


def test_time_is_claimed_from_attendance_without_javascript(
    browser: Browser, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    bookings = attended_each(riverside_coordinator, expert_at_riverside, sessions=2)
    assert expert_at_riverside.user is not None
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-claims/")
    page.get_by_role("button", name="Claim for these sessions").click()
    expect(page.get_by_text("Your time is claimed for 2 sessions.")).to_be_visible()
    claimed = set(Claim.objects.values_list("session_id", flat=True))
    assert claimed == {b.session_id for b in bookings}
    context.close()


def test_an_expense_outside_the_agreement_is_refused_or_decided_with_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = accepted_offer(
        riverside_coordinator,
        expert_at_riverside,
        expenses={"travel": True, "subsistence": True, "care": False},
    )
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-claims/expenses/")
    expect(page.get_by_role("heading", name="What your offers cover")).to_be_visible()
    page.get_by_label("Which work was it for?").select_option(str(offer.pk))
    page.get_by_label("Care or childcare").check()
    page.get_by_label("How much did you spend?").fill("30.00")
    page.get_by_label("What was it for?").fill("A childminder for the afternoon")
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("Your offer does not cover care or childcare.").first).to_be_visible()
    assert axe_violations(page) == []
    assert not Claim.objects.exists()

    claim = expense_claim(offer, category="other", description="Printing my notes")
    page.context.clear_cookies()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    expect(
        page.get_by_text("Not in the agreed expenses — decide whether to pay it")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="What was agreed")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Approve", exact=True).click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    approver = KeyboardOnly(page)
    approver.tick("I have decided to pay it")
    approver.follow("Approve", exact=True)
    expect(page.get_by_text("The claim is approved.")).to_be_visible()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED

"""Mileage and the person's statement in a real browser: the person claims a journey with
the keyboard alone and sees the amount worked out for them; a form with a mistake shows
its errors; an admin adds a rate to the mileage rate card without JavaScript; the person
reads their statement for a tax year. No axe-core violations on any page, with or
without errors."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.payments.models import Claim, MileageRate
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.engagements.factories import accepted_offer
from tests.payments.factories import mileage_claim, paid

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_person_claims_mileage_with_the_keyboard_and_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-claims/")
    person = KeyboardOnly(page)
    person.follow("Claim mileage for a journey")
    expect(page.get_by_text("Car or van: 45p a mile for the first 10,000 miles")).to_be_visible()
    assert axe_violations(page) == []

    person.submit("Send the claim")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []

    person.select("Which work was the journey for?", offer.opportunity.title)
    person.type_into("Where did you travel from?", "Hull")
    person.type_into("Where did you travel to?", "Leeds")
    person.choose("vehicle", "Car or van")
    person.type_into("How many miles?", "12")
    person.type_into("How many passengers", "1")
    person.submit("Send the claim")
    expect(page.get_by_text("Your mileage claim for £6.00 is sent for approval.")).to_be_visible()
    assert axe_violations(page) == []
    assert Claim.objects.get().amount == Decimal("6.00")


def test_an_admin_adds_a_mileage_rate_without_javascript_and_no_violations(
    browser: Browser, live_server, riverside_admin: Membership
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/mileage-rates/")
    page.get_by_role("button", name="Add the rate").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    context.close()

    later = timezone.localdate() + timedelta(days=60)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/mileage-rates/")
    page.get_by_label("Bicycle").check()
    page.get_by_label("Day", exact=True).fill(str(later.day))
    page.get_by_label("Month", exact=True).fill(str(later.month))
    page.get_by_label("Year", exact=True).fill(str(later.year))
    page.get_by_label("Pence a mile", exact=True).fill("22")
    page.get_by_role("button", name="Add the rate").click()
    expect(page.get_by_text("The new rate for a bicycle is saved.")).to_be_visible()
    expect(page.get_by_text("From a later date")).to_be_visible()
    context.close()
    assert MileageRate.objects.get().pence_per_mile == Decimal(22)


def test_the_rate_card_has_no_violations(
    page: Page, live_server, riverside_admin: Membership
) -> None:
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/mileage-rates/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Add the rate").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_the_persons_statement_has_no_violations_in_any_year(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    claim = mileage_claim(offer, "10", travelled_on=date(2025, 5, 1))
    paid(claim, riverside_coordinator, date(2025, 5, 3))
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-claims/")
    KeyboardOnly(page).follow("Your statement of what you were paid")
    expect(page.get_by_text("Nothing was paid to you in this tax year.")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="2025 to 2026").click()
    expect(page.get_by_text("Expenses paid back (not income)")).to_be_visible()
    expect(page.get_by_text("£4.50").first).to_be_visible()
    assert axe_violations(page) == []

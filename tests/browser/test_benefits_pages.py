"""A person says which benefit rules apply to them, by keyboard alone and without
JavaScript, and then reads on an offer of paid work what those rules say about it. No
axe-core violations on any page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.people.models import BenefitsSituation, Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_saying_esa_by_keyboard_then_reading_the_offer_against_permitted_work(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    alex = expert_at_riverside
    assert alex.user is not None
    # 3 hours at £70: £210 in the week, over the permitted-work limit.
    offer = sent_offer(riverside_coordinator, alex, reward_amount=Decimal("70.00"))
    log_in(page, live_server.url, alex.user.email, PASSWORD)

    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    check = page.locator("#benefits-check")
    expect(check).to_contain_text("Being paid can affect some benefits")
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/my-benefits/")
    expect(page.get_by_text("We keep nothing about your benefits.")).to_be_visible()
    assert axe_violations(page) == []
    person = KeyboardOnly(page)
    person.choose("benefit", "Employment and Support Allowance")
    person.submit("Save your answer")
    expect(page.get_by_text("Your answer is saved.")).to_be_visible()
    expect(page.get_by_text("Only you can see your answer.")).to_be_visible()
    assert axe_violations(page) == []
    situation = BenefitsSituation.objects.get(person=alex)
    assert (situation.benefit, situation.shared) == ("esa", False)

    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    expect(check).to_contain_text("This work goes over the permitted work rules in one week.")
    expect(check).to_contain_text("£210.00 of pay, which is more than £195.50")
    assert axe_violations(page) == []


def test_saying_universal_credit_and_sharing_it_without_javascript(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
) -> None:
    alex = expert_at_riverside
    assert alex.user is not None
    offer = sent_offer(riverside_coordinator, alex, reward_amount=Decimal("200.00"))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, alex.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-benefits/")
    page.get_by_label("Universal Credit").check()
    page.get_by_label("Let the organisations I share my details with see my answer").check()
    page.get_by_role("button", name="Save your answer").click()
    expect(page.get_by_text("Your answer now: Universal Credit.")).to_be_visible()
    expect(page.locator("#who-sees")).to_contain_text("You chose to let the organisations")

    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    check = page.locator("#benefits-check")
    expect(check).to_contain_text("Universal Credit has no limit on the hours you work.")
    expect(check).to_contain_text("your paid work would come to £600.00")
    expect(check).to_contain_text("by 55p for each £1")

    page.goto(f"{live_server.url}/my-benefits/")
    page.get_by_label("I'd rather not say").check()
    page.get_by_role("button", name="Save your answer").click()
    expect(page.get_by_text("We keep nothing about your benefits.")).to_be_visible()
    context.close()
    assert not BenefitsSituation.objects.filter(person=alex).exists()

"""The Wellness Action Plan, earnings limit and offer-page warnings in a real browser:
no axe-core violations (WCAG 2.2 A and AA), with errors shown, at 320 px wide, by
keyboard alone."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.people import services
from powerwith.people.models import Person
from powerwith.people.services.benefits import add_earnings_limit, set_benefits_advice
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer
from tests.people.factories import written_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def alex(page: Page, live_server, expert_at_riverside: Person, riverside_contact) -> Person:
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    return expert_at_riverside


def test_writing_a_plan_with_a_bad_date_then_a_good_one(page: Page, live_server, alex) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/my-wellness-action-plan/edit/")
    assert axe_violations(page) == []
    page.get_by_label("What helps you stay mentally healthy at work?").fill("A walk.")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2027")
    page.get_by_role("button", name="Save your plan").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Day").fill("28")
    page.get_by_label("Day").press("Enter")
    expect(page.get_by_text("Your Wellness Action Plan is saved.")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/my-wellness-action-plan/readers/")
    page.get_by_label("Contact person at Riverside Care Partnership", exact=False).check()
    page.get_by_role("button", name="Save who can read your plan").click()
    expect(page.get_by_text("Who can read your plan is saved.")).to_be_visible()
    page.goto(f"{live_server.url}/my-wellness-action-plan/print/")
    assert axe_violations(page) == []


def test_the_earnings_limit_page_with_an_error(page: Page, live_server, alex) -> None:
    page.goto(f"{live_server.url}/my-earnings-limit/")
    page.get_by_label("Weekly limit in pounds").fill("-3")
    page.get_by_role("button", name="Save this limit").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_the_offer_page_with_the_warning_and_the_advice_box(
    page: Page, live_server, alex: Person, riverside_coordinator: Membership
) -> None:
    assert alex.user is not None
    services.update_person(
        alex, user=alex.user, membership=None, changes={"benefits_advice": "yes"}
    )
    add_earnings_limit(
        alex, user=alex.user, weekly_amount=Decimal("10.00"), valid_from=dt.date(2020, 1, 1)
    )
    offer = sent_offer(riverside_coordinator, alex)
    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    expect(page.locator("#earnings-limit-warning")).to_be_visible()
    expect(page.locator("#benefits-advice")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="A letter about this work for your Jobcentre").click()
    expect(page.get_by_role("heading", name="Details of work I have been offered")).to_be_visible()
    assert axe_violations(page) == []


def test_the_persons_other_pages_have_no_violations(page: Page, live_server, alex) -> None:
    assert alex.user is not None
    written_plan(alex)
    for path in (
        "/my-wellness-action-plan/",
        "/my-wellness-action-plan/readers/",
        "/my-earnings-limit/",
        "/benefits-advice/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_the_staff_pages_have_no_violations(
    page: Page, live_server, expert_at_riverside: Person, riverside_admin: Membership
) -> None:
    written_plan(expert_at_riverside, riverside_admin.user)
    set_benefits_advice(by=riverside_admin, text="Citizens Advice can help.\n\nAsk us.")
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    for path in (
        f"/people/{expert_at_riverside.pk}/",
        f"/people/{expert_at_riverside.pk}/wellness-action-plan/",
        "/organisation/benefits-advice/",
        "/benefits-advice/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/people/{expert_at_riverside.pk}/")
    page.get_by_role("link", name="Read the Wellness Action Plan Alex shared with you").click()
    expect(page.get_by_text("A walk at lunchtime keeps me well.")).to_be_visible()

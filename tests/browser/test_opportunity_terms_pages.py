"""The pages for an opportunity's terms and the rate card in a real browser: no axe-core
violations (WCAG 2.2 A and AA), with and without errors, and every term can be given
without JavaScript."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import set_rate
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.opportunities.factories import complete_opportunity, opportunity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEXT_YEAR = str(timezone.localdate().year + 1)


@pytest.fixture
def complete(riverside_coordinator: Membership, riverside_contact: Membership) -> Opportunity:
    return complete_opportunity(riverside_coordinator, riverside_contact)


def test_the_terms_pages_have_no_accessibility_violations(
    page: Page, live_server, riverside_coordinator, riverside_admin, complete
):
    set_rate(by=riverside_admin, basis="hourly", amount="25", valid_from=timezone.localdate())
    draft = opportunity(riverside_coordinator, title="Peer panel", reward_basis="voluntary")
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    for path in [
        "/opportunities/new/",
        f"/opportunities/{complete.pk}/",
        f"/opportunities/{complete.pk}/edit/",
        f"/opportunities/{draft.pk}/",
        "/organisation/rates/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_the_create_form_with_errors_has_no_violations_and_links_to_the_session_row(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/new/")
    page.get_by_label("Title").fill("Ward panel")
    page.get_by_label("Amount in pounds").fill("-5")
    page.get_by_label("Paid by the hour").check()
    session = page.get_by_role("group", name="Session 1")
    session.get_by_label("Day").fill("3")
    session.get_by_label("Month").fill("3")
    session.get_by_label("Year").fill("2020")
    session.get_by_label("Start time").fill("10:00")
    session.get_by_label("Length in minutes").fill("60")
    page.get_by_role("button", name="Save the opportunity").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("The amount cannot be negative.")
    assert axe_violations(page) == []
    # Nothing is saved while anything is wrong, so the session is checked once the
    # amount is put right.
    page.get_by_label("Amount in pounds").fill("25")
    page.get_by_role("button", name="Save the opportunity").click()
    expect(summary).to_contain_text("Session 1: 3 March 2020 at 10am is in the past.")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Session 1: 3 March 2020").click()
    expect(page.locator("#id_session-0-date_0")).to_be_focused()


def test_the_edit_form_with_errors_has_no_violations(
    page: Page, live_server, riverside_coordinator, complete
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/{complete.pk}/edit/")
    page.get_by_label("Defined and enduring role").check()
    page.get_by_label("Open: ready to offer to people").check()
    page.get_by_role("button", name="Save the opportunity").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Set a review date")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Set a review date").click()
    expect(page.locator("#id_review_date_0")).to_be_focused()


def test_the_rate_card_with_errors_has_no_violations(page: Page, live_server, riverside_admin):
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/rates/")
    assert axe_violations(page) == []
    page.get_by_label("Paid by the day").check()
    page.get_by_label("Amount in pounds").fill("50000")
    page.get_by_label("Day", exact=True).fill("1")
    page.get_by_label("Month", exact=True).fill("1")
    page.get_by_label("Year", exact=True).fill(NEXT_YEAR)
    page.get_by_role("button", name="Add the rate").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("more than the £10,000.00 a day")
    assert axe_violations(page) == []
    page.get_by_label("Amount in pounds").fill("150")
    page.get_by_role("button", name="Add the rate").click()
    expect(page.get_by_text("The new rate of £150.00 a day is saved.")).to_be_visible()
    expect(page.get_by_text("From a later date")).to_be_visible()


def test_every_term_is_given_without_javascript(
    browser: Browser, live_server, riverside_coordinator, riverside_contact
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/new/")
    page.get_by_label("Title").fill("Ward panel")
    page.get_by_label("Co-production —").check()
    page.get_by_label("Training resources").check()
    page.get_by_label("What the person is asked to do").fill("Tell us what helped you.")
    page.get_by_label("In person").check()
    page.get_by_label("Address").fill("Riverside House, 1 Mill Lane, Leeds")
    session = page.get_by_role("group", name="Session 1")
    session.get_by_label("Day").fill("12")
    session.get_by_label("Month").fill("1")
    session.get_by_label("Year").fill(NEXT_YEAR)
    session.get_by_label("Start time").fill("10:00")
    session.get_by_label("Length in minutes").fill("180")
    page.get_by_label("Paid by the hour").check()
    page.get_by_label("Amount in pounds").fill("25")
    page.get_by_label("Paid within how many days").fill("14")
    page.get_by_label("Travel", exact=True).check()
    page.get_by_label("Travel paid in advance").check()
    page.get_by_label("Contact person").select_option(str(riverside_contact.user_id))
    page.get_by_label("Shared inside the organisation").check()
    page.get_by_role("button", name="Save the opportunity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ward panel")
    expect(page.get_by_text("10am to 1pm (180 minutes)")).to_be_visible()
    expect(page.get_by_text("The opportunity states everything an offer")).to_be_visible()
    context.close()

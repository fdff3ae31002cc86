"""Opportunity, matching and organisation settings pages in a real browser: no axe-core
violations (WCAG 2.2 A and AA), with and without errors, and the create form works
without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import RequirementInput
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.opportunities.factories import opportunity, person, worked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CRISIS = "direct.crisis"


@pytest.fixture
def training(riverside_coordinator: Membership) -> Opportunity:
    """An opportunity with people to match: one with communication needs, one busier."""
    by = riverside_coordinator
    person(by, "Niña", (CRISIS, "mental_health"), formats=["easy_read"], available_modes=["video"])
    busy = person(by, "O'Hare", (CRISIS, "community"), ("direct.trauma", ""))
    worked(busy, opportunity(by, title="Panel"), 120)
    return opportunity(
        by,
        RequirementInput(CRISIS, essential=True),
        RequirementInput("direct.trauma", "mental_health"),
        level="co_production",
        focus=["designing_training"],
        location_mode="video",
    )


def test_opportunity_pages_have_no_accessibility_violations(
    page: Page, live_server, riverside_coordinator, training
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    for path in [
        "/opportunities/",
        "/opportunities/new/",
        f"/opportunities/{training.pk}/",
        f"/opportunities/{training.pk}/matches/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    expect(page.get_by_role("link", name="Niña")).to_be_visible()
    expect(page.get_by_text("Communication needs: Easy read")).to_be_attached()


def test_the_create_form_with_errors_has_no_violations_and_links_to_each_field(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/new/")
    page.locator("#id_requirement-1-setting").select_option("community")
    page.get_by_role("button", name="Save the opportunity").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a title for the opportunity.")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Required experience 2: Choose the experience").click()
    expect(page.locator("#id_requirement-1-code")).to_be_focused()


def test_an_opportunity_is_created_without_javascript(
    browser: Browser, live_server, riverside_coordinator
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/new/")
    page.get_by_label("Title").fill("Ward panel")
    page.get_by_label("Co-production —").check()
    page.get_by_label("Service design or planning").check()
    page.locator("#id_requirement-0-code").select_option(CRISIS)
    page.locator("#id_requirement-0-essential_1").check()
    page.get_by_role("button", name="Save the opportunity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ward panel")
    expect(page.get_by_text("Living through periods of crisis")).to_be_visible()
    context.close()


def test_the_settings_page_has_no_violations_with_and_without_errors(
    page: Page, live_server, riverside_admin
):
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/settings/")
    assert axe_violations(page) == []
    page.get_by_label("Fairness weight").fill("2")
    page.get_by_role("button", name="Save the fairness weight").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("from 0 to 1")
    assert axe_violations(page) == []


def test_the_opportunity_page_shows_what_its_offers_cannot_say_and_links_to_each_box(
    page: Page, live_server, riverside_coordinator
):
    made = opportunity(
        riverside_coordinator,
        purpose="This could lead to paid work.",
        input_expected="Join the co-design workstream.",
    )
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/{made.pk}/")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Offers of this opportunity cannot be sent yet")
    # Seen on a plain visit, not after a refusal: the summary does not take focus.
    expect(summary).not_to_be_focused()
    expect(page.get_by_text("“workstream” is a hard word.")).to_be_visible()
    assert axe_violations(page) == []
    summary.get_by_role("link", name="“could lead to paid work” is speculative").click()
    expect(page).to_have_url(f"{live_server.url}/opportunities/{made.pk}/edit/#id_purpose")
    assert axe_violations(page) == []

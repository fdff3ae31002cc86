"""Display settings in a real browser: larger text really enlarges the text, and pages
with large text and high contrast on still have no axe-core violations (WCAG 2.2 A, AA);
the settings page works without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts import services
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def body_text_size(page: Page) -> float:
    return float(
        page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
    )


def moving_for(page: Page) -> str:
    """How long a transition lasts on an element that asks for one of two seconds."""
    return str(
        page.evaluate(
            """() => {
                const moving = document.createElement("p");
                moving.style.transition = "color 2s";
                document.body.append(moving);
                return getComputedStyle(moving).transitionDuration;
            }"""
        )
    )


def test_large_text_and_high_contrast_have_no_violations(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    user = expert_at_riverside.user
    log_in(page, live_server.url, user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    standard = body_text_size(page)
    assert moving_for(page) == "2s"
    services.change_display_settings(
        user=user,
        changes={"text_size": "larger", "high_contrast": True, "reduce_motion": True},
    )
    for path in ["/", f"/my-offers/{offer.pk}/", "/my-profile/edit/", "/account/display/"]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    assert body_text_size(page) == pytest.approx(standard * 1.5)
    assert moving_for(page) == "0s"


def test_the_settings_page_with_an_error_has_no_violations(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/account/display/")
    page.evaluate("document.querySelectorAll('[name=text_size]').forEach(r => r.value = 'huge')")
    page.get_by_role("button", name="Save display settings").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a text size.")
    assert axe_violations(page) == []


def test_the_settings_are_saved_without_javascript(
    browser: Browser, live_server, riverside_coordinator
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.get_by_role("link", name="Display settings").click()
    page.get_by_label("Large", exact=True).check()
    page.get_by_label("High contrast").check()
    page.get_by_role("button", name="Save display settings").click()
    expect(page.locator("html")).to_have_class("govuk-template pw-text-large pw-high-contrast")
    context.close()

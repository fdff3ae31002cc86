"""The web page and easy-read renderings of an offer, and the page that explains an
unknown format, in a real browser: no axe-core violations (WCAG 2.2 A and AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.offers.factories import offer_to, prefers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_renderings_have_no_accessibility_violations(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    offer = offer_to(riverside_coordinator, expert_at_riverside)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    for fmt in ["html", "easy-read", "docx"]:
        page.goto(f"{live_server.url}/offers/{offer.pk}/render/?format={fmt}")
        assert axe_violations(page) == [], fmt
    expect(page.get_by_role("heading", name="This format is not available")).to_be_visible()


def test_the_person_meets_their_offer_in_easy_read_with_its_stylesheet_applied(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    prefers(expert_at_riverside, "easy_read")
    offer = offer_to(riverside_coordinator, expert_at_riverside)
    log_in(page, live_server.url, "alex@people.example", PASSWORD)
    page.goto(f"{live_server.url}/offers/{offer.pk}/render/")
    expect(page.get_by_role("heading", name="It's OK to say no")).to_be_visible()
    expect(page.get_by_role("heading", name="The key facts")).to_be_visible()
    # The inline stylesheet is allowed by the page's own policy: the box has its border.
    border = page.locator(".key-facts").evaluate("e => getComputedStyle(e).borderTopWidth")
    assert border == "5px"
    assert axe_violations(page) == []

"""Every page of the foundation, in a real browser: no axe-core violations (WCAG 2.2 A
and AA), usable with the keyboard alone, and working without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC = ["/", "/login/", "/password-reset/", "/accessibility/", "/about/", "/no-such-page/"]


def test_public_pages_have_no_accessibility_violations(page: Page, live_server):
    for path in PUBLIC:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_staff_pages_have_no_accessibility_violations(
    page: Page, live_server, riverside_admin, riverside_coordinator, hillview_admin
):
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    for path in [
        "/",
        "/organisation/members/",
        "/organisation/members/invite/",
        f"/organisation/members/{riverside_coordinator.user_id}/role/",
        "/organisation/audit-log/",
        "/account/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_an_expert_home_page_has_no_accessibility_violations(
    page: Page, live_server, expert_at_both
):
    log_in(page, live_server.url, expert_at_both.user.email, PASSWORD)
    assert axe_violations(page) == []
    expect(page.get_by_label("Organisation")).to_be_visible()


def test_a_form_with_errors_has_no_violations_and_focuses_the_summary(
    page: Page, live_server, riverside_admin
):
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/members/invite/")
    page.get_by_role("button", name="Send the invitation").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter an email address.")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Choose a role.").click()
    expect(page.locator("#id_role_0")).to_be_focused()


def test_logging_in_with_the_keyboard_alone(page: Page, live_server, riverside_coordinator):
    page.goto(f"{live_server.url}/login/")
    page.keyboard.press("Tab")
    expect(page.locator(".govuk-skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.type("coordinator@riverside.example")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^[^?]*/(#main-content)?$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")


def test_switching_organisation_and_logging_out_work_without_javascript(
    browser: Browser, live_server, expert_at_both
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, expert_at_both.user.email, PASSWORD)
    chosen = page.locator("#switch-organisation option[selected]")
    expect(chosen).to_have_text("Hillview Health NHS Foundation Trust")
    page.get_by_label("Organisation").select_option(label="Riverside Care Partnership")
    page.get_by_role("button", name="Switch").click()
    expect(chosen).to_have_text("Riverside Care Partnership")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to powerwith")
    context.close()

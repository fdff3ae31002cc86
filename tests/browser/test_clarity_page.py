"""The clarity checker's page in a real browser: no axe-core violations (WCAG 2.2 A and
AA) with findings shown, with htmx and without JavaScript, and in its error states."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = (
    "Hopefully this could lead to paid work soon. We will book a BSL interpreter. "
    "You will be paid. We will facilitate the meeting, which will be held at Riverside House."
)


def test_the_findings_swapped_in_by_htmx_have_no_violations(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/clarity-check/")
    assert axe_violations(page) == []
    page.get_by_label("Your message").fill(MESSAGE)
    page.get_by_label("Easy read").check()
    page.get_by_role("button", name="Check the message").click()
    findings = page.locator("#clarity-findings")
    expect(findings).to_contain_text("“BSL” is not explained.")
    expect(findings.locator("mark", has_text="could lead to paid work")).to_be_visible()
    # htmx swapped the findings in: the page itself was not reloaded.
    expect(page).to_have_url(f"{live_server.url}/clarity-check/")
    assert page.get_by_label("Your message").input_value() == MESSAGE
    assert axe_violations(page) == []


def test_submitting_nothing_with_htmx_says_what_to_do_without_violations(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/clarity-check/")
    page.get_by_role("button", name="Check the message").click()
    expect(page.locator("#clarity-findings")).to_contain_text("Enter the text to check.")
    assert axe_violations(page) == []


def test_without_javascript_it_is_a_form_page_with_findings_and_errors(
    browser: Browser, live_server, riverside_coordinator
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/clarity-check/")
    page.get_by_role("button", name="Check the message").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the text to check.")
    page.get_by_label("Your message").fill(MESSAGE)
    page.get_by_role("button", name="Check the message").click()
    expect(page.get_by_role("heading", name="What the checker found")).to_be_visible()
    expect(page.locator("#clarity-findings")).to_contain_text("“You will be paid” mentions money")
    context.close()


def test_the_whole_page_with_errors_and_with_findings_has_no_violations(
    page: Page, live_server, riverside_coordinator
):
    # axe-core needs JavaScript; a native submit() skips htmx and loads the whole page, as
    # a browser without JavaScript would.
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/clarity-check/")
    with page.expect_navigation():
        page.evaluate("document.querySelector('main form').submit()")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the text to check.")
    assert axe_violations(page) == []
    page.get_by_label("Your message").fill(MESSAGE)
    with page.expect_navigation():
        page.evaluate("document.querySelector('main form').submit()")
    expect(page.get_by_role("heading", name="What the checker found")).to_be_visible()
    assert axe_violations(page) == []

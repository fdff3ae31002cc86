"""The menu on a phone, as GOV.UK's service navigation does it: at 320 pixels the links,
the organisation switcher and "Log out" fold behind a "Menu" button that opens from the
keyboard; without JavaScript they are simply shown; on a wide screen the switcher stays
in the account bar. Open or closed, the page has no axe-core violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 320, "height": 640}
LINKS = ("Home", "Your profile", "Your offers", "Your consents", "Your account")


def menu_links(page: Page):
    return page.locator("#navigation")


def phone(browser: Browser, live_server, person: Person, *, javascript: bool) -> Page:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    assert person.user is not None
    log_in(page, live_server.url, person.user.email, PASSWORD)
    return page


def test_on_a_phone_the_menu_folds_behind_a_button_that_opens_from_the_keyboard(
    browser: Browser, live_server, expert_at_both: Person
):
    page = phone(browser, live_server, expert_at_both, javascript=True)
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    for label in LINKS:
        expect(menu_links(page).get_by_role("link", name=label, exact=True)).to_be_hidden()
    expect(page.get_by_label("Organisation")).to_be_hidden()
    assert axe_violations(page) == []

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    for label in LINKS:
        expect(menu_links(page).get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(page.get_by_label("Switch to")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert axe_violations(page) == []

    # Every link, the switcher and "Log out" are reached by Tab, in the menu's order.
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        name = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el.closest('#navigation')) return null;
                return el.id || el.innerText.trim();
            }"""
        )
        if name is None and reached:
            break
        if name:
            reached.append(name)
    for label in (*LINKS, "switch-organisation-menu", "Switch", "Log out"):
        assert label in reached, (label, reached)

    page.get_by_label("Switch to").select_option(label="Riverside Care Partnership")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("#switch-organisation-menu option[selected]")).to_have_text(
        "Riverside Care Partnership"
    )
    page.context.close()


def test_on_a_phone_without_javascript_every_link_is_simply_shown(
    browser: Browser, live_server, expert_at_both: Person
):
    page = phone(browser, live_server, expert_at_both, javascript=False)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    for label in LINKS:
        expect(menu_links(page).get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(page.get_by_label("Switch to")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    # (axe needs JavaScript to run; the same open menu is checked with it above.)
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in to powerwith")
    page.context.close()


def test_on_a_wide_screen_the_switcher_stays_in_the_account_bar(
    browser: Browser, live_server, expert_at_both: Person
):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    assert expert_at_both.user is not None
    log_in(page, live_server.url, expert_at_both.user.email, PASSWORD)
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.locator(".pw-account-bar").get_by_label("Organisation")).to_be_visible()
    expect(page.get_by_label("Switch to")).to_be_hidden()
    for label in LINKS:
        expect(menu_links(page).get_by_role("link", name=label, exact=True)).to_be_visible()
    context.close()

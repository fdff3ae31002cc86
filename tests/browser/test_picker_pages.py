"""Long forms and long lists in a real browser: rows added to the opportunity form one at
a time, people chosen by typing in GOV.UK's accessible autocomplete or from a plain
select, contributors found by name; with JavaScript and without it, by keyboard, with no
axe-core violations."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.consent.models import Output
from powerwith.offers.models import Offer
from powerwith.opportunities.rules import RequirementInput
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.opportunities.factories import complete_opportunity, opportunity, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESTRAINT = "direct.restrictive_interventions"


def _add_a_session_keeping_the_title(page: Page, base: str) -> None:
    """Adds a session row; what was typed stays and no error is shown."""
    page.goto(f"{base}/opportunities/new/")
    page.get_by_label("Title").fill("Ward panel")
    third = page.get_by_role("group", name="Session 3")
    third.get_by_label("Day").fill("4")
    page.get_by_role("button", name="Add another session").click()
    expect(page.get_by_role("group", name="Session 4")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Ward panel")
    expect(page.get_by_role("group", name="Session 3").get_by_label("Day")).to_have_value("4")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)


def test_a_session_row_is_added_without_javascript(
    browser: Browser, live_server, riverside_coordinator
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
        _add_a_session_keeping_the_title(page, live_server.url)
        assert page.url.endswith("#session-4")
    finally:
        context.close()


def test_a_session_row_is_added_with_javascript(page: Page, live_server, riverside_coordinator):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    _add_a_session_keeping_the_title(page, live_server.url)
    # axe-core runs in the page, so only where JavaScript does.
    assert axe_violations(page) == []


def test_a_required_experience_row_is_added_by_keyboard_alone(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/new/")
    keyboard = KeyboardOnly(page, max_tabs=400)
    keyboard.tab_to("Add another required experience")
    page.keyboard.press("Enter")
    expect(page.get_by_role("group", name="Required experience 6")).to_be_visible()


def test_the_offer_picker_finds_a_matched_person_by_typing_with_the_keyboard(
    page: Page, live_server, riverside_coordinator, riverside_contact
):
    person(riverside_coordinator, "Aaron")
    zoe = person(riverside_coordinator, "Zoe", (RESTRAINT, "mental_health"))
    work = complete_opportunity(
        riverside_coordinator, riverside_contact, RequirementInput(RESTRAINT, essential=True)
    )
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/{work.pk}/offers/new/")
    # The plain select is a combobox too: wait for the text box the script puts in its
    # place, or the keys may reach the select before it is enhanced.
    picker = page.locator("input").and_(page.get_by_role("combobox", name="Who is the offer for?"))
    expect(picker).to_be_visible()
    picker.focus()
    page.keyboard.type("zo")
    expect(page.get_by_role("option", name="Zoe (matched)")).to_be_visible()
    assert axe_violations(page) == []
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(picker).to_have_value("Zoe (matched)")
    page.get_by_role("button", name="Make a draft offer").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "A draft offer for Zoe is ready."
    )
    assert Offer.objects.get().person_id == zoe.pk


def test_the_offer_picker_is_a_plain_select_without_javascript(
    browser: Browser, live_server, riverside_coordinator, riverside_contact
):
    person(riverside_coordinator, "Zoe", (RESTRAINT, "mental_health"))
    work = complete_opportunity(
        riverside_coordinator, riverside_contact, RequirementInput(RESTRAINT, essential=True)
    )
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
        page.goto(f"{live_server.url}/opportunities/{work.pk}/offers/new/")
        page.get_by_label("Who is the offer for?").select_option(label="Zoe (matched)")
        page.get_by_role("button", name="Make a draft offer").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            "A draft offer for Zoe is ready."
        )
    finally:
        context.close()


def test_a_contributor_is_found_by_name_and_ticked_without_javascript(
    browser: Browser, live_server, riverside_coordinator
):
    work = opportunity(riverside_coordinator, title="Ward panel")
    person(riverside_coordinator, "Bea")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
        page.goto(f"{live_server.url}/outputs/new/?opportunity={work.pk}")
        page.get_by_label("Title").fill("Ward stories")
        page.get_by_label("Find someone else on your register").fill("be")
        page.get_by_role("button", name="Find").click()
        expect(page.get_by_role("status")).to_contain_text("Found for “be”: Bea.")
        expect(page.get_by_label("Title")).to_have_value("Ward stories")
        page.get_by_label("Bea").check()
        page.get_by_label("Report", exact=True).check()
        page.get_by_label("Which piece of work is it from?").select_option(label="Ward panel")
        page.get_by_label("Share inside the organisation").check()
        page.get_by_role("button", name="Add the output").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Ward stories")
    finally:
        context.close()


def test_a_contributor_is_chosen_by_typing_with_the_keyboard_keeping_the_half_filled_form(
    page: Page, live_server, riverside_coordinator
):
    work = opportunity(riverside_coordinator, title="Ward panel")
    bea = person(riverside_coordinator, "Bea")
    person(riverside_coordinator, "Ben")
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/outputs/new/?opportunity={work.pk}")
    assert axe_violations(page) == []
    address = page.url
    page.get_by_label("Title").fill("Ward stories")
    page.get_by_label("Report", exact=True).check()
    # With JavaScript there is no Find button: the name box is an autocomplete.
    expect(page.get_by_role("button", name="Find")).to_be_hidden()
    keyboard = KeyboardOnly(page, max_tabs=400)
    keyboard.start_over()
    finder = keyboard.tab_to("Find someone else on your register")
    assert finder.tag == "input"
    page.keyboard.type("be")
    expect(page.get_by_role("option", name="Bea", exact=True)).to_be_visible()
    expect(page.get_by_role("option", name="Ben", exact=True)).to_be_visible()
    assert axe_violations(page) == []
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    # Bea is a contributor now, ticked, and nothing else on the form changed.
    expect(page.get_by_label("Bea", exact=True)).to_be_checked()
    expect(page.locator("[data-pw-found]")).to_have_text(
        "Bea is added to the contributors, ticked."
    )
    expect(page.get_by_label("Title")).to_have_value("Ward stories")
    expect(page.get_by_label("Report", exact=True)).to_be_checked()
    assert page.url == address
    assert axe_violations(page) == []
    page.get_by_label("Which piece of work is it from?").select_option(label="Ward panel")
    page.get_by_label("Share inside the organisation").check()
    keyboard.start_over()
    keyboard.submit("Add the output")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ward stories")
    assert [p.pk for p in Output.objects.get().contributors.all()] == [bea.pk]
    assert axe_violations(page) == []


def test_a_contributor_chosen_twice_is_listed_once(page: Page, live_server, riverside_coordinator):
    work = opportunity(riverside_coordinator, title="Ward panel")
    person(riverside_coordinator, "Bea")
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/outputs/new/?opportunity={work.pk}")
    finder = page.get_by_role("combobox", name="Find someone else on your register")
    for _ in range(2):
        finder.fill("")
        finder.press_sequentially("bea")
        page.get_by_role("option", name="Bea", exact=True).click()
    expect(page.get_by_label("Bea", exact=True)).to_have_count(1)
    expect(page.get_by_label("Bea", exact=True)).to_be_checked()

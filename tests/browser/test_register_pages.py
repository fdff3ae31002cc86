"""The coordinators' register in a real browser: no axe-core violations (WCAG 2.2 A and
AA) on the list with filters, a person's page, the forms and their error states, and the
CSV import with its report; the filters and the import work without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.people.services import ExperienceInput
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.people.factories import add_person, share_only_a_summary

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOD_CSV = (
    "preferred_name,formats,experience\n"
    "Niña,easy_read,direct.crisis@mental_health\n"
    "王芳,,indirect.carer_training\n"
).encode()
BAD_CSV = (
    "preferred_name,formats,experience\nNiña,easy_reed,direct.crisis@mental_health\n,,\nBo,,x\n"
).encode()


def csv_file(data: bytes) -> dict[str, object]:
    return {"name": "people.csv", "mimeType": "text/csv", "buffer": data}


def test_register_pages_have_no_accessibility_violations(
    page: Page, live_server, riverside, riverside_coordinator, expert_at_both
):
    ada = add_person(
        riverside_coordinator,
        "Ada",
        ExperienceInput("direct.restrictive_interventions", "secure_forensic", "seclusion"),
        formats=["easy_read", "bsl"],
        preferred_channel="phone",
        pronouns="she/her",
        adjustments={"timing": "A break every hour."},
    )
    for number in range(30):
        add_person(riverside_coordinator, f"Person {number:02}", status="paused")
    share_only_a_summary(expert_at_both, riverside.pk)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    for path in [
        "/people/",
        "/people/?name=person&status=paused&page=2",
        "/people/?experience=direct.restrictive_interventions&setting=secure_forensic&format=bsl",
        "/people/?experience=direct.nonsense",
        f"/people/{ada.pk}/",
        f"/people/{expert_at_both.pk}/",
        f"/people/{ada.pk}/edit/",
        f"/people/{ada.pk}/experience/",
        f"/people/{expert_at_both.pk}/edit/",
        "/people/new/",
        "/people/import/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_the_create_form_with_errors_has_no_violations_and_focuses_the_summary(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/people/new/")
    page.get_by_label("Email address").fill("not an email")
    page.get_by_role("button", name="Add to the register").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the name the person likes to be called.")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Enter the name the person likes to be called.").click()
    expect(page.get_by_label("Name they like to be called")).to_be_focused()


def test_the_import_report_and_the_check_page_have_no_violations(
    page: Page, live_server, riverside_coordinator
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/people/import/")
    page.get_by_label("Upload a CSV file").set_input_files(csv_file(BAD_CSV))  # type: ignore[arg-type]
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Nobody has been added.")
    expect(page.locator("#problems")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Upload a CSV file").set_input_files(csv_file(GOOD_CSV))  # type: ignore[arg-type]
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check and add 2 people")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Add all 2 people to the register").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "2 people were added to the register."
    )
    expect(page.get_by_role("link", name="王芳")).to_be_visible()


def test_filtering_and_paging_work_without_javascript(
    browser: Browser, live_server, riverside_coordinator
):
    for number in range(27):
        add_person(riverside_coordinator, f"Person {number:02}", formats=["easy_read"])
    add_person(riverside_coordinator, "O'Hare", formats=["large_print"])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/people/")
    page.get_by_label("Communication needs").select_option(label="Easy read")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="27 people")).to_be_visible()
    page.get_by_role("link", name="Next page").click()
    expect(page.get_by_role("link", name="Person 26")).to_be_visible()
    expect(page.get_by_label("Communication needs")).to_have_value("easy_read")
    page.get_by_label("Name").fill("o'hare")
    page.get_by_label("Communication needs").select_option(label="Any")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("link", name="O'Hare")).to_be_visible()
    context.close()

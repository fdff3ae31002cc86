"""The person's privacy pages in a real browser: no axe-core violations (WCAG 2.2 A and
AA) on "who has looked", on the erase page with its error, and the admin's retention
page with an error; erasing works with the keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_who_looked_and_erasing_have_no_violations(
    page: Page, live_server, expert_at_riverside: Person, riverside_coordinator: Membership
) -> None:
    record_read(
        viewer=riverside_coordinator, person=expert_at_riverside, what=What.PROFILE, where="/p/"
    )
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-information/who-looked/")
    expect(page.get_by_role("cell", name="Your profile")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/my-information/erase/")
    page.get_by_role("button", name="Erase my information").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("I understand that this cannot be undone").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Erase my information").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Your information has been erased")).to_be_visible()
    assert axe_violations(page) == []


def test_the_retention_page_with_an_error_has_no_violations(
    page: Page, live_server, riverside_admin: Membership
) -> None:
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/retention/")
    page.get_by_label("Months to keep payment records after payment").fill("60")
    page.get_by_role("button", name="Save how long information is kept").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []

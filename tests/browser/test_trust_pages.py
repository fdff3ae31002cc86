"""Checking a consent receipt and the organisation's access log in a real browser: no
axe-core violations (WCAG 2.2 A and AA), with the keyboard alone, and the receipt check
without JavaScript."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.consent.models import ConsentEvent
from powerwith.consent.receipts import receipt_json
from powerwith.consent.services import grant_consent
from powerwith.people.models import Person
from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def receipt_file(expert_at_riverside: Person, riverside, tmp_path: Path) -> Path:
    assert expert_at_riverside.user is not None
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    grant_consent(person=expert_at_riverside, scope="take_part", actor=me)
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(receipt_json(ConsentEvent.objects.get())))
    return path


def _check(page: Page, base_url: str, receipt_file: Path) -> None:
    page.goto(f"{base_url}/consent-receipts/check/")
    page.get_by_role("button", name="Check the receipt").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Upload the receipt").set_input_files(receipt_file)
    page.get_by_role("button", name="Check the receipt").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="The receipt matches")).to_be_visible()


def test_the_receipt_check_page_has_no_violations_and_works_by_keyboard(
    page: Page, live_server, expert_at_riverside: Person, receipt_file: Path
) -> None:
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    _check(page, live_server.url, receipt_file)
    assert axe_violations(page) == []


def test_the_receipt_check_works_without_javascript(
    browser: Browser, live_server, expert_at_riverside: Person, receipt_file: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/consent-receipts/check/")
    page.get_by_label("Upload the receipt").set_input_files(receipt_file)
    page.get_by_role("button", name="Check the receipt").click()
    expect(page.get_by_role("heading", name="The receipt matches")).to_be_visible()
    context.close()


def test_the_organisations_access_log_has_no_violations(
    page: Page,
    live_server,
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
) -> None:
    record_read(
        viewer=riverside_coordinator, person=expert_at_riverside, what=What.PROFILE, where="/p/"
    )
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/access-log/")
    expect(page.get_by_role("cell", name="Profile")).to_be_visible()
    assert axe_violations(page) == []

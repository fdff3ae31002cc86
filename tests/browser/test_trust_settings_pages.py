"""The admin's settings for trust in the record, in a real browser, with the keyboard
alone and without JavaScript: how long the audit log is kept (refused below six years,
with the reason) and whether the consent ledger's checkpoints go to the auditors. No
axe-core violations (WCAG 2.2 A and AA) before or after."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from powerwith.accounts.models import Membership, Organisation
from powerwith.privacy.models import RetentionPolicy
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_audit_log_period_is_set_by_keyboard_without_javascript(
    browser: Browser, live_server, riverside_admin: Membership
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/retention/")
    keys = KeyboardOnly(page)
    keys.type_into("Months to keep the audit log of who did what", "60")
    keys.follow("Save how long information is kept")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The audit log must be kept for at least 72 months")
    assert not RetentionPolicy.objects.exists()
    keys.type_into("Months to keep the audit log of who did what", "96")
    keys.follow("Save how long information is kept")
    expect(page.get_by_text("How long information is kept is saved.")).to_be_visible()
    assert RetentionPolicy.objects.get().audit_log_months == 96
    context.close()


def test_checkpoints_to_auditors_are_turned_on_by_keyboard_without_javascript(
    browser: Browser, live_server, riverside_admin: Membership
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/settings/")
    expect(page.get_by_role("heading", name="Consent ledger checkpoints")).to_be_visible()
    keys = KeyboardOnly(page)
    keys.tick("E-mail each consent ledger checkpoint to our auditors")
    keys.follow("Save who gets checkpoints")
    expect(page.get_by_text("Checkpoints will be e-mailed to your auditors.")).to_be_visible()
    organisation = Organisation.objects.get(pk=riverside_admin.organisation_id)
    assert organisation.checkpoints_to_auditors
    expect(
        page.get_by_label("E-mail each consent ledger checkpoint to our auditors")
    ).to_be_checked()
    context.close()


def test_the_settings_pages_have_no_violations(
    browser: Browser, live_server, riverside_admin: Membership
) -> None:
    context = browser.new_context()
    page = context.new_page()
    log_in(page, live_server.url, riverside_admin.user.email, PASSWORD)
    page.goto(f"{live_server.url}/organisation/settings/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/organisation/retention/")
    page.get_by_label("Months to keep the audit log of who did what").fill("71")
    page.get_by_role("button", name="Save how long information is kept").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    context.close()

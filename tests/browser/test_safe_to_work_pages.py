"""Safe to work in a real browser: a coordinator records a person's DBS check with the
keyboard alone, and the matches page then shows the person, marked with the reason their
check stops them being booked; with JavaScript and without it, and with no axe-core
violations (WCAG 2.2 A and AA) on the checks page, its errors and the matches page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.opportunities.factories import opportunity, person
from tests.safe_to_work.factories import ENHANCED_DBS, requires

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _work(coordinator: Membership):
    work = opportunity(coordinator, title="Co-design restraint reduction training")
    requires(coordinator, ENHANCED_DBS, opportunity=work)
    return work, person(coordinator, "Bo")


def test_recording_an_expired_check_by_keyboard_marks_the_person_on_the_matches_page(
    page: Page, live_server, riverside_coordinator: Membership
) -> None:
    work, bo = _work(riverside_coordinator)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/opportunities/{work.pk}/matches/")
    expect(page.get_by_text("No enhanced DBS check recorded")).to_be_visible()
    assert axe_violations(page) == []

    keys = KeyboardOnly(page)
    keys.start_over()
    keys.follow("Record checks")
    assert page.url.endswith(f"/people/{bo.pk}/checks/")
    assert axe_violations(page) == []
    done = timezone.localdate() - timedelta(days=3 * 365 + 40)
    ended = timezone.localdate() - timedelta(days=40)
    keys.choose("kind", "DBS check")
    keys.select("Level of the DBS check", "Enhanced")
    for day in (done, ended):  # the date it was done, then the date it expires
        for part, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
            keys.type_into(part, str(value), exact=True)
    keys.type_into("Certificate number", "001234567890")
    keys.submit("Record the check")
    expect(page.get_by_text("The check is recorded for Bo.")).to_be_visible()
    expect(page.get_by_text("Expired", exact=True)).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/opportunities/{work.pk}/matches/")
    reason = f"DBS check expired on {date_format(ended, 'j F Y')}"
    expect(page.get_by_text(reason)).to_be_visible()
    expect(page.get_by_role("link", name="Bo", exact=True)).to_be_visible()
    assert axe_violations(page) == []


def test_the_checks_form_with_errors_has_no_violations(
    page: Page, live_server, riverside_coordinator: Membership
) -> None:
    _, bo = _work(riverside_coordinator)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/people/{bo.pk}/checks/")
    page.get_by_label("DBS check", exact=True).check()
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_recording_a_check_works_without_javascript(
    browser: Browser, live_server, riverside_coordinator: Membership
) -> None:
    work, bo = _work(riverside_coordinator)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/people/{bo.pk}/checks/")
    today = timezone.localdate()
    page.get_by_label("DBS check", exact=True).check()
    page.get_by_label("Level of the DBS check").select_option("enhanced")
    page.locator("[name=done_on_0]").fill(str(today.day))
    page.locator("[name=done_on_1]").fill(str(today.month))
    page.locator("[name=done_on_2]").fill(str(today.year))
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_text("The check is recorded for Bo.")).to_be_visible()
    page.goto(f"{live_server.url}/opportunities/{work.pk}/matches/")
    expect(page.get_by_text("Checks needed")).to_have_count(0)
    expect(page.get_by_role("link", name="Bo", exact=True)).to_be_visible()
    context.close()

"""The organisation dashboard in a real browser: no axe-core violations (WCAG 2.2 A and
AA) with figures and charts, at 320 px without sideways scrolling, with a bad month in
the error summary, and the printable report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, Session
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.opportunities.factories import opportunity, person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIDEWAYS = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"


@pytest.fixture
def auditor(riverside_auditor: Membership, riverside_coordinator: Membership) -> Membership:
    people = [person(riverside_coordinator, f"Worker {n}") for n in range(4)]
    for number, level in enumerate(("consultation", "co_production", "participation")):
        found = opportunity(
            riverside_coordinator,
            title=f"A rather long opportunity title about restraint reduction {number}",
            level=level,
            status="open",
        )
        session = Session.objects.create(
            opportunity=found, starts_at=timezone.now() - timedelta(days=7), minutes=90
        )
        for who in people[: number + 1]:
            Attendance.objects.create(session=session, person=who, attended=True)
    return riverside_auditor


def test_the_dashboard_has_no_violations_wide_and_at_320_px(
    page: Page, live_server, auditor: Membership
) -> None:
    log_in(page, live_server.url, auditor.user.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", name="Organisation dashboard")).to_be_visible()
    assert page.locator("svg[role=img]").count() == 7
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/dashboard/")
    assert axe_violations(page) == []
    assert page.evaluate(SIDEWAYS) is False


def test_a_bad_month_shows_the_error_summary_without_violations(
    page: Page, live_server, auditor: Membership
) -> None:
    log_in(page, live_server.url, auditor.user.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/")
    page.get_by_label("From month").fill("January")
    page.get_by_role("button", name="Show this period").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_the_printable_report_has_no_violations(
    page: Page, live_server, auditor: Membership
) -> None:
    log_in(page, live_server.url, auditor.user.email, PASSWORD)
    page.goto(f"{live_server.url}/dashboard/report/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Working alongside")
    assert axe_violations(page) == []

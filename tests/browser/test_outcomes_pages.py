"""Restraint-reduction outcomes in a real browser: no axe-core violations (WCAG 2.2 A and
AA) on the service page with its chart, at 320 px wide, on the import's row-by-row report
and its success report, and on the form with errors; all without JavaScript needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.outcomes import months, services
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.opportunities.factories import opportunity
from tests.outcomes.factories import ago, figures, session_in, ward

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in(page: Page, live_server, riverside_coordinator: Membership) -> Page:
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    return page


def test_the_service_page_with_its_chart_has_no_violations_even_at_320px(
    signed_in: Page, live_server, riverside_coordinator: Membership
) -> None:
    service = ward(riverside_coordinator)
    work = opportunity(riverside_coordinator, title="Co-design", level="co_production")
    services.link_project(by=riverside_coordinator, service=service, opportunity=work)
    session_in(work, ago(3))
    for n in range(8, 0, -1):
        figures(riverside_coordinator, service, ago(n), physical_restraint=12 - n, seclusion=1)
    signed_in.goto(f"{live_server.url}/outcomes/services/{service.pk}/")
    expect(signed_in.get_by_text("association, not cause")).to_be_visible()
    assert axe_violations(signed_in) == []
    signed_in.set_viewport_size({"width": 320, "height": 800})
    assert axe_violations(signed_in) == []
    overflow = signed_in.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert not overflow
    signed_in.goto(f"{live_server.url}/outcomes/")
    assert axe_violations(signed_in) == []


def test_the_import_reports_have_no_violations(
    signed_in: Page, live_server, riverside_coordinator: Membership, tmp_path: Path
) -> None:
    ward(riverside_coordinator)
    last = months.iso(ago(1))
    bad = tmp_path / "bad.csv"
    bad.write_text(f"service,month,intervention,count\nNowhere,{last},hugging,-1\n")
    good = tmp_path / "good.csv"
    good.write_text(f"service,month,intervention,count\nWillow Ward,{last},seclusion,1\n")
    signed_in.goto(f"{live_server.url}/outcomes/import/")
    signed_in.get_by_label("Upload a CSV file").set_input_files(bad)
    signed_in.get_by_role("button", name="Import the figures").click()
    expect(signed_in.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(signed_in) == []
    signed_in.get_by_label("Upload a CSV file").set_input_files(good)
    signed_in.get_by_role("button", name="Import the figures").click()
    expect(signed_in.get_by_text("1 figure imported")).to_be_visible()
    assert axe_violations(signed_in) == []


def test_the_record_form_with_errors_has_no_violations(
    signed_in: Page, live_server, riverside_coordinator: Membership
) -> None:
    service = ward(riverside_coordinator)
    signed_in.goto(f"{live_server.url}/outcomes/services/{service.pk}/record/")
    assert axe_violations(signed_in) == []
    signed_in.get_by_label("Seclusion").fill("-3")
    signed_in.get_by_role("button", name="Save the figures").click()
    expect(signed_in.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(signed_in) == []

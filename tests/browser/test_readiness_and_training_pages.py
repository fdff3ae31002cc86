"""The readiness self-assessment and the Training Standard 1.5 evidence pages in a real
browser: no axe-core violations (WCAG 2.2 A and AA), with results, with an error shown,
and at 320 pixels wide."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.page_values import PartCast
from tests.browser.page_values.readiness import values as readiness_values
from tests.browser.page_values.training import values as training_values
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast(
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> PartCast:
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    return PartCast(
        riverside_admin, riverside_coordinator, riverside_contact, expert_at_riverside, offer
    )


def _no_overflow(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_the_readiness_pages_have_no_violations(page: Page, live_server, cast: PartCast) -> None:
    made = readiness_values(cast)
    log_in(page, live_server.url, cast.coordinator.user.email, PASSWORD)
    for path in ("/readiness/", "/readiness/new/", f"/readiness/{made['readiness_id']}/"):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/readiness/new/")
    page.get_by_role("button", name="Save the self-assessment").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/readiness/{made['readiness_id']}/")
    page.get_by_role("button", name="Mark done the action: Publish the board minutes.").click()
    expect(page.get_by_text("The action is marked done.")).to_be_visible()
    assert axe_violations(page) == []


def test_the_training_evidence_pages_have_no_violations(
    page: Page, live_server, cast: PartCast
) -> None:
    made = training_values(cast)
    course = made["training_opportunity_id"]
    log_in(page, live_server.url, cast.coordinator.user.email, PASSWORD)
    paths = (
        "/training-evidence/",
        f"/opportunities/{course}/training-evidence/",
        f"/opportunities/{course}/training-evidence/record/",
    )
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.get_by_label("How was it done?").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_the_pages_fit_320_pixels(page: Page, live_server, cast: PartCast) -> None:
    readiness = readiness_values(cast)
    course = training_values(cast)["training_opportunity_id"]
    page.set_viewport_size({"width": 320, "height": 800})
    log_in(page, live_server.url, cast.coordinator.user.email, PASSWORD)
    for path in (
        f"/readiness/{readiness['readiness_id']}/",
        "/readiness/new/",
        f"/opportunities/{course}/training-evidence/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
        assert _no_overflow(page), path

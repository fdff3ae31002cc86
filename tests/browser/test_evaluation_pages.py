"""The evaluation pages and the scorecard in a real browser: no axe-core violations
(WCAG 2.2 A and AA), at full width and at 320 px, with errors shown, and the feedback
form answered with the keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.evaluation.services.learning import record_impact
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.evaluation.factories import finished

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_feedback_form_is_answered_with_the_keyboard(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = finished(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-feedback/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/my-feedback/{offer.pk}/")
    assert axe_violations(page) == []
    radio = page.get_by_role("group", name="I felt safe").get_by_label("Agree", exact=True)
    radio.focus()
    page.keyboard.press("Space")
    page.get_by_label("Do not show my name with my answers").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Send").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Thank you for telling us how it went.")).to_be_visible()
    answer = FeedbackAnswer.objects.get()
    assert answer.safe == 4
    assert answer.person_id is None


def test_the_easy_read_form_and_an_error_have_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = finished(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-feedback/{offer.pk}/easy-read/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/you-said-we-did/")
    assert axe_violations(page) == []


def test_the_staff_pages_have_no_violations(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = finished(riverside_coordinator, expert_at_riverside)
    record_impact(
        by=riverside_coordinator,
        opportunity=offer.opportunity,
        you_said="The room was loud.",
        we_did="We found a quiet room.",
        contributor_ids=[expert_at_riverside.pk],
        standards=["impact"],
    )
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    base = f"{live_server.url}/opportunities/{offer.opportunity_id}"
    for path in ("feedback/", "reflection/", "impact/", "scorecard/"):
        page.goto(f"{base}/{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{base}/reflection/")
    page.get_by_role("button", name="Save the reflection").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ("feedback/", "impact/", "scorecard/"):
        page.goto(f"{base}/{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/impact/standards/")
    assert axe_violations(page) == []

"""Wellbeing checks, the power to stop, the action needed list and the contact person's
home page in a real browser, with data on them: no axe-core violations (WCAG 2.2 A and
AA), and each step works with real forms."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, CheckKind, WellbeingCheck
from powerwith.engagements.queries.wellbeing import opens_at
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.engagements.factories import booked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def booking(
    riverside_coordinator: Membership, riverside_contact: Membership, expert_at_riverside: Person
) -> Attendance:
    """Alex is booked, and the check before the session is open today."""
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    WellbeingCheck.objects.filter(attendance=booking, kind=CheckKind.BEFORE).update(
        due_at=opens_at(timezone.now())
    )
    return booking


def test_the_person_answers_a_check_and_takes_time_out(
    page: Page, live_server, booking: Attendance
) -> None:
    user = booking.person.user
    assert user is not None
    log_in(page, live_server.url, user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-wellbeing/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Before the session check").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Not so good").check()
    page.get_by_label("I would like support").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Your contact person has been told")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/my-sessions/{booking.session_id}/stop/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Take time out").click()
    expect(page.get_by_text("Your pay for the booked time is not affected.")).to_be_visible()
    assert axe_violations(page) == []


def test_the_contact_person_sees_it_and_marks_it_done(
    page: Page, live_server, booking: Attendance, riverside_contact: Membership
) -> None:
    from powerwith.engagements.services.stop import stop_or_time_out
    from tests.engagements.factories import expert_membership

    session = booking.session
    stop_or_time_out(
        person=booking.person,
        session=session,
        opportunity=session.opportunity,
        kind="support",
        by=expert_membership(booking.person, session.opportunity.organisation_id),
    )
    log_in(page, live_server.url, riverside_contact.user.email, PASSWORD)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Support requests")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/action-needed/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Mark as done").first.click()
    expect(page.get_by_text("You have nothing to do on this list right now.")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/wellbeing-checks/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    page.get_by_label("Took time out").check()
    page.get_by_role("button", name="Record for Alex").click()
    expect(page.get_by_text("Recorded for Alex")).to_be_visible()
    assert axe_violations(page) == []

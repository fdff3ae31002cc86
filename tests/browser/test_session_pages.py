"""Session pages in a real browser: booking from the session page with the keyboard's
buttons, the gate's message, the person's own session and adjustment request, and the
calendar feed page, each with no axe-core violations (WCAG 2.2 A and AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.engagements.factories import accepted_offer, booked, consents

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_books_someone_from_the_session_page(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    session = Session.objects.filter(opportunity=offer.opportunity).get()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    expect(page.get_by_text("Alex has not given consent to take part")).to_be_visible()
    assert axe_violations(page) == []
    consents(expert_at_riverside, offer, "take_part")
    page.reload()
    page.get_by_role("button", name="Book Alex").click()
    expect(page.get_by_text("Alex is booked")).to_be_visible()
    assert axe_violations(page) == []


def test_the_gates_message_is_shown_in_the_error_summary(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = Session.objects.filter(opportunity=offer.opportunity).get()
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/sessions/{session.pk}/")
    # The session becomes recorded after the page was loaded: a stale page's booking.
    Session.objects.filter(pk=session.pk).update(recorded=True)
    page.get_by_role("button", name="Book Alex").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_text("has not given consent to be recorded").first).to_be_visible()
    assert axe_violations(page) == []


def test_the_person_reads_their_session_and_asks_for_an_adjustment(
    page: Page, live_server, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = booked(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-sessions/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/my-sessions/{booking.session_id}/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Ask for a reasonable adjustment").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Anything else that would help").fill("A quiet room for breaks.")
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("Waiting for your contact person to confirm")).to_be_visible()


def test_the_calendar_feed_page_shows_the_address_once(
    page: Page, live_server, riverside_coordinator: Membership
) -> None:
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/account/calendar/")
    page.get_by_role("button", name="Make a calendar feed").click()
    expect(page.get_by_text("Your feed is ready")).to_be_visible()
    assert axe_violations(page) == []


def test_the_staff_session_pages_have_no_violations(
    page: Page,
    live_server,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> None:
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    session = booking.session
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    for path in (
        f"/opportunities/{session.opportunity_id}/sessions/",
        f"/opportunities/{session.opportunity_id}/sessions/new/",
        f"/sessions/{session.pk}/change/",
        f"/sessions/{session.pk}/cancel/",
        f"/sessions/{session.pk}/adjustments/new/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/sessions/{session.pk}/adjustments/new/")
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Alex").check()
    page.get_by_label("What would help").fill("A ramp at the door.")
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("A ramp at the door.")).to_be_visible()
    assert axe_violations(page) == []

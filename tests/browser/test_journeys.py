"""The main journeys with the keyboard alone, step by step: with JavaScript, without it,
and on a 320 pixel wide phone (where nothing may scroll sideways).

Each step is a key press a keyboard user would make; ``KeyboardOnly`` checks at every
Tab that focus is visible and moves forward through the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.consent.queries import state_of
from powerwith.engagements.models import Attendance, Session, StopEvent, WellbeingCheck
from powerwith.engagements.services.booking import book
from powerwith.offers.models import Offer, OfferStatus
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEXT_YEAR = str(date.today().year + 1)

# (JavaScript on, viewport width): the desktop with and without JavaScript, and a phone.
WAYS = {
    "keyboard": (True, 1280),
    "keyboard-no-javascript": (False, 1280),
    "keyboard-320px": (True, 320),
}


@pytest.fixture(params=list(WAYS))
def keyboard(request, browser: Browser) -> Iterator[KeyboardOnly]:
    javascript, width = WAYS[request.param]
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    yield KeyboardOnly(page, check_reflow=width == 320)
    context.close()


def log_in_by_keyboard(keys: KeyboardOnly, base_url: str, email: str) -> None:
    keys.page.goto(f"{base_url}/login/")
    keys.start_over()
    keys.type_into("Email address", email)
    keys.type_into("Password", PASSWORD)
    keys.submit("Log in")
    expect(keys.page.get_by_role("heading", level=1)).to_be_visible()


def open_menu_if_folded(keys: KeyboardOnly) -> None:
    """On a phone, with JavaScript, the service navigation folds behind a Menu button."""
    page: Page = keys.page
    toggle = page.locator(".govuk-service-navigation__toggle")
    if toggle.count() and toggle.is_visible():
        keys.tab_to("Menu", exact=True)
        page.keyboard.press("Enter")


def test_a_coordinator_creates_an_opportunity_matches_and_sends_an_offer(
    keyboard: KeyboardOnly,
    live_server,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
):
    keys = keyboard
    log_in_by_keyboard(keys, live_server.url, riverside_coordinator.user.email)

    open_menu_if_folded(keys)
    keys.follow("Opportunities", exact=True)
    keys.follow("Create an opportunity")
    keys.type_into("Title", "Ward panel", exact=True)
    keys.choose("level", "Co-production")
    keys.tick("Training resources")
    keys.type_into("What the person is asked to do", "Tell us what helped you.")
    keys.choose("location_mode", "In person")
    keys.type_into("Address", "Riverside House, 1 Mill Lane, Leeds", exact=True)
    keys.type_into("Day", "12", exact=True)
    keys.type_into("Month", "1", exact=True)
    keys.type_into("Year", NEXT_YEAR, exact=True)
    keys.type_into("Start time", "10:00")
    keys.type_into("Length in minutes", "180")
    keys.choose("reward_basis", "Paid by the hour")
    keys.type_into("Amount in pounds", "25")
    keys.type_into("Paid within how many days", "14")
    keys.tick("Travel", exact=True)
    keys.select("Contact person", riverside_contact.user.email)
    keys.tick("Shared inside the organisation")
    keys.choose("status", "Open")
    keys.submit("Save the opportunity")
    expect(keys.page.get_by_role("heading", level=1)).to_have_text("Ward panel")
    opportunity = Opportunity.objects.get(title="Ward panel")

    keys.follow("Find people with the right experience")
    expect(keys.page.get_by_role("heading", level=1)).to_have_text(
        "People with the right experience"
    )
    keys.submit(f"Make an offer to {expert_at_riverside.preferred_name}")
    offer = Offer.objects.get(opportunity=opportunity, person=expert_at_riverside)
    assert offer.status == OfferStatus.DRAFT

    keys.type_into("A message to the person", "We would like you to join us.")
    keys.type_into("Reasonable adjustments agreed", "Papers in large print.")
    keys.type_into("Support arrangements", "A debrief with your contact person.")
    keys.select("How the payment is made", "Bank transfer")
    keys.submit("Save the terms")
    keys.submit("Send the offer")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT, keys.page.locator("main").inner_text()[:1500]
    expect(keys.page.locator(".govuk-notification-banner")).to_contain_text(
        "Version 1 of the offer is sent to"
    )


def open_the_before_check_now(person: Person) -> None:
    """The coordinator books the person (as they would on the session page), and the
    session is today, so its "before" check is open."""
    booking = Attendance.objects.get(person=person)
    booking.wellbeing_checks.filter(kind="before").update(due_at=timezone.now())


def test_an_expert_reads_accepts_consents_checks_in_stops_and_withdraws(
    keyboard: KeyboardOnly,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
):
    keys = keyboard
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    log_in_by_keyboard(keys, live_server.url, expert_at_riverside.user.email)

    open_menu_if_folded(keys)
    keys.follow("Your offers", exact=True)
    keys.follow(offer.opportunity.title)
    keys.follow("Easy read")
    expect(keys.page.locator("body")).to_contain_text(offer.opportunity.title)
    keys.page.go_back()  # the browser's own Back (Alt+Left)
    keys.start_over()

    keys.submit("Accept this offer")
    expect(keys.page.get_by_text("You have accepted this offer. Thank you.")).to_be_visible()
    keys.follow("Your consent for this work")
    keys.tick("Take part in this opportunity")
    keys.tick("Be quoted")
    keys.submit("Give my consent")
    expect(keys.page.get_by_text("Thank you. You gave your consent to")).to_be_visible()

    session = Session.objects.get(opportunity=offer.opportunity)
    book(session=session, person=expert_at_riverside, by=riverside_coordinator)
    open_the_before_check_now(expert_at_riverside)

    keys.page.goto(f"{live_server.url}/")
    keys.start_over()
    keys.follow("Your wellbeing checks")
    keys.follow("Before the session check")
    keys.choose("feeling", "Good", exact=True)
    keys.submit("Send")
    expect(keys.page.get_by_text("Thank you for telling us how you are.")).to_be_visible()
    check = WellbeingCheck.objects.get(attendance__person=expert_at_riverside, kind="before")
    assert check.completed_at is not None
    assert check.feeling == 4

    open_menu_if_folded(keys)
    keys.follow("Your sessions", exact=True)
    keys.follow(f"{timezone.localtime(session.starts_at):%A %-d %B %Y}")
    keys.follow("Stop or take time out")
    keys.submit("Take time out")
    expect(keys.page.get_by_role("heading", level=1)).to_contain_text("Take the time you need")
    assert StopEvent.objects.filter(person=expert_at_riverside, kind="time_out").count() == 1

    open_menu_if_folded(keys)
    keys.follow("Your consents", exact=True)
    keys.submit("Withdraw consent: Be quoted")
    expect(keys.page.get_by_text("You have withdrawn your consent: Be quoted")).to_be_visible()
    state = state_of(
        expert_at_riverside, offer.organisation, "be_quoted", offer.opportunity_id, None
    )
    assert state is not None
    assert not state.is_given

"""Staff record, from the session page and with the keyboard alone, that a person with
no login told them on the phone they want time out, and by letter that they would like
an adjustment; axe-core on every page on the way. The same forms work without
JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Adjustment, StopEvent
from powerwith.people.models import ActedFor
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.workflows.factories import booked_on_their_word, no_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def audited(page: Page) -> None:
    assert axe_violations(page) == [], page.url


def as_user(browser: Browser, base: str, email: str, javascript: bool = True) -> Page:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    log_in(page, base, email, PASSWORD)
    return page


def test_time_out_and_an_adjustment_are_recorded_with_the_keyboard_alone(
    browser: Browser, live_server, riverside_coordinator: Membership
) -> None:
    base = live_server.url
    nia = no_login(riverside_coordinator)
    booking = booked_on_their_word(riverside_coordinator, nia)
    page = as_user(browser, base, riverside_coordinator.user.email)
    staff = KeyboardOnly(page)

    page.goto(f"{base}/sessions/{booking.session_id}/")
    audited(page)
    staff.follow("Record that Nia wants time out, to stop or support")
    audited(page)
    staff.follow("Record their answer")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    audited(page)
    staff.start_over()
    staff.choose("kind", "They want to take time out")
    staff.choose("scope", "The work as a whole")
    staff.choose("method", "On the phone")
    staff.type_into("Note about how they told you", "She rang the office.")
    staff.follow("Record their answer")
    told = "Recorded for Nia. Their contact person has been told."
    expect(page.get_by_text(told)).to_be_visible()
    audited(page)
    event = StopEvent.objects.get(person=nia)
    assert event.kind == "time_out"

    staff.start_over()
    staff.follow("Record an adjustment Nia asked for")
    audited(page)
    staff.choose("category", "Timing and breaks")
    staff.type_into("What would help, in their words", "A break every half hour.")
    staff.choose("method", "By letter")
    staff.follow("Record their answer")
    expect(page.get_by_text("The adjustment Nia asked for is recorded.")).to_be_visible()
    audited(page)
    assert Adjustment.objects.get(person=nia).details == "A break every half hour."
    methods = set(
        ActedFor.objects.filter(subject__in=["stop_event", "adjustment"]).values_list(
            "subject", "method"
        )
    )
    assert methods == {("stop_event", "phone"), ("adjustment", "letter")}


def test_the_forms_work_without_javascript(
    browser: Browser, live_server, riverside_coordinator: Membership
) -> None:
    base = live_server.url
    nia = no_login(riverside_coordinator)
    booking = booked_on_their_word(riverside_coordinator, nia)
    page = as_user(browser, base, riverside_coordinator.user.email, javascript=False)

    page.goto(f"{base}/bookings/{booking.pk}/record-stop/")
    page.get_by_label("They want to stop").check()
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Record their answer").click()
    expect(page.get_by_text("Recorded for Nia.")).to_be_visible()
    assert StopEvent.objects.get(person=nia).kind == "stop"

    page.goto(f"{base}/bookings/{booking.pk}/record-adjustment/")
    page.get_by_label("What would help, in their words").fill("A quiet room.")
    page.get_by_label("Through their supporter").check()
    page.get_by_role("button", name="Record their answer").click()
    expect(page.get_by_text("The adjustment Nia asked for is recorded.")).to_be_visible()
    assert Adjustment.objects.get(person=nia).details == "A quiet room."

"""Each home page starts with what needs the reader now: on a phone the first task is on
the first screen, without scrolling; on a desktop too; and the pages pass axe-core."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from powerwith.accounts.models import Membership
from powerwith.engagements.services.sessions import add_session
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.offers.factories import complete_opportunity, sent_offer
from tests.payments.factories import expense_claim, offer_of, worked

WIDTHS = pytest.mark.parametrize(
    ("width", "height"), [(320, 640), (1280, 800)], ids=["phone", "desktop"]
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@WIDTHS
def test_the_experts_first_task_is_seen_without_scrolling(
    browser: Browser,
    live_server,
    width: int,
    height: int,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
) -> None:
    for _ in range(3):
        sent_offer(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    first = page.get_by_role("link", name="3 offers are waiting for your answer")
    expect(first).to_be_in_viewport()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("offers")
    context.close()


def test_the_contact_persons_first_task_is_seen_on_a_phone(
    browser: Browser, live_server, riverside_contact: Membership
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    log_in(page, live_server.url, riverside_contact.user.email, PASSWORD)
    expect(page.get_by_text("Nothing needs you now.")).to_be_in_viewport()
    assert axe_violations(page) == []
    context.close()


@WIDTHS
@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_admin"])
def test_the_first_task_of_staff_who_oversee_the_work_is_seen_without_scrolling(
    request, browser: Browser, live_server, width: int, height: int, role: str, expert_at_riverside
) -> None:
    """A claim waits for approval, and a session is coming up below it."""
    member: Membership = request.getfixturevalue(role)
    expense_claim(offer_of(worked(member, expert_at_riverside)))
    soon = timezone.now().replace(second=0, microsecond=0) + timedelta(days=2)
    add_session(complete_opportunity(member, sessions=0), by=member, starts_at=soon, minutes=60)
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    log_in(page, live_server.url, member.user.email, PASSWORD)
    expect(page.get_by_role("link", name="1 claim to approve")).to_be_in_viewport()
    expect(page.get_by_role("heading", name="Coming up")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@WIDTHS
def test_with_nothing_to_do_the_auditor_is_told_so_on_the_first_screen(
    browser: Browser, live_server, width: int, height: int, riverside_auditor: Membership
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    log_in(page, live_server.url, riverside_auditor.user.email, PASSWORD)
    expect(page.get_by_text("Nothing needs you now.")).to_be_in_viewport()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()

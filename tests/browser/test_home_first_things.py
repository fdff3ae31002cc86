"""Each home page starts with what needs the reader now: on a phone the first task is on
the first screen, without scrolling; on a desktop too; and the pages pass axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("width", "height"), [(320, 640), (1280, 800)], ids=["phone", "desktop"])
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

"""Larger text never breaks words: at every text size on a 320 pixel screen, no word in a
tag, heading, button, menu link or table cell is split across two lines, and the key
pages (with "Easy read first" on too) have no axe-core violations (WCAG 2.2 A, AA)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts import services
from powerwith.accounts.models import Membership, User
from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent
from powerwith.people.models import Person
from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.consent.factories import own
from tests.evaluation.factories import finished
from tests.offers.factories import sent_offer
from tests.payments.factories import expense_claim, offer_of, paid, time_claim, worked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 320
TEXT_SIZES = ("standard", "large", "larger")
CHECKED = (
    ".govuk-tag, h1, h2, h3, .govuk-button, .govuk-service-navigation__link, "
    ".govuk-summary-list__key, .govuk-back-link, .govuk-table__header, .govuk-table__cell"
)

# Each word's letters are measured one by one with a Range: a word whose letters sit on
# more than one line was split. Words wider than the page's whole column (an e-mail
# address, its letters' widths added up) may break, as they must to fit; they are left
# out. A word that would fit the column but not the box it was squeezed into is split.
SPLIT_WORDS = """selector => {
    const split = [];
    const lineWidth = (document.querySelector("main") || document.body).clientWidth;
    for (const element of document.querySelectorAll(selector)) {
        if (!element.offsetParent) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent;
            for (const match of text.matchAll(/\\S+/g)) {
                const range = document.createRange();
                const tops = new Set();
                let wordWidth = 0;
                for (let i = match.index; i < match.index + match[0].length; i++) {
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const rect = range.getBoundingClientRect();
                    if (rect.width > 0) tops.add(Math.round(rect.top));
                    wordWidth += rect.width;
                }
                const longerThanTheLine = match[0].length > 1 && tops.size > 1
                    && wordWidth >= lineWidth - 2;
                if (tops.size > 1 && !longerThanTheLine) split.push(match[0]);
            }
        }
    }
    return split;
}"""


def split_words(page: Page) -> list[str]:
    return list(page.evaluate(SPLIT_WORDS, CHECKED))


def on_a_phone(browser: Browser, base: str, user: User) -> Page:
    page = browser.new_context(viewport={"width": WIDTH, "height": 640}).new_page()
    log_in(page, base, user.email, PASSWORD)
    return page


def at_each_text_size(
    page: Page,
    base: str,
    user: User,
    paths: list[str],
    look: Callable[[Page], list[Any]],
    *,
    sideways: bool = False,
) -> dict[str, list[Any]]:
    """What ``look`` finds on each page at each text size (and, with ``sideways``, the
    pages that scroll sideways), keyed by page and text size."""
    found: dict[str, list[Any]] = {}
    for text_size in TEXT_SIZES:
        services.change_display_settings(user=user, changes={"text_size": text_size})
        for path in paths:
            page.goto(f"{base}{path}")
            seen = look(page)
            if seen:
                found[f"{path} ({text_size} text)"] = seen
            if sideways and page.evaluate("document.documentElement.scrollWidth") > WIDTH:
                found[f"{path} ({text_size} text) scrolls sideways"] = []
    return found


def test_no_word_is_split_at_any_text_size_on_a_320_pixel_screen(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
):
    expert_at_riverside.formats = ["large_print"]
    expert_at_riverside.save()
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    user = expert_at_riverside.user
    assert user is not None
    # "Recommended for you" is the tag that broke as "Recommen-ded".
    services.change_display_settings(user=user, changes={"easy_read_first": True})
    paths = ["/", "/my-offers/", f"/my-offers/{offer.pk}/", "/my-information/", "/account/"]
    page = on_a_phone(browser, live_server.url, user)
    found = at_each_text_size(page, live_server.url, user, paths, split_words)
    page.context.close()
    assert found == {}


def test_no_word_in_a_persons_own_tables_is_split_on_a_phone(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
):
    """Someone who works with two organisations sees each row's organisation: long
    names and long titles stay whole words on a 320 pixel screen at every text size."""
    sent_offer(riverside_coordinator, expert_at_both, title="Rapid tranquilisation review")
    booking = worked(riverside_coordinator, expert_at_both, title="Restraint reduction course")
    paid(time_claim(booking), riverside_coordinator, paid_on=timezone.localdate())
    expense_claim(offer_of(booking))
    finished(hillview_coordinator, expert_at_both, title="Seclusion experiences study")
    record_read(
        viewer=hillview_coordinator,
        person=expert_at_both,
        what=What.WELLNESS_ACTION_PLAN,
        where="/",
    )
    user = expert_at_both.user
    assert user is not None
    paths = [
        "/my-offers/",
        "/my-sessions/",
        "/my-claims/",
        "/my-claims/statement/",
        "/my-consents/",
        "/my-information/who-looked/",
    ]
    page = on_a_phone(browser, live_server.url, user)
    found = at_each_text_size(page, live_server.url, user, paths, split_words, sideways=True)
    # Stacked for the eye, still a table for a screen reader: each organisation is a cell
    # under the "From" column, and the labels shown on the phone are not read twice.
    page.goto(f"{live_server.url}/my-offers/")
    from_column = page.get_by_role("columnheader", name="From")
    expect(from_column).to_have_count(1)
    riverside_cells = page.get_by_role("cell", name="Riverside Care Partnership", exact=True)
    expect(riverside_cells).to_have_count(2)  # an offer to answer, and one accepted
    page.context.close()
    assert not found, "\n".join(f"{where}: {words}" for where, words in found.items())


def test_the_splitting_check_finds_a_split_word(page: Page, live_server):
    """The check itself: a tag squeezed narrower than its word is reported."""
    page.set_viewport_size({"width": WIDTH, "height": 640})
    page.goto(f"{live_server.url}/login/")
    page.evaluate(
        """() => {
            const tag = document.createElement("strong");
            tag.className = "govuk-tag";
            tag.style.cssText = "display:inline-block; width:40px; overflow-wrap:anywhere";
            tag.textContent = "Recommended";
            document.querySelector("main").append(tag);
        }"""
    )
    assert "Recommended" in split_words(page)


def test_key_pages_have_no_violations_at_each_text_size_with_easy_read_first(
    browser: Browser,
    live_server,
    riverside,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    grant_consent(
        person=expert_at_riverside, scope="publish", actor=own(expert_at_riverside, riverside.pk)
    )
    event = ConsentEvent.objects.filter(person=expert_at_riverside).last()
    assert event is not None
    user = expert_at_riverside.user
    assert user is not None
    services.change_display_settings(user=user, changes={"easy_read_first": True})
    paths = [
        "/",
        f"/my-offers/{offer.pk}/",
        f"/consent-receipts/{event.pk}/",
        "/my-information/",
    ]
    page = on_a_phone(browser, live_server.url, user)
    found = at_each_text_size(page, live_server.url, user, paths, axe_violations, sideways=True)
    page.context.close()
    assert found == {}

"""Larger text never breaks words: at every text size on a 320 pixel screen, no word in a
tag, heading, button or menu link is split across two lines, and the key pages (with
"Easy read first" on too) have no axe-core violations (WCAG 2.2 A, AA)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from powerwith.accounts import services
from powerwith.accounts.models import Membership
from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.consent.factories import own
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 320
TEXT_SIZES = ("standard", "large", "larger")
CHECKED = (
    ".govuk-tag, h1, h2, h3, .govuk-button, .govuk-service-navigation__link, "
    ".govuk-summary-list__key, .govuk-back-link"
)

# Each word's letters are measured one by one with a Range: a word whose letters sit on
# more than one line was split. Words longer than the line itself (an e-mail address in a
# heading) may break, as they must to fit; they are left out.
SPLIT_WORDS = """selector => {
    const split = [];
    for (const element of document.querySelectorAll(selector)) {
        if (!element.offsetParent) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const lineWidth = element.getBoundingClientRect().width;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent;
            for (const match of text.matchAll(/\\S+/g)) {
                const range = document.createRange();
                const tops = new Set();
                for (let i = match.index; i < match.index + match[0].length; i++) {
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const rect = range.getBoundingClientRect();
                    if (rect.width > 0) tops.add(Math.round(rect.top));
                }
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const whole = range.getBoundingClientRect();
                const longerThanTheLine = match[0].length > 1 && tops.size > 1
                    && whole.width >= lineWidth - 2;
                if (tops.size > 1 && !longerThanTheLine) split.push(match[0]);
            }
        }
    }
    return split;
}"""


def split_words(page: Page) -> list[str]:
    return list(page.evaluate(SPLIT_WORDS, CHECKED))


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
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    page = context.new_page()
    log_in(page, live_server.url, user.email, PASSWORD)
    found = {}
    for text_size in TEXT_SIZES:
        services.change_display_settings(user=user, changes={"text_size": text_size})
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            split = split_words(page)
            if split:
                found[f"{path} ({text_size} text)"] = split
    context.close()
    assert found == {}


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
    context = browser.new_context(viewport={"width": WIDTH, "height": 640})
    page = context.new_page()
    log_in(page, live_server.url, user.email, PASSWORD)
    found = {}
    for text_size in TEXT_SIZES:
        services.change_display_settings(user=user, changes={"text_size": text_size})
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            violations = axe_violations(page)
            if violations:
                found[f"{path} ({text_size} text)"] = violations
            if page.evaluate("document.documentElement.scrollWidth") > WIDTH:
                found[f"{path} ({text_size} text) scrolls sideways"] = []
    context.close()
    assert found == {}

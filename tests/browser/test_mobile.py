"""The main pages of each role on a 320 pixel wide phone, with standard and with the
largest text: nothing scrolls sideways (WCAG 2.2 1.4.10 Reflow)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from powerwith.accounts import services
from powerwith.accounts.models import Membership, User
from powerwith.people.models import Person
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 320


def test_the_main_pages_fit_a_320_pixel_screen(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    pages: dict[User, list[str]] = {
        riverside_coordinator.user: [
            "/",
            "/people/",
            f"/people/{expert_at_riverside.pk}/",
            f"/opportunities/{offer.opportunity_id}/",
            f"/opportunities/{offer.opportunity_id}/matches/",
            f"/offers/{offer.pk}/",
            "/offers/",
            "/opportunities/",
            "/organisation/rates/",
            "/organisation/members/",
            "/account/",
        ],
        expert_at_riverside.user: [
            "/",
            "/my-offers/",
            f"/my-offers/{offer.pk}/",
            "/my-profile/edit/",
        ],
    }
    too_wide = {}
    for user, paths in pages.items():
        context = browser.new_context(viewport={"width": WIDTH, "height": 640})
        page = context.new_page()
        log_in(page, live_server.url, user.email, PASSWORD)
        for text_size in ["standard", "larger"]:
            services.change_display_settings(user=user, changes={"text_size": text_size})
            for path in paths:
                page.goto(f"{live_server.url}{path}")
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > WIDTH:
                    too_wide[f"{path} ({text_size} text)"] = width
        context.close()
    assert too_wide == {}

"""One life across two organisations, in a real browser: Sam works with Riverside and
Hillview, and Hillview is the organisation current in her session. Without ever pressing
"Switch" she accepts a Riverside offer, claims for a Riverside session and tells Hillview
how its work went — on a phone and on a desktop, one action by keyboard alone, one with
JavaScript turned off, and axe-core (WCAG 2.2 A and AA) on every page on the way."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership, Organisation
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.offers.models import OfferStatus
from powerwith.payments.models import Claim
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.evaluation.factories import finished
from tests.offers.factories import sent_offer
from tests.payments.factories import worked

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RIVERSIDE = "Riverside Care Partnership"
HILLVIEW = "Hillview Health NHS Foundation Trust"
PHONE, DESKTOP = 375, 1280


def audited(page: Page) -> Page:
    assert axe_violations(page) == [], page.url
    return page


def as_sam(browser: Browser, base: str, sam: Person, width: int, *, javascript: bool) -> Page:
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=javascript
    )
    page = context.new_page()
    assert sam.user is not None
    log_in(page, base, sam.user.email, PASSWORD)
    return page


def current_organisation(page: Page) -> str:
    """The organisation the session acts in, as the switcher shows it."""
    switcher = page.locator("#switch-organisation, #switch-organisation-menu").first
    return switcher.locator("option[selected]").inner_text().strip()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_sam_acts_on_both_organisations_things_without_switching(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    hillview: Organisation,
    expert_at_both: Person,
    width: int,
) -> None:
    base = live_server.url
    sam = expert_at_both
    offer = sent_offer(riverside_coordinator, sam, title="Restraint reduction course")
    worked(riverside_coordinator, sam, title="Ward rounds review")
    leaflet = finished(hillview_coordinator, sam, title="Discharge leaflet")
    page = as_sam(browser, base, sam, width, javascript=True)
    assert current_organisation(page) == HILLVIEW

    # Her offers: both organisations together, each named, the Riverside one accepted by
    # keyboard alone after filtering to Riverside.
    page.goto(f"{base}/my-offers/")
    audited(page)
    rows = page.locator("tbody tr")
    expect(rows.filter(has_text="Restraint reduction course")).to_contain_text(RIVERSIDE)
    expect(rows.filter(has_text="Ward rounds review")).to_contain_text(RIVERSIDE)
    expect(rows.filter(has_text="Discharge leaflet")).to_contain_text(HILLVIEW)
    keyboard = KeyboardOnly(page, check_reflow=True)
    keyboard.start_over()
    keyboard.select("Show offers from", RIVERSIDE)
    keyboard.submit("Show")
    audited(page)
    expect(page.get_by_text(f"Showing offers from {RIVERSIDE}.")).to_be_visible()
    expect(page.locator("tbody")).not_to_contain_text("Discharge leaflet")
    keyboard.follow("Restraint reduction course")
    audited(page)
    keyboard.submit("Accept this offer")
    expect(page.get_by_text("You have accepted this offer. Thank you.")).to_be_visible()
    audited(page)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED

    # Her claims, with JavaScript turned off (axe needs JavaScript, so it reads the same
    # pages in the other window): time for the Riverside session.
    for path in ("/my-claims/", "/my-claims/time/"):
        page.goto(f"{base}{path}")
        audited(page)
    plain = as_sam(browser, base, sam, width, javascript=False)
    plain.goto(f"{base}/my-claims/")
    plain.get_by_role("link", name="Claim for your time at a session").click()
    sessions = plain.get_by_role("group", name="Which session are you claiming for?")
    sessions.get_by_label(f"Ward rounds review ({RIVERSIDE})", exact=False).check()
    plain.get_by_role("button", name="Send the claim").click()
    expect(plain.get_by_text("Your claim for your time is sent for approval.")).to_be_visible()
    claim = Claim.objects.get()
    assert claim.organisation.name == RIVERSIDE
    page.goto(f"{base}/my-claims/{claim.pk}/")
    audited(page)
    page.goto(f"{base}/my-claims/")
    audited(page)
    expect(page.locator("tbody")).to_contain_text(f"Ward rounds review ({RIVERSIDE})")

    # Her feedback: Hillview's work, with the mouse (or a finger).
    page.goto(f"{base}/my-feedback/")
    audited(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Discharge leaflet", exact=True).click()
    audited(page)
    page.get_by_role("group", name="I felt safe").get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Thank you for telling us how it went.")).to_be_visible()
    audited(page)
    assert FeedbackAnswer.objects.get().opportunity_id == leaflet.opportunity_id

    # Her sessions and her information: both organisations, and a Riverside session opens.
    page.goto(f"{base}/my-sessions/")
    audited(page)
    page.locator("tbody tr", has_text="Ward rounds review").get_by_role("link").click()
    expect(page.locator("main")).to_contain_text("Ward rounds review")
    audited(page)
    page.goto(f"{base}/my-information/")
    audited(page)
    held = page.locator("#organisations-holding")
    expect(held).to_contain_text(RIVERSIDE)
    expect(held).to_contain_text(HILLVIEW)
    held.get_by_role("link", name=f"who at {RIVERSIDE} has looked at your information").click()
    expect(page.get_by_text(f"Showing people who looked from {RIVERSIDE}.")).to_be_visible()
    audited(page)

    # Nothing was switched on the way: Hillview is still current.
    assert current_organisation(page) == HILLVIEW
    assert current_organisation(plain) == HILLVIEW
    assert hillview.name == HILLVIEW

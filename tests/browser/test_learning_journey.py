"""Sharing the learning in a real browser: a coordinator drafts a summary from the
records, an expert who took part comments on the draft without JavaScript, the clarity
checker holds back a promise, the coordinator publishes, and a coordinator at another
organisation finds it in the network library and reads it, in easy read too — with
axe-core run on every page on the way, and the draft made with the keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.learning import benchmarks, services
from powerwith.learning.models import LearningSummary
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.learning.factories import work_with_two_experts

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROMISE = "This will definitely end restraint on every ward."


def audited(page: Page, url: str | None = None) -> Page:
    """axe-core on the page (in a context with JavaScript: it runs in the page)."""
    if url is not None:
        page.goto(url)
    assert axe_violations(page) == [], page.url
    return page


def as_user(browser: Browser, base: str, email: str, *, javascript: bool = True) -> Page:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    log_in(page, base, email, PASSWORD)
    return page


def tab_to(page: Page, element_id: str, limit: int = 80) -> None:
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} was never reached with the keyboard")


def test_a_summary_goes_from_draft_to_the_library(
    browser: Browser,
    live_server,
    riverside,
    riverside_coordinator: Membership,
    riverside_admin: Membership,
    hillview_coordinator: Membership,
):
    base = live_server.url
    offer, _zephyrine, quillon = work_with_two_experts(riverside_coordinator, riverside)

    # The admin chooses to share, on the page.
    admin = as_user(browser, base, riverside_admin.user.email)
    audited(admin, f"{base}/network/settings/")
    admin.get_by_label("Publish our learning summaries to the network library").check()
    admin.get_by_role("button", name="Save your choices").click()
    expect(admin.get_by_text("Your choices about the network are saved.")).to_be_visible()

    # The coordinator drafts one, with the keyboard alone.
    coordinator = as_user(browser, base, riverside_coordinator.user.email)
    audited(coordinator, f"{base}/learning/")
    tab_to(coordinator, "id_opportunity")
    coordinator.keyboard.press("ArrowDown")
    coordinator.keyboard.press("Tab")
    coordinator.keyboard.press("Enter")
    coordinator.wait_for_url("**/edit/")
    audited(coordinator)
    summary = LearningSummary.objects.get()
    assert offer.opportunity.purpose in coordinator.get_by_label("What was done").input_value()
    coordinator.get_by_label("What we would do differently").fill(PROMISE)
    coordinator.get_by_role("button", name="Save the changes").click()
    audited(coordinator)
    expect(coordinator.get_by_text("must change before publishing").first).to_be_visible()

    # An expert who took part reads the draft and comments, without JavaScript.
    assert quillon.user is not None
    seen = as_user(browser, base, quillon.user.email)
    audited(seen, f"{base}/learning/")
    audited(seen, f"{base}/learning/summaries/{summary.pk}/")
    seen.get_by_role("button", name="Send your comment").click()
    audited(seen)  # the form's error, with its summary
    expect(seen.locator(".govuk-error-summary")).to_be_visible()
    expert = as_user(browser, base, quillon.user.email, javascript=False)
    expert.goto(f"{base}/learning/")
    expert.get_by_role("link", name=offer.opportunity.title).click()
    expert.get_by_label("Your comment on this draft").fill("It was fair, and we were paid on time.")
    expert.get_by_role("button", name="Send your comment").click()
    expect(expert.get_by_text("your comment is sent to the coordinator")).to_be_visible()

    # The coordinator reads the comment beside the draft and quotes it.
    coordinator.goto(f"{base}/learning/summaries/{summary.pk}/")
    expect(coordinator.get_by_text("It was fair, and we were paid on time.")).to_be_visible()
    coordinator.get_by_role("button", name="Quote it in the summary").click()
    expect(coordinator.get_by_text("The comment will be quoted")).to_be_visible()

    # The promise holds publishing back until it is changed.
    coordinator.get_by_role("button", name="Publish the summary").click()
    audited(coordinator)
    expect(coordinator.locator(".govuk-error-summary")).to_be_visible()
    coordinator.get_by_role("link", name="Change the words").click()
    coordinator.get_by_label("What we would do differently").fill(
        "Ask the experts to chair every planning meeting."
    )
    coordinator.get_by_role("button", name="Save the changes").click()
    coordinator.get_by_role("button", name="Publish the summary").click()
    expect(coordinator.get_by_text("The summary is published.")).to_be_visible()
    audited(coordinator)

    # Another organisation finds it in the library and reads it, without JavaScript.
    reader = as_user(browser, base, hillview_coordinator.user.email, javascript=False)
    reader.goto(f"{base}/network/library/")
    reader.get_by_label("Level of co-working").select_option(offer.opportunity.level)
    reader.get_by_role("button", name="Search").click()
    reader.get_by_role("link", name=summary.title).click()
    expect(reader.get_by_text("It was fair, and we were paid on time.")).to_be_visible()
    expect(reader.get_by_text("Riverside Care Partnership").first).to_be_visible()
    # And the same pages, every format that is a page, pass axe.
    audits = as_user(browser, base, hillview_coordinator.user.email)
    audited(audits, f"{base}/network/library/?level={offer.opportunity.level}")
    audited(audits, f"{base}/learning/summaries/{summary.pk}/")
    for name in ("Easy read", "A web page to save or print"):
        audits.goto(f"{base}/learning/summaries/{summary.pk}/")
        audits.get_by_role("link", name=name).click()
        audited(audits)


def test_the_network_pages_pass_axe_and_work_without_javascript(
    browser: Browser, live_server, riverside_admin: Membership
):
    base = live_server.url
    services.set_network_sharing(by=riverside_admin, share_summaries=True, contribute_figures=True)
    benchmarks.refresh()
    page = as_user(browser, base, riverside_admin.user.email)
    audited(page, f"{base}/network/benchmarks/")
    expect(page.get_by_text("Not shown: fewer than 5 organisations").first).to_be_visible()
    audited(page, f"{base}/network/library/import/")
    page.get_by_role("button", name="Import the summary").click()
    audited(page)
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    audited(page, f"{base}/network/settings/")
    # Without JavaScript, the same pages and forms work.
    plain = as_user(browser, base, riverside_admin.user.email, javascript=False)
    plain.goto(f"{base}/network/library/import/")
    plain.get_by_role("button", name="Import the summary").click()
    expect(plain.get_by_text("Choose a JSON file to import").first).to_be_visible()
    plain.goto(f"{base}/network/settings/")
    plain.get_by_label("Contribute our figures to the network benchmarks").uncheck()
    plain.get_by_role("button", name="Save your choices").click()
    expect(plain.get_by_text("Your choices about the network are saved.")).to_be_visible()
    plain.goto(f"{base}/network/benchmarks/")
    expect(plain.get_by_text("Your organisation does not contribute its figures")).to_be_visible()

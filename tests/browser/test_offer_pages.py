"""Offer pages in a real browser: no axe-core violations (WCAG 2.2 A and AA) on any of
them, with and without errors; the send gate's summary links to what to fix; live
clarity feedback as the coordinator types; and the person answers without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.offers import services
from powerwith.offers.models import Offer
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.offers.factories import (
    BLOCKED_MESSAGE,
    STYLE_WARNING_MESSAGE,
    complete_opportunity,
    draft_offer,
    sent_offer,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def incomplete(riverside_coordinator: Membership, expert_at_riverside: Person) -> Offer:
    """A draft with no contact person and a speculative message."""
    offer = services.create_offer(
        by=riverside_coordinator,
        opportunity=complete_opportunity(riverside_coordinator, contact_user=None),
        person=expert_at_riverside,
    )
    services.change_terms(offer, by=riverside_coordinator, terms={"message": BLOCKED_MESSAGE})
    return offer


def test_the_coordinators_offer_pages_have_no_violations(
    page: Page, live_server, riverside_coordinator, incomplete
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    for path in [
        "/offers/",
        f"/opportunities/{incomplete.opportunity_id}/offers/new/",
        f"/offers/{incomplete.pk}/",
        f"/offers/{incomplete.pk}/withdraw/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_a_refused_send_summarises_what_is_missing_and_links_to_it(
    page: Page, live_server, riverside_coordinator, incomplete
):
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/offers/{incomplete.pk}/")
    page.get_by_role("button", name="Send the offer").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem: the offer cannot be sent yet")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_role("link", name="The reasonable adjustments agreed").click()
    expect(page.get_by_label("Reasonable adjustments agreed")).to_be_focused()
    # Speculation is in the same summary, linked to the box it is written in.
    page.get_by_role("link", name="“hopefully” is speculative in this offer's message").click()
    expect(page.get_by_label("A message to the person")).to_be_focused()


def test_speculation_on_the_opportunity_links_to_its_box_on_the_opportunitys_form(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(
        riverside_coordinator, expert_at_riverside, purpose="This could lead to paid work."
    )
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/offers/{offer.pk}/")
    expect(page.get_by_label("I have read the clarity warnings")).to_have_count(0)
    page.get_by_role("button", name="Send the offer").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("shared by every offer of this opportunity")
    assert axe_violations(page) == []
    summary.get_by_role("link", name="“could lead to paid work” is speculative").click()
    expect(page).to_have_url(
        f"{live_server.url}/opportunities/{offer.opportunity_id}/edit/#id_purpose"
    )
    expect(page.get_by_label("Purpose")).to_have_value("This could lead to paid work.")
    assert axe_violations(page) == []


def test_warnings_must_be_ticked_and_the_error_links_to_the_box(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    services.change_terms(offer, by=riverside_coordinator, terms={"message": STYLE_WARNING_MESSAGE})
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/offers/{offer.pk}/")
    page.get_by_role("button", name="Send the offer").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("1 warning")
    assert axe_violations(page) == []
    page.locator(".govuk-error-summary a").first.click()
    expect(page.get_by_label("I have read the clarity warnings")).to_be_focused()
    page.get_by_label("I have read the clarity warnings").check()
    page.get_by_role("button", name="Send the offer").click()
    expect(page.get_by_text("Version 1 of the offer is sent to Alex.")).to_be_visible()
    assert axe_violations(page) == []


def test_the_clarity_checker_answers_as_the_coordinator_types(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/offers/{offer.pk}/")
    page.get_by_label("A message to the person").fill("We promise you a paid role in due course.")
    findings = page.locator("#clarity-findings")
    expect(findings).to_contain_text("in due course")
    assert axe_violations(page) == []


def test_the_persons_pages_have_no_violations_with_and_without_errors(
    page: Page, live_server, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    for path in ["/my-offers/", f"/my-offers/{offer.pk}/", f"/my-offers/{offer.pk}/decline/"]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    expect(page.get_by_role("heading", name="It's OK to say no")).to_be_visible()
    page.get_by_role("button", name="Ask your question").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Write your question.")
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Write your question.").click()
    expect(page.get_by_label("Your question")).to_be_focused()


def test_the_person_accepts_and_says_no_without_javascript(
    browser: Browser, live_server, riverside_coordinator, expert_at_riverside
):
    accepted = sent_offer(riverside_coordinator, expert_at_riverside)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-offers/{accepted.pk}/")
    page.get_by_role("button", name="Accept this offer").click()
    expect(page.get_by_text("You have accepted this offer. Thank you.")).to_be_visible()
    services.withdraw_offer(accepted, by=riverside_coordinator)
    declined = services.create_offer(
        by=riverside_coordinator, opportunity=accepted.opportunity, person=expert_at_riverside
    )
    services.change_terms(declined, by=riverside_coordinator, terms=accepted.terms)
    services.send_offer(declined, by=riverside_coordinator)
    page.goto(f"{live_server.url}/my-offers/{declined.pk}/")
    page.get_by_role("button", name="Say no to this offer").click()
    page.get_by_role("button", name="Yes, say no to this offer").click()
    expect(page.get_by_text("You said no to this offer on")).to_be_visible()
    context.close()

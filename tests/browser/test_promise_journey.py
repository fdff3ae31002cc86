"""The promise holds end to end: the whole chain walked in a real browser as a coordinator,
a contact person and an expert would — offer, question, acceptance, consent, a change to
the work, sessions, adjustments, a claim, the impact log, the scorecard and leaving — with
each thing that once went wrong checked at the step where it was seen, and axe-core run on
every page on the way (WCAG 2.2 A and AA). The parts have their own tests; this one shows
they hold together."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import Session
from powerwith.engagements.services.booking import book
from powerwith.evaluation.services.learning import record_impact
from powerwith.offers import services as offer_services
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, fill_date, log_in
from tests.conftest import PASSWORD
from tests.engagements.factories import expert_membership
from tests.offers.factories import draft_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADJUSTMENTS = "Papers in large print and easy read. A quiet room. A break every 30 minutes."
SPECULATION = "We may be able to pay you something later, and there might be more work soon."


def audited(page: Page, url: str) -> Page:
    page.goto(url)
    assert axe_violations(page) == [], url
    return page


def as_user(browser: Browser, base: str, email: str, width: int = 1280) -> Page:
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    log_in(page, base, email, PASSWORD)
    return page


def test_what_was_agreed_reaches_every_later_step(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> None:
    base = live_server.url
    alex = expert_at_riverside
    assert alex.user is not None
    no_care = {
        "travel": True,
        "travel_in_advance": True,
        "subsistence": True,
        "care": False,
        "support_worker": True,
        "equipment": False,
    }
    offer = draft_offer(
        riverside_coordinator,
        alex,
        contact=riverside_contact.user,
        sessions=2,
        expenses=no_care,
    )
    offer_services.change_terms(offer, by=riverside_coordinator, terms={"adjustments": ADJUSTMENTS})
    opportunity = offer.opportunity
    coordinator = as_user(browser, base, riverside_coordinator.user.email)

    # 2. Speculation cannot be sent, whatever is ticked, and the page says where it is.
    offer_services.change_terms(offer, by=riverside_coordinator, terms={"message": SPECULATION})
    page = audited(coordinator, f"{base}/offers/{offer.pk}/")
    # Nothing to tick: speculation is not a warning to be waved through.
    expect(page.get_by_label("I have read the clarity warnings", exact=False)).to_have_count(0)
    page.get_by_role("button", name="Send the offer").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("cannot be sent")
    expect(summary.locator('a[href="#id_message"]').first).to_be_visible()
    assert axe_violations(page) == []
    offer.refresh_from_db()
    assert offer.version == 0
    offer_services.change_terms(
        offer, by=riverside_coordinator, terms={"message": "Join us: you know what helps."}
    )
    offer_services.send_offer(offer, by=riverside_coordinator)

    # 7. Alex's question is on the contact person's list and on the offers list.
    expert = as_user(browser, base, alex.user.email)
    page = audited(expert, f"{base}/my-offers/{offer.pk}/")
    page.get_by_label("Your question").fill("Can I bring my support worker?")
    page.get_by_role("button", name="Ask your question").click()
    expect(page.get_by_text("it has not been answered yet")).to_be_visible()
    contact = as_user(browser, base, riverside_contact.user.email)
    expect(audited(contact, f"{base}/action-needed/").get_by_text("question")).not_to_have_count(0)
    expect(
        audited(coordinator, f"{base}/offers/").get_by_text("Question to answer")
    ).to_be_visible()

    # Alex accepts and agrees to take part.
    page = audited(expert, f"{base}/my-offers/{offer.pk}/")
    page.get_by_role("button", name="Accept this offer").click()
    expect(page.get_by_text("You have accepted this offer")).to_be_visible()
    consent.grant_consent(
        person=alex,
        scope="take_part",
        actor=expert_membership(alex, opportunity.organisation_id),
        opportunity=opportunity,
    )
    first, second = Session.objects.filter(opportunity=opportunity).order_by("starts_at")
    book(session=first, person=alex, by=riverside_coordinator)

    # 1. The adjustments agreed are on every page that asks about adjustments.
    expect(
        audited(expert, f"{base}/my-sessions/{first.pk}/").get_by_text(ADJUSTMENTS)
    ).to_be_visible()
    expect(
        audited(coordinator, f"{base}/sessions/{first.pk}/").get_by_text(ADJUSTMENTS)
    ).to_be_visible()
    expect(
        audited(coordinator, f"{base}/people/{alex.pk}/").get_by_text(ADJUSTMENTS, exact=False)
    ).to_be_visible()

    # 3. A session added after she agreed sends her a new version and waits for it.
    page = audited(coordinator, f"{base}/opportunities/{opportunity.pk}/sessions/new/")
    day = (second.starts_at + timedelta(days=7)).date()
    fill_date(page, "Date", day)
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("Length in minutes").fill("120")
    page.get_by_role("button", name="Add the session").click()
    third = Session.objects.filter(opportunity=opportunity).order_by("-starts_at").first()
    assert third is not None
    page = audited(coordinator, f"{base}/sessions/{third.pk}/")
    expect(page.get_by_text("not in the offer Alex accepted (version 1)")).to_be_visible()
    page = audited(expert, f"{base}/my-offers/{offer.pk}/")
    expect(page.get_by_text("still stands")).to_be_visible()
    expect(page.get_by_role("button", name="Accept the changes")).to_be_visible()

    # 6. A claim for an expense the offer does not cover is refused with the reason.
    page = audited(expert, f"{base}/my-claims/expenses/")
    page.get_by_label("Which work was it for?").select_option(index=1)
    page.get_by_label("Care or childcare").check()
    page.get_by_label("How much did you spend?").fill("30.00")
    page.get_by_label("What was it for?").fill("A childminder for the afternoon")
    page.get_by_role("button", name="Send the claim").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("does not cover")
    assert axe_violations(page) == []

    # 4. Leaving the work says what happens first, and a cancelled session still opens.
    page = audited(expert, f"{base}/my-offers/{offer.pk}/leave/")
    expect(page.get_by_text("These sessions will be cancelled")).to_be_visible()
    expect(page.get_by_text("If you change your mind")).to_be_visible()
    page.get_by_role("button", name="Leave this work").click()
    expect(page.get_by_text("You have left")).to_be_visible()
    page = audited(expert, f"{base}/my-sessions/{first.pk}/")
    expect(page.get_by_text("This session is cancelled")).to_be_visible()

    # 9. Nothing is recorded yet to evaluate: Evaluation has no score, not 0%.
    page = audited(coordinator, f"{base}/opportunities/{opportunity.pk}/scorecard/")
    expect(page.get_by_text("not yet judged", exact=False).first).to_be_visible()

    # 5. Once the teller withdraws consent to share it, their story is not quoted.
    consent.grant_consent(
        person=alex,
        scope="share_narrative",
        actor=expert_membership(alex, opportunity.organisation_id),
        opportunity=opportunity,
    )
    record_impact(
        by=riverside_coordinator,
        opportunity=opportunity,
        you_said="Being held down was the most frightening part.",
        we_did="The course now starts with what restraint feels like.",
        contributor_ids=[alex.pk],
        standards=[],
    )
    impact = f"{base}/opportunities/{opportunity.pk}/impact/"
    expect(audited(coordinator, impact).get_by_text("most frightening part")).to_be_visible()
    consent.withdraw_consent(
        person=alex,
        scope="share_narrative",
        actor=expert_membership(alex, opportunity.organisation_id),
        opportunity=opportunity,
    )
    page = audited(coordinator, impact)
    expect(page.get_by_text("most frightening part")).to_have_count(0)
    expect(page.get_by_text("A contribution was withdrawn")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_leaving_works_on_a_phone_with_or_without_javascript(
    browser: Browser,
    live_server,
    javascript: bool,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
) -> None:
    from tests.workflows.factories import agreed_offer, book_all

    offer = agreed_offer(riverside_coordinator, expert_at_riverside, sessions=2)
    book_all(riverside_coordinator, expert_at_riverside, offer)
    assert expert_at_riverside.user is not None
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 320, "height": 640}
    )
    page = context.new_page()
    log_in(page, live_server.url, expert_at_riverside.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-offers/{offer.pk}/leave/")
    if javascript:  # axe-core and the width check run as scripts in the page
        assert axe_violations(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.get_by_role("button", name="Leave this work").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("2 sessions cancelled")).to_be_visible()
    context.close()

"""A supporter answering for someone, through the supporter's own login: the person names
a supporter and invites them; the supporter follows the link in the e-mail, makes their
login, and accepts an offer for the person with the keyboard alone; the person sees who
answered for them. Then a supporter takes time out from a session for the person and asks
for an adjustment, with the keyboard alone, and the person sees both on their session
page; a supporter says how finished work went for the person, and claims the person's pay
for a session that took place, with the keyboard alone. axe-core runs on every page on the
way, and the supporter's part also works without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Adjustment, StopEvent
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.offers.models import OfferStatus
from powerwith.payments.models import Claim
from powerwith.people.models import ActedFor, Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.engagements.factories import booked
from tests.evaluation.factories import finished
from tests.offers.factories import sent_offer
from tests.payments.factories import worked
from tests.people.factories import supporter_with_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUPPORTER = "sam.green@family.example"
SUPPORTER_PASSWORD = "a kettle on the windowsill"


def audited(page: Page, *, javascript: bool = True) -> None:
    """axe-core runs in the page, so only where JavaScript runs: the journey with it
    audits every page the one without it walks."""
    if javascript:
        assert axe_violations(page) == [], page.url


def new_page(browser: Browser, *, javascript: bool = True) -> Page:
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 1280, "height": 900}
    )
    return context.new_page()


def invitation_link() -> str:
    (sent,) = [m for m in mail.outbox if SUPPORTER in m.to]
    found = re.search(r"https?://\S+(/supporting/invitations/\S+/)", str(sent.body))
    assert found is not None
    return found.group(1)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_supporter_accepts_an_offer_for_the_person_through_their_own_login(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    javascript: bool,
) -> None:
    base = live_server.url
    alex = expert_at_riverside
    assert alex.user is not None
    offer = sent_offer(riverside_coordinator, alex, title="Listening event")

    # Alex names Sam as a supporter who may answer for them, and invites them.
    person = new_page(browser)
    log_in(person, base, alex.user.email, PASSWORD)
    person.goto(f"{base}/my-profile/supporters/")
    audited(person)
    person.get_by_label("Their name").fill("Sam Green")
    person.get_by_label("Their email address").fill(SUPPORTER)
    person.get_by_label("Answer for me, when I have agreed").check()
    person.get_by_role("button", name="Add this supporter").click()
    expect(person.get_by_text("Sam Green is now one of your supporters.")).to_be_visible()
    person.get_by_role("button", name="Invite Sam Green to make their own login").click()
    expect(person.get_by_text("We have emailed Sam Green a link")).to_be_visible()
    audited(person)

    # Sam follows the link in the e-mail and makes their login.
    link = invitation_link()
    supporter = new_page(browser, javascript=javascript)
    supporter.goto(f"{base}{link}")
    audited(supporter, javascript=javascript)
    supporter.get_by_role("button", name="Make my login").click()
    expect(supporter.get_by_text("There is a problem")).to_be_visible()
    audited(supporter, javascript=javascript)
    supporter.get_by_label("Your name").fill("Sam Green")
    supporter.get_by_label("Choose a password").fill(SUPPORTER_PASSWORD)
    supporter.get_by_label("Type the password again").fill(SUPPORTER_PASSWORD)
    supporter.get_by_role("button", name="Make my login").click()
    expect(supporter.get_by_text("Your login is made.")).to_be_visible()
    # The link works once.
    supporter.goto(f"{base}{link}")
    expect(supporter.get_by_role("heading", name="This link does not work")).to_be_visible()
    audited(supporter, javascript=javascript)
    log_in(supporter, base, SUPPORTER, SUPPORTER_PASSWORD, lands="/supporting/")
    expect(supporter.get_by_role("heading", name="Alex", exact=True)).to_be_visible()
    audited(supporter, javascript=javascript)

    # With the keyboard alone: read the offer, say Alex agreed, accept it for them.
    keys = KeyboardOnly(supporter)
    keys.follow("Offer of work: Listening event")
    audited(supporter, javascript=javascript)
    keys.follow("Alex accepts this offer")
    expect(supporter.get_by_text("There is a problem")).to_be_visible()
    expect(supporter.locator(".govuk-error-summary")).to_contain_text(
        "Tick to say that they agreed this answer with you"
    )
    audited(supporter, javascript=javascript)
    keys.tick("They agreed this answer with me")
    keys.follow("Alex accepts this offer")
    expect(supporter.get_by_text("You told us that Alex accepts this offer.")).to_be_visible()
    audited(supporter, javascript=javascript)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    acted = ActedFor.objects.get(person=alex)
    assert acted.method == "supporter"
    assert acted.recorded_by.email == SUPPORTER

    # Alex sees who answered for them.
    person.goto(f"{base}/my-offers/{offer.pk}/")
    expect(person.locator("#answered-for-you")).to_contain_text(
        "Sam Green, your supporter, told us that you accept the offer of work: Listening event"
    )
    audited(person)
    told = [m for m in mail.outbox if m.to == [alex.email] and "your supporter" in str(m.body)]
    assert len(told) == 1


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_supporter_takes_time_out_and_asks_for_an_adjustment_by_keyboard_alone(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
    javascript: bool,
) -> None:
    base = live_server.url
    alex = expert_at_riverside
    assert alex.user is not None
    booking = booked(
        riverside_coordinator, alex, title="Listening event", contact=riverside_contact.user
    )
    _, user = supporter_with_login(alex, "answer_for", email=SUPPORTER)

    supporter = new_page(browser, javascript=javascript)
    log_in(supporter, base, SUPPORTER, PASSWORD, lands="/supporting/")
    expect(
        supporter.get_by_text("Listening event, from Riverside Care Partnership")
    ).to_be_visible()
    audited(supporter, javascript=javascript)

    keys = KeyboardOnly(supporter)
    keys.follow("Time out, stop or support")
    expect(
        supporter.get_by_role("heading", name="Time out, stop or support for Alex")
    ).to_be_visible()
    audited(supporter, javascript=javascript)
    # Sent before Alex's agreement is ticked: the reason, and nothing recorded.
    keys.choose("kind", "They want to take time out")
    keys.follow("Tell their contact person")
    expect(supporter.locator(".govuk-error-summary")).to_contain_text(
        "Tick to say that they agreed this with you"
    )
    audited(supporter, javascript=javascript)
    assert not StopEvent.objects.exists()
    keys.choose("kind", "They want to take time out")
    keys.tick("They agreed this with me")
    keys.follow("Tell their contact person")
    expect(supporter.get_by_text("You told us that Alex wants to take time out.")).to_be_visible()
    audited(supporter, javascript=javascript)

    event = StopEvent.objects.get()
    assert (event.kind, event.session_id, event.recorded_by) == (
        "time_out",
        booking.session_id,
        user,
    )
    acted = ActedFor.objects.get(person=alex)
    assert (acted.method, acted.recorded_by, acted.subject) == ("supporter", user, "stop_event")

    # And asks for the adjustment Alex wants, the same way.
    keys.follow("Ask for a reasonable adjustment")
    audited(supporter, javascript=javascript)
    keys.choose("category", "Timing and breaks")
    keys.type_into("What would help, in their words", "A break every hour.")
    keys.follow("Ask for this adjustment")
    expect(supporter.locator(".govuk-error-summary")).to_contain_text(
        "Tick to say that they agreed this with you"
    )
    audited(supporter, javascript=javascript)
    keys.tick("They agreed this with me")
    keys.follow("Ask for this adjustment")
    expect(supporter.get_by_text("You asked for an adjustment for Alex.")).to_be_visible()
    adjustment = Adjustment.objects.get(person=alex)
    assert (adjustment.details, adjustment.requested_by) == ("A break every hour.", user)

    # Alex sees who did it, on their own page for the session.
    person = new_page(browser)
    log_in(person, base, alex.user.email, PASSWORD)
    person.goto(f"{base}/my-sessions/{booking.session_id}/")
    expect(person.get_by_role("heading", name="Done for you")).to_be_visible()
    expect(
        person.get_by_text("Sam Green, your supporter, told us that you want to take time out")
    ).to_be_visible()
    expect(
        person.get_by_text("Sam Green, your supporter, told us that you would like an adjustment")
    ).to_be_visible()
    expect(person.get_by_text("A break every hour.")).to_be_visible()
    audited(person)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_supporter_says_how_finished_work_went_for_the_person_by_keyboard_alone(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    javascript: bool,
) -> None:
    base = live_server.url
    alex = expert_at_riverside
    offer = finished(riverside_coordinator, alex, title="Listening event")
    _, user = supporter_with_login(alex, "answer_for", email=SUPPORTER)

    supporter = new_page(browser, javascript=javascript)
    log_in(supporter, base, SUPPORTER, PASSWORD, lands="/supporting/")
    audited(supporter, javascript=javascript)
    keys = KeyboardOnly(supporter)
    keys.follow("How did it go: Listening event")
    expect(supporter.get_by_role("heading", name="How did it go for Alex?")).to_be_visible()
    audited(supporter, javascript=javascript)
    keys.choose("respected", "Strongly agree")
    keys.follow("Send Alex's answers")
    expect(supporter.locator(".govuk-error-summary")).to_contain_text(
        "Tick to say that they agreed this with you"
    )
    audited(supporter, javascript=javascript)
    assert not FeedbackAnswer.objects.exists()
    keys.choose("respected", "Strongly agree")
    keys.choose("safe", "Agree", exact=True)
    keys.tick("They agreed these answers with me")
    keys.follow("Send Alex's answers")
    expect(supporter.get_by_text("You told us how the work went for Alex.")).to_be_visible()
    audited(supporter, javascript=javascript)

    answer = FeedbackAnswer.objects.get()
    assert (answer.person, answer.respected, answer.safe) == (alex, 5, 4)
    acted = ActedFor.objects.get(person=alex)
    assert (acted.subject, acted.subject_id, acted.recorded_by) == ("feedback", offer.pk, user)


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_supporter_claims_the_persons_pay_by_keyboard_alone(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    javascript: bool,
) -> None:
    base = live_server.url
    alex = expert_at_riverside
    booking = worked(riverside_coordinator, alex, title="Listening event")
    _, user = supporter_with_login(alex, "answer_for", email=SUPPORTER)

    supporter = new_page(browser, javascript=javascript)
    log_in(supporter, base, SUPPORTER, PASSWORD, lands="/supporting/")
    audited(supporter, javascript=javascript)
    keys = KeyboardOnly(supporter)
    keys.follow("Claim pay for them")
    expect(supporter.get_by_role("heading", name="Claim Alex's pay")).to_be_visible()
    audited(supporter, javascript=javascript)
    keys.follow("Send the claim for approval")
    expect(supporter.locator(".govuk-error-summary")).to_contain_text(
        "Tick to say that they agreed this with you"
    )
    audited(supporter, javascript=javascript)
    assert not Claim.objects.exists()
    keys.tick("They agreed this with me")
    keys.follow("Send the claim for approval")
    expect(supporter.get_by_text("You claimed Alex's pay for the session.")).to_be_visible()
    audited(supporter, javascript=javascript)

    claim = Claim.objects.get()
    assert (claim.person, claim.session_id, claim.kind) == (alex, booking.session_id, "time")
    acted = ActedFor.objects.get(person=alex)
    assert (acted.subject, acted.subject_id, acted.recorded_by) == ("claim", claim.pk, user)

"""How a person hears from us, in a real browser: the person's pages for their channel and
supporters, the staff pages for letters to post, calls to make and the demo's outbox. No
axe-core violations (WCAG 2.2 A and AA), with and without errors; keyboard alone; and
without JavaScript. And the journey of a person who reads easy read and hears by text."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.messaging.models import Channel, Message, Status
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.messaging.factories import ADDRESS, on_the_register, supporter_for
from tests.offers.factories import prefers, sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PERSON_PAGES = ["/my-profile/how-we-contact-you/", "/my-profile/supporters/"]
STAFF_PAGES = ["/letters-to-post/", "/outbox/"]


def log_in_as(page: Page, base_url: str, email: str) -> None:
    log_in(page, base_url, email, PASSWORD)


@pytest.fixture
def messages_waiting(riverside_coordinator: Membership, riverside_contact: Membership) -> Message:
    """A letter to post (Jo, on the register) and a call to make (Kim), both from offers."""
    jo = on_the_register(
        riverside_coordinator, "Jo", preferred_channel="post", postal_address=ADDRESS
    )
    kim = on_the_register(
        riverside_coordinator, "Kim", preferred_channel="phone", phone="0113 496 0000"
    )
    sent_offer(riverside_coordinator, jo)
    sent_offer(riverside_coordinator, kim, contact=riverside_contact.user)
    return Message.objects.get(channel=Channel.PHONE)


def test_the_new_pages_have_no_accessibility_violations(
    page: Page,
    live_server,
    expert_at_riverside,
    riverside_coordinator,
    riverside_contact,
    messages_waiting,
):
    supporter_for(expert_at_riverside, may=["receive_messages"])
    log_in_as(page, live_server.url, "alex@people.example")
    for path in PERSON_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.goto(f"{live_server.url}/my-profile/supporters/")
    page.get_by_role("link", name="Change what Priya may do").click()
    assert axe_violations(page) == []

    page.context.clear_cookies()
    log_in_as(page, live_server.url, "coordinator@riverside.example")
    for path in STAFF_PAGES:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path

    page.context.clear_cookies()
    log_in_as(page, live_server.url, "contact@riverside.example")
    page.goto(f"{live_server.url}/action-needed/")
    page.get_by_role("link", name=re.compile("Phone Kim about")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phone Kim")
    assert axe_violations(page) == []


def test_the_forms_with_errors_have_no_violations_and_link_to_the_field(
    page: Page, live_server, expert_at_riverside
):
    log_in_as(page, live_server.url, "alex@people.example")
    page.goto(f"{live_server.url}/my-profile/how-we-contact-you/")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("12")
    page.get_by_role("button", name="Save how we contact you").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    summary.get_by_role("link", name=re.compile("Enter a phone number")).click()
    expect(page.locator("#id_phone")).to_be_focused()

    page.goto(f"{live_server.url}/my-profile/supporters/")
    page.get_by_role("button", name="Add this supporter").click()
    expect(summary).to_be_focused()
    assert axe_violations(page) == []
    summary.get_by_role("link", name="Enter the supporter's name.").click()
    expect(page.locator("#id_name")).to_be_focused()


def test_a_person_chooses_texts_and_names_a_supporter_with_the_keyboard_alone(
    page: Page, live_server, expert_at_riverside: Person
):
    log_in_as(page, live_server.url, "alex@people.example")
    page.goto(f"{live_server.url}/my-profile/how-we-contact-you/")
    keys = KeyboardOnly(page)
    keys.start_over()
    keys.choose("preferred_channel", "Text message")
    keys.type_into("Phone number", "07700 900 982")
    keys.choose("wants_reminders", "No, do not send me reminders")
    keys.submit("Save how we contact you")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved.")

    page.goto(f"{live_server.url}/my-profile/supporters/")
    keys.start_over()
    keys.type_into("Their name", "Priya")
    keys.type_into("Who they are to you", "my sister")
    keys.type_into("Their email address", "priya@family.example")
    keys.tick("Get messages for me")
    keys.submit("Add this supporter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Priya is now one of your supporters."
    )
    keys.follow("Remove Priya")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("applies straight away")

    expert_at_riverside.refresh_from_db()
    assert (expert_at_riverside.preferred_channel, expert_at_riverside.phone) == (
        "text",
        "+447700900982",
    )
    assert expert_at_riverside.wants_reminders is False


def test_staff_post_a_letter_and_record_a_call_with_the_keyboard_alone(
    page: Page, live_server, riverside_contact, messages_waiting
):
    log_in_as(page, live_server.url, "contact@riverside.example")
    page.goto(f"{live_server.url}/letters-to-post/")
    keys = KeyboardOnly(page)
    keys.start_over()
    keys.follow("Mark as posted")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Marked as posted")

    page.goto(f"{live_server.url}/action-needed/")
    keys.start_over()
    keys.follow("Phone Kim about")
    keys.type_into("What they said", "Kim would like to do it.")
    keys.submit("Mark as called")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Marked as called")

    assert Message.objects.get(channel=Channel.LETTER).status == Status.POSTED
    assert Message.objects.get(channel=Channel.PHONE).status == Status.CALLED


def test_the_pages_work_without_javascript(
    browser: Browser, live_server, expert_at_riverside, riverside_contact, messages_waiting
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in_as(page, live_server.url, "alex@people.example")
    page.goto(f"{live_server.url}/my-profile/how-we-contact-you/")
    page.get_by_label("Letter by post").check()
    page.get_by_label("Postal address").fill(ADDRESS)
    page.get_by_label("In the morning").check()
    page.get_by_role("button", name="Save how we contact you").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved.")

    page.goto(f"{live_server.url}/my-profile/supporters/")
    page.get_by_label("Their name").fill("Sam")
    page.get_by_label("Their phone number").fill("07700 900 123")
    page.get_by_label("Help me answer").check()
    page.get_by_role("button", name="Add this supporter").click()
    page.get_by_role("link", name="Change what Sam may do").click()
    page.get_by_label("Get messages for me").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("listitem").filter(has_text="Get messages for me")).to_be_visible()
    page.get_by_role("button", name="Remove Sam").click()
    expect(page.get_by_text("You have not named a supporter.")).to_be_visible()

    context.clear_cookies()
    log_in_as(page, live_server.url, "contact@riverside.example")
    page.goto(f"{live_server.url}/letters-to-post/")
    page.get_by_role("button", name=re.compile("Mark as posted")).click()
    expect(page.get_by_text("There are no letters to post.")).to_be_visible()
    page.goto(f"{live_server.url}/calls/{messages_waiting.pk}/")
    page.get_by_role("button", name="Mark as called").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write down what was said")
    page.get_by_label("What they said").fill("Kim asked us to call back on Friday.")
    page.get_by_role("button", name="Mark as called").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action needed")
    context.close()

    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.postal_address == ADDRESS
    assert expert_at_riverside.reminder_time == "morning"
    assert not ActionNeeded.objects.filter(kind=ActionKind.CALL, done_at=None).exists()


def test_a_person_who_reads_easy_read_hears_of_an_offer_by_text_and_accepts_it(
    page: Page, live_server, riverside_coordinator, expert_at_riverside: Person
):
    prefers(expert_at_riverside, "easy_read")
    log_in_as(page, live_server.url, "alex@people.example")
    page.goto(f"{live_server.url}/my-profile/how-we-contact-you/")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number").fill("07700 900 982")
    page.get_by_role("button", name="Save how we contact you").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved.")

    offer = sent_offer(riverside_coordinator, expert_at_riverside)

    text = Message.objects.get(person=expert_at_riverside)
    assert (text.channel, text.status, text.to) == (Channel.TEXT, Status.SENT, "+447700900982")
    assert len(text.body) <= 306
    link = re.search(r"https?://\S+", text.body)
    assert link is not None
    # The link in the text, followed on this site (the text names the public address).
    page.goto(live_server.url + urlsplit(link.group(0)).path)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Co-design")
    easy_read = page.get_by_role("link", name=re.compile("Easy read")).first
    expect(easy_read).to_be_visible()
    page.get_by_role("button", name="Accept this offer").click()
    expect(page.get_by_text("You have accepted this offer. Thank you.")).to_be_visible()

    offer.refresh_from_db()
    assert offer.status == "accepted"
    assert axe_violations(page) == []

    page.context.clear_cookies()
    log_in_as(page, live_server.url, "coordinator@riverside.example")
    page.goto(f"{live_server.url}/outbox/")
    expect(page.get_by_text("Text message to Alex")).to_be_visible()
    expect(page.get_by_text(text.body)).to_be_visible()

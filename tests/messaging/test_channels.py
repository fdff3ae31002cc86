"""A message goes by the channel the person chose: e-mail, text, letter, phone, supporter."""

from __future__ import annotations

from django.core import mail

from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.messaging.models import Channel, Status
from powerwith.people.choices import SupporterMay
from powerwith.people.queries.supporters import supporters_who_may
from powerwith.people.services.supporters import remove_supporter
from tests.conftest import logged_in
from tests.messaging.factories import (
    ADDRESS,
    hears_by,
    messages_to,
    on_the_register,
    only_message_to,
    supporter_for,
)
from tests.offers.factories import draft_offer


def test_an_offer_goes_by_email_when_the_person_chose_nothing(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    offer_sent(riverside_coordinator, expert_at_riverside)

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status) == (Channel.EMAIL, Status.SENT)
    assert [m.to for m in mail.outbox] == [["alex@people.example"]]
    assert message.attempts[0]["outcome"] == "Sent by e-mail."


def test_an_offer_goes_by_text_message_with_a_link_and_nothing_else(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "text", phone="07700 900 982")

    offer = offer_sent(riverside_coordinator, expert_at_riverside)

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status, message.to) == (
        Channel.TEXT,
        Status.SENT,
        "+447700900982",
    )
    assert f"/my-offers/{offer.pk}/" in message.body
    assert "restraint" not in message.body.lower()
    assert "It is fine to say no" in message.body
    assert mail.outbox == []


def test_a_text_without_a_mobile_number_is_not_dropped_the_sender_is_told_at_once(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "text", phone="0113 496 0000")

    offer_sent(riverside_coordinator, expert_at_riverside)

    message = only_message_to(expert_at_riverside)
    assert message.status == Status.FAILED
    assert "no mobile number" in message.detail
    told = ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED)
    assert told.assignee == riverside_coordinator.user
    assert told.title.startswith("The text message about the offer of work")
    assert "no mobile number" in told.title


def test_a_letter_waits_on_the_letters_to_post_page_until_staff_post_it(
    client, riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "post", postal_address=ADDRESS)
    offer_sent(riverside_coordinator, expert_at_riverside)
    letter = only_message_to(expert_at_riverside)
    assert (letter.channel, letter.status) == (Channel.LETTER, Status.QUEUED)
    logged_in(client, riverside_coordinator.user)

    page = client.get("/letters-to-post/")
    assert "Alex" in page.text
    assert "Print the letter" in page.text
    pdf = client.get(f"/letters-to-post/{letter.pk}/letter.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    client.post(f"/letters-to-post/{letter.pk}/posted/")

    letter.refresh_from_db()
    assert letter.status == Status.POSTED
    assert "There are no letters to post." in client.get("/letters-to-post/").text


def test_a_letter_without_a_postal_address_is_never_silently_dropped(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "post")

    offer_sent(riverside_coordinator, expert_at_riverside)

    assert only_message_to(expert_at_riverside).status == Status.FAILED
    told = ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED)
    assert "no postal address" in told.title
    assert told.person == expert_at_riverside


def test_a_phone_call_is_a_task_on_the_contact_persons_list_with_a_script(
    client, riverside_coordinator, riverside_contact, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "phone", phone="0113 496 0000")
    offer_sent(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)

    call = only_message_to(expert_at_riverside)
    assert (call.channel, call.status) == (Channel.PHONE, Status.QUEUED)
    task = ActionNeeded.objects.get(kind=ActionKind.CALL)
    assert task.assignee == riverside_contact.user
    logged_in(client, riverside_contact.user)
    page = client.get(task.link)
    assert "What to say and what to write down" in page.text
    assert "It is fine to say no" in page.text
    assert "Write down" in page.text

    refused = client.post(task.link, {"note": ""})
    assert refused.status_code == 400
    client.post(task.link, {"note": "Alex would like to do it, and asked about travel."})

    call.refresh_from_db()
    task.refresh_from_db()
    assert call.status == Status.CALLED
    assert call.call_note == "Alex would like to do it, and asked about travel."
    assert task.done_at is not None


def test_a_message_through_a_supporter_says_who_it_is_for(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    supporter_for(expert_at_riverside, may=[SupporterMay.RECEIVE_MESSAGES])
    hears_by(expert_at_riverside, "supporter")

    offer_sent(riverside_coordinator, expert_at_riverside)

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status, message.to) == (
        Channel.SUPPORTER,
        Status.SENT,
        "Priya",
    )
    (email,) = mail.outbox
    assert email.to == ["priya@family.example"]
    assert email.subject.startswith("For Alex:")
    assert "This message is for Alex, who named you as their supporter" in email.body


def test_a_removed_supporter_gets_nothing_from_that_moment(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    priya = supporter_for(expert_at_riverside, may=[SupporterMay.RECEIVE_MESSAGES])
    hears_by(expert_at_riverside, "supporter")
    assert supporters_who_may(expert_at_riverside, SupporterMay.RECEIVE_MESSAGES) == [priya]

    remove_supporter(priya, user=expert_at_riverside.user, membership=None)
    offer_sent(riverside_coordinator, expert_at_riverside)

    assert supporters_who_may(expert_at_riverside, "receive_messages") == []
    assert mail.outbox == []
    assert only_message_to(expert_at_riverside).status == Status.FAILED
    assert "no supporter who may get messages" in ActionNeeded.objects.get().title


def test_a_supporter_who_may_only_help_answer_gets_no_messages(
    riverside_coordinator, expert_at_riverside
):
    supporter_for(expert_at_riverside, may=[SupporterMay.HELP_ANSWER])

    assert supporters_who_may(expert_at_riverside, SupporterMay.RECEIVE_MESSAGES) == []
    assert [s.name for s in supporters_who_may(expert_at_riverside, "help_answer")] == ["Priya"]


def test_someone_with_no_email_who_gave_an_address_gets_a_letter(riverside_coordinator, offer_sent):
    jo = on_the_register(riverside_coordinator, "Jo", postal_address=ADDRESS)

    offer_sent(riverside_coordinator, jo)

    assert only_message_to(jo).channel == Channel.LETTER
    assert messages_to(jo)[0].postal_address == ADDRESS


def test_the_sender_is_told_on_the_spot_when_the_offer_cannot_reach_the_person(
    client, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    hears_by(expert_at_riverside, "post")
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)

    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(f"/offers/{offer.pk}/send/", {"acknowledge_warnings": "on"}, follow=True)

    assert "Version 1 of the offer is sent to Alex." in sent.text
    assert "Alex cannot get it yet: there is no postal address on their profile." in sent.text
    assert ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED).person == expert_at_riverside

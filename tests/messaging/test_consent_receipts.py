"""When a person gives, withdraws or agrees again to a consent, the receipt reaches them by
the channel they chose, through the worker, like every other message."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from pypdf import PdfReader

from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent, reconfirm_consent, withdraw_consent
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.messaging.letters import letter_pdf
from powerwith.messaging.models import Channel, Status
from powerwith.people.choices import SupporterMay
from tests.messaging.factories import (
    ADDRESS,
    hears_by,
    messages_to,
    on_the_register,
    only_message_to,
    supporter_for,
)
from tests.people.factories import membership_of


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a consent change queues on commit: here, the receipt's task."""

    def run(change, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            change(**kwargs)
        return ConsentEvent.objects.latest("id")

    return run


def own(person, organisation):
    return membership_of(person, organisation)


def test_a_consent_given_sends_the_receipt_by_email_with_its_link(
    committed, riverside, expert_at_riverside
):
    event = committed(
        grant_consent,
        person=expert_at_riverside,
        scope="keep_contact",
        actor=own(expert_at_riverside, riverside),
    )

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status) == (Channel.EMAIL, Status.SENT)
    assert message.about == "the receipt for a consent they gave"
    (email,) = mail.outbox
    assert email.to == ["alex@people.example"]
    assert email.subject == "Your consent receipt from Riverside Care Partnership"
    assert "You agreed: " in email.body
    assert f"/consent-receipts/{event.pk}/" in email.body
    assert "You can change your mind at any time." in email.body
    assert email.attachments == []


def test_a_person_with_no_login_gets_the_receipt_pdf_attached(committed, riverside_coordinator):
    jo = on_the_register(riverside_coordinator, "Jo", email="jo@people.example")

    event = committed(
        grant_consent,
        person=jo,
        scope="keep_contact",
        actor=riverside_coordinator,
        method="verbal",
    )

    (email,) = mail.outbox
    assert email.to == ["jo@people.example"]
    ((filename, content, kind),) = email.attachments
    assert (filename, kind) == (f"consent-receipt-{event.pk}.pdf", "application/pdf")
    assert content.startswith(b"%PDF")
    assert "Keep this message: it is your receipt." in email.body
    assert "/consent-receipts/" not in email.body


def test_a_withdrawal_and_a_reconfirmation_each_send_their_receipt(
    committed, riverside, expert_at_riverside
):
    me = own(expert_at_riverside, riverside)
    committed(grant_consent, person=expert_at_riverside, scope="keep_contact", actor=me)
    committed(reconfirm_consent, person=expert_at_riverside, scope="keep_contact", actor=me)
    committed(withdraw_consent, person=expert_at_riverside, scope="keep_contact", actor=me)

    abouts = [m.about for m in messages_to(expert_at_riverside)]
    assert abouts == [
        "the receipt for a consent they gave",
        "the receipt for a consent they agreed to again",
        "the receipt for a consent they withdrew",
    ]
    assert "You withdrew: " in mail.outbox[-1].body


def test_a_text_carries_a_short_link_and_nothing_of_what_was_agreed(
    committed, riverside, expert_at_riverside
):
    hears_by(expert_at_riverside, "text", phone="07700 900 982")

    event = committed(
        grant_consent,
        person=expert_at_riverside,
        scope="share_narrative",
        actor=own(expert_at_riverside, riverside),
    )

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status) == (Channel.TEXT, Status.SENT)
    assert message.body.endswith(f"/consent-receipts/{event.pk}/")
    assert "receipt" in message.body
    assert "story" not in message.body.lower()
    assert mail.outbox == []


def test_a_letter_is_printed_with_the_receipt_after_it(committed, riverside, expert_at_riverside):
    hears_by(expert_at_riverside, "post", postal_address=ADDRESS)

    event = committed(
        grant_consent,
        person=expert_at_riverside,
        scope="keep_contact",
        actor=own(expert_at_riverside, riverside),
    )

    letter = only_message_to(expert_at_riverside)
    assert (letter.channel, letter.status) == (Channel.LETTER, Status.QUEUED)
    assert letter.enclosure == f"consent_receipt:{event.pk}"
    pages = PdfReader(io.BytesIO(letter_pdf(letter))).pages
    assert "This is your receipt from Riverside Care Partnership" in pages[0].extract_text()
    enclosed = " ".join(page.extract_text() for page in pages[1:])
    assert "receipt" in enclosed.lower()
    assert len(pages) > 1


def test_a_phone_call_is_a_task_with_the_receipt_to_read(
    committed, riverside, riverside_admin, expert_at_riverside
):
    hears_by(expert_at_riverside, "phone", phone="0113 496 0000")

    committed(
        grant_consent,
        person=expert_at_riverside,
        scope="keep_contact",
        actor=own(expert_at_riverside, riverside),
    )

    call = only_message_to(expert_at_riverside)
    assert (call.channel, call.status) == (Channel.PHONE, Status.QUEUED)
    assert "We are calling with your receipt" in call.body
    assert "This is your receipt from Riverside Care Partnership" in call.body
    # No work named, so no contact person: the call falls to the organisation's admins.
    task = ActionNeeded.objects.get(kind=ActionKind.CALL, person=expert_at_riverside)
    assert task.assignee == riverside_admin.user


def test_a_supporter_gets_the_receipt_for_the_person(committed, riverside, expert_at_riverside):
    supporter_for(expert_at_riverside, may=[SupporterMay.RECEIVE_MESSAGES])
    hears_by(expert_at_riverside, "supporter")

    committed(
        grant_consent,
        person=expert_at_riverside,
        scope="keep_contact",
        actor=own(expert_at_riverside, riverside),
    )

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status, message.to) == (
        Channel.SUPPORTER,
        Status.SENT,
        "Priya",
    )
    (email,) = mail.outbox
    assert email.to == ["priya@family.example"]
    assert email.subject == "For Alex: Your consent receipt from Riverside Care Partnership"


def test_a_receipt_that_cannot_reach_the_person_goes_on_staffs_list(
    committed, riverside_coordinator
):
    jo = on_the_register(riverside_coordinator, "Jo")

    committed(
        grant_consent,
        person=jo,
        scope="keep_contact",
        actor=riverside_coordinator,
        method="verbal",
    )

    assert only_message_to(jo).status == Status.FAILED
    told = ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED, person=jo)
    assert "the receipt for a consent they gave" in told.title
    assert told.assignee == riverside_coordinator.user

"""GOV.UK Notify, through its official client, against a local fake of its HTTP API."""

from __future__ import annotations

from django.core import mail

from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.messaging.models import Channel, Status
from tests.messaging import notify_fake
from tests.messaging.factories import hears_by, only_message_to

EMAIL_TEMPLATE = notify_fake.EMAIL_TEMPLATE
TEXT_TEMPLATE = notify_fake.TEXT_TEMPLATE


def test_a_text_message_goes_to_notify_signed_with_the_services_key(
    notify, riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "text", phone="07700 900 982")

    offer = offer_sent(riverside_coordinator, expert_at_riverside)

    [(path, sent)] = notify.received
    assert path == "/v2/notifications/sms"
    assert sent["phone_number"] == "+447700900982"
    assert sent["template_id"] == TEXT_TEMPLATE
    assert f"/my-offers/{offer.pk}/" in sent["personalisation"]["body"]
    message = only_message_to(expert_at_riverside)
    assert sent["reference"] == f"message-{message.pk}"
    assert (message.channel, message.status) == (Channel.TEXT, Status.SENT)
    assert message.provider_id


def test_an_email_goes_to_notify_instead_of_the_mail_server(
    notify, riverside_coordinator, expert_at_riverside, offer_sent
):
    offer_sent(riverside_coordinator, expert_at_riverside)

    [(path, sent)] = notify.received
    assert path == "/v2/notifications/email"
    assert sent["email_address"] == "alex@people.example"
    assert sent["template_id"] == EMAIL_TEMPLATE
    assert sent["personalisation"]["subject"].startswith("An offer of work from")
    assert mail.outbox == []


def test_notify_refusing_is_recorded_by_its_status_and_staff_are_told(
    notify, riverside_coordinator, expert_at_riverside, offer_sent
):
    notify.refuse_with = 400
    hears_by(expert_at_riverside, "text", phone="07700 900 982")

    offer_sent(riverside_coordinator, expert_at_riverside)

    message = only_message_to(expert_at_riverside)
    assert message.status == Status.FAILED
    assert message.detail == "Attempt 1 failed: GOV.UK Notify answered 400."
    assert [a["outcome"] for a in message.attempts] == [message.detail]
    told = ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED)
    assert "GOV.UK Notify answered 400" in told.title
    # Notify's own reply quotes the number: it is never kept.
    assert "7700" not in message.detail + told.title


def test_without_notify_a_text_cannot_be_sent_and_staff_hear_at_once(
    settings, riverside_coordinator, expert_at_riverside, offer_sent
):
    settings.MESSAGES_BACKEND = "django"
    hears_by(expert_at_riverside, "text", phone="07700 900 982")

    offer_sent(riverside_coordinator, expert_at_riverside)

    assert only_message_to(expert_at_riverside).status == Status.FAILED
    assert "only through GOV.UK Notify" in ActionNeeded.objects.get().title

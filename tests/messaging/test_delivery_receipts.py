"""GOV.UK Notify's delivery receipts: a message it sent becomes delivered, or not
delivered with a task for staff to reach the person another way. Only Notify, with the
bearer token we gave it, may say so. The receipts are those the local fake of Notify
writes about what it was sent."""

from __future__ import annotations

import json

import pytest

from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.messaging.models import Status
from tests.messaging.factories import hears_by, only_message_to

TOKEN = "a-long-callback-token-for-notify-0123456789"
URL = "/notify/delivery-receipts/"


@pytest.fixture
def callback_token(settings) -> str:
    settings.NOTIFY_CALLBACK_TOKEN = TOKEN
    return TOKEN


def post_receipt(client, body, token: str = TOKEN):
    return client.post(
        URL,
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.fixture
def texted(notify, callback_token, riverside_coordinator, expert_at_riverside, offer_sent):
    hears_by(expert_at_riverside, "text", phone="07700 900 982")
    offer_sent(riverside_coordinator, expert_at_riverside)
    message = only_message_to(expert_at_riverside)
    assert message.status == Status.SENT
    return message


def test_a_text_notify_delivered_is_marked_delivered(client, notify, texted):
    answer = post_receipt(client, notify.delivery_receipt(f"message-{texted.pk}", "delivered"))

    assert answer.status_code == 204
    texted.refresh_from_db()
    assert (texted.status, texted.detail) == (Status.DELIVERED, "Delivered.")
    assert not ActionNeeded.objects.filter(kind=ActionKind.MESSAGE_FAILED).exists()


def test_an_email_notify_delivered_is_marked_delivered(
    client, notify, callback_token, riverside_coordinator, expert_at_riverside, offer_sent
):
    offer_sent(riverside_coordinator, expert_at_riverside)
    message = only_message_to(expert_at_riverside)

    post_receipt(client, notify.delivery_receipt(f"message-{message.pk}", "delivered"))

    message.refresh_from_db()
    assert message.status == Status.DELIVERED


def test_a_text_that_could_not_be_delivered_is_a_task_for_staff(
    client, notify, texted, riverside_admin, expert_at_riverside
):
    receipt = notify.delivery_receipt(f"message-{texted.pk}", "permanent-failure")

    assert post_receipt(client, receipt).status_code == 204

    texted.refresh_from_db()
    assert texted.status == Status.FAILED
    assert "Not delivered: the address or number does not exist" in texted.detail
    task = ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED)
    assert task.person == expert_at_riverside
    assert task.title.startswith("The text message about the offer of work for")
    assert "it was not delivered" in task.title
    assert task.link.endswith("#messages")


def test_the_same_failure_told_twice_raises_one_task(client, notify, texted, riverside_admin):
    receipt = notify.delivery_receipt(f"message-{texted.pk}", "temporary-failure")
    post_receipt(client, receipt)
    post_receipt(client, receipt)

    assert ActionNeeded.objects.filter(kind=ActionKind.MESSAGE_FAILED).count() == 1


def test_a_status_that_is_not_final_changes_nothing(client, notify, texted):
    post_receipt(client, notify.delivery_receipt(f"message-{texted.pk}", "sending"))

    texted.refresh_from_db()
    assert texted.status == Status.SENT


def test_a_receipt_without_the_token_is_refused_and_changes_nothing(client, notify, texted):
    receipt = notify.delivery_receipt(f"message-{texted.pk}", "delivered")

    assert post_receipt(client, receipt, token="guessed").status_code == 401
    assert client.post(URL, receipt, content_type="application/json").status_code == 401

    texted.refresh_from_db()
    assert texted.status == Status.SENT


def test_a_receipt_whose_id_is_not_the_messages_is_refused(client, notify, texted):
    receipt = notify.delivery_receipt(f"message-{texted.pk}", "delivered")
    receipt["id"] = "00000000-0000-4000-8000-000000000000"

    assert post_receipt(client, receipt).status_code == 404
    texted.refresh_from_db()
    assert texted.status == Status.SENT


@pytest.mark.parametrize("body", [{}, {"id": "x", "reference": "message-1"}, []])
def test_something_that_is_not_a_receipt_is_refused_with_a_reason(client, callback_token, body):
    answer = post_receipt(client, body)

    assert answer.status_code == 400
    assert answer.json() == {"detail": "Not a delivery receipt."}


def test_without_a_token_set_receipts_are_not_read(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""

    receipt = {"id": "x", "reference": "", "status": "delivered"}
    assert post_receipt(client, receipt).status_code == 404

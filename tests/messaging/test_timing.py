"""No texts and no reminders at night; reminders at the time of day the person chose, or
not at all when they stopped them. An offer always goes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.mail import EmailMessage
from django_tasks_db.models import DBTaskResult

from powerwith.core import mail
from powerwith.messaging.models import Channel, Status
from powerwith.messaging.routing import route
from powerwith.messaging.timing import wait_until
from tests.mail.conftest import run_worker
from tests.messaging.factories import hears_by, messages_to, only_message_to
from tests.offers.factories import sent_offer

LONDON = ZoneInfo("Europe/London")


def at(hour: int, minute: int = 0, day: int = 9) -> datetime:
    return datetime(2030, 1, day, hour, minute, tzinfo=LONDON)


def test_a_text_at_night_waits_until_eight_in_the_morning():
    assert wait_until(now=at(23, 30), by_text=True, reminder=False) == at(8, 0, day=10)
    assert wait_until(now=at(6, 15), by_text=True, reminder=False) == at(8, 0)


def test_a_text_in_the_day_goes_now():
    assert wait_until(now=at(8), by_text=True, reminder=False) is None
    assert wait_until(now=at(20, 59), by_text=True, reminder=False) is None


def test_an_email_that_is_not_a_reminder_goes_at_any_hour():
    assert wait_until(now=at(23, 30), by_text=False, reminder=False) is None


def test_a_reminder_waits_for_the_time_of_day_the_person_chose():
    assert wait_until(now=at(10), by_text=False, reminder=True, reminder_time="evening") == at(17)
    assert wait_until(now=at(18), by_text=False, reminder=True, reminder_time="evening") is None
    assert wait_until(now=at(21), by_text=False, reminder=True, reminder_time="morning") == at(
        9, day=10
    )


def test_a_reminder_by_email_still_waits_for_the_morning():
    assert wait_until(now=at(2), by_text=False, reminder=True) == at(8)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("tasks_in_the_database")
def test_an_offer_sent_at_night_by_text_is_queued_for_the_morning(
    riverside_coordinator, expert_at_riverside
):
    hears_by(expert_at_riverside, "text", phone="07700 900 982")
    with time_machine.travel(at(23, 30), tick=False):
        sent_offer(riverside_coordinator, expert_at_riverside)
        run_worker()

    message = only_message_to(expert_at_riverside)
    assert (message.channel, message.status) == (Channel.TEXT, Status.QUEUED)
    assert message.detail == "Waiting until 10 January, 8am."
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.run_after == at(8, day=10)
    assert waiting.args_kwargs["kwargs"]["message_id"] == message.pk

    with time_machine.travel(at(8, 1, day=10), tick=False):
        run_worker()

    message.refresh_from_db()
    assert message.status == Status.SENT
    assert len(messages_to(expert_at_riverside)) == 1


def test_a_person_who_stopped_reminders_gets_none_but_still_gets_offers(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "email", wants_reminders=False)
    offer_sent(riverside_coordinator, expert_at_riverside)
    reminder = mail.Letter(
        EmailMessage(subject="A reminder", body="Hello", to=["alex@people.example"]),
        mail.Undelivered(
            organisation_id=riverside_coordinator.organisation_id,
            assignee_ids=(),
            about="a reminder",
            to="Alex",
        ),
        mail.Recipient(expert_at_riverside.pk, "wellbeing_check", reminder=True),
    )

    routed = route(reminder, key="test 1", attempt=1, message_id=None, last=True, may_wait=False)

    assert routed.outcome == "not sent: the person has stopped reminders"
    assert [m.topic for m in messages_to(expert_at_riverside)] == ["offer_sent"]

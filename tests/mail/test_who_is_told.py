"""Who hears that an e-mail could not be sent: the member of staff who did what it was
about, the recipient themself when it was for staff, the organisation's admins when no
one named is still there, and no one at all for what belongs to the person alone. Here
tasks run as they are queued, so a refusal is final at once."""

from __future__ import annotations

import pytest
import time_machine
from django.core import mail as outbox
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from powerwith.core.mail import ATTEMPTS, NotSent
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.evaluation.reminders.reviews import sweep as reviews_sweep
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.notifications import offer_sent
from tests.engagements.factories import booked, expert_membership
from tests.evaluation.factories import NOW, days, opportunity_for_review, plan_with_review
from tests.offers.factories import sent_offer
from tests.payments.factories import offer_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mail_server_down")]


def failures() -> list[ActionNeeded]:
    return list(ActionNeeded.objects.filter(kind=ActionKind.MESSAGE_FAILED))


def test_a_review_reminder_to_staff_goes_on_their_own_list(
    django_capture_on_commit_callbacks, riverside_coordinator
):
    opportunity = opportunity_for_review(riverside_coordinator, "Ward visits role", days(3))
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert reviews_sweep(timezone.now()) == 1
    [told] = failures()
    assert told.assignee == riverside_coordinator.user
    assert told.title == (
        "The e-mail about the review of Ward visits role to you could not be sent: "
        "the mail server could not be reached."
    )
    assert told.link == f"/opportunities/{opportunity.pk}/edit/"
    assert told.person is None


def test_a_wellness_action_plan_reminder_is_told_to_no_one(
    django_capture_on_commit_callbacks, riverside_contact, expert_at_riverside
):
    plan_with_review(expert_at_riverside, days(3), riverside_contact)
    with time_machine.travel(NOW, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert reviews_sweep(timezone.now()) == 1
    assert outbox.outbox == []
    assert not ActionNeeded.objects.exists()


def test_an_alert_to_the_contact_person_adds_nothing_to_the_task_already_on_their_list(
    django_capture_on_commit_callbacks, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    me = expert_membership(expert_at_riverside, offer.organisation_id)
    with django_capture_on_commit_callbacks(execute=True):
        stop_or_time_out(person=expert_at_riverside, opportunity=offer.opportunity, by=me)
    assert [a.kind for a in ActionNeeded.objects.all()] == [ActionKind.STOPPED]


@pytest.mark.usefixtures("tasks_in_the_database")
def test_when_the_sender_has_left_the_organisation_its_admins_are_told(
    django_capture_on_commit_callbacks, riverside_admin, riverside_coordinator, expert_at_riverside
):
    with django_capture_on_commit_callbacks(execute=True):
        offer = sent_offer(riverside_coordinator, expert_at_riverside)
    riverside_coordinator.delete()
    [queued] = DBTaskResult.objects.filter(task_path=offer_sent.module_path)
    with pytest.raises(NotSent, match="Gave up"):
        offer_sent.call(*queued.args_kwargs["args"], attempt=ATTEMPTS)  # type: ignore[call-arg]
    [told] = failures()
    assert told.assignee == riverside_admin.user
    assert told.link == f"/offers/{offer.pk}/"

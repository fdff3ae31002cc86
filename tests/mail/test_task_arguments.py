"""The task table is stored in plain text, so a message is queued with ids alone: what a
person wrote (a question, a note about how they feel, why a claim was refused) is read
from the database when the e-mail is made, and a link's secret travels sealed."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from powerwith.accounts.services import invite_member
from powerwith.core import mail
from powerwith.core.roles import Role
from powerwith.engagements.models import CheckKind
from powerwith.engagements.services.booking import cancel_booking
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.engagements.services.wellbeing import complete_check
from powerwith.offers.notifications import questions
from powerwith.payments.services import reject_claim
from powerwith.workflows import offers as offer_workflows
from tests.engagements.factories import booked, expert_membership
from tests.payments.factories import expense_claim, offer_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_the_database")]

QUESTION = "I take clozapine in the morning: can the session start after ten?"
ANSWER = "Yes: we will start at half past ten for you."
FEELING = "The last session brought back memories of being restrained."
REFUSAL = "The receipt is for a different day."
CANCELLED = "Alex is in hospital this week."


def test_every_message_is_queued_with_ids_only(
    django_capture_on_commit_callbacks, riverside_admin, riverside_coordinator, expert_at_riverside
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = booked(riverside_coordinator, expert_at_riverside)
        offer = offer_of(booking)
        me = expert_membership(expert_at_riverside, offer.organisation_id)
        offer_workflows.ask_question(offer, user=me.user, text=QUESTION)
        offer_workflows.answer_question(offer, by=riverside_coordinator, text=ANSWER)
        with time_machine.travel(booking.session.starts_at - timedelta(hours=2), tick=False):
            check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
            complete_check(check, by=me, feeling=2, note=FEELING, wants_support=True)
        stop_or_time_out(person=expert_at_riverside, opportunity=offer.opportunity, by=me)
        reject_claim(expense_claim(offer), by=riverside_coordinator, note=REFUSAL)
        cancel_booking(booking, by=riverside_coordinator, reason=CANCELLED)

    queued = list(DBTaskResult.objects.all())
    assert {row.task_path.rsplit(".", 1)[1] for row in queued} >= {
        "offer_sent",
        "booking_made",
        "question_asked",
        "question_answered",
        "support_wanted",
        "stop_recorded",
        "claim_step",
        "booking_cancelled",
    }
    for row in queued:
        assert row.args_kwargs["kwargs"] == {}
        assert all(type(value) is int for value in row.args_kwargs["args"]), row.task_path
    stored = json.dumps([row.args_kwargs for row in queued])
    for words in (QUESTION, ANSWER, FEELING, REFUSAL, CANCELLED, "Alex", "alex@people.example"):
        assert words not in stored


def test_an_invitation_link_is_queued_sealed(django_capture_on_commit_callbacks, riverside_admin):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, secret = invite_member(
            email="new.person@example.org", role=Role.COORDINATOR, by=riverside_admin
        )
    [row] = DBTaskResult.objects.all()
    invitation_id, sealed = row.args_kwargs["args"]
    assert invitation_id == invitation.pk
    assert secret not in json.dumps(row.args_kwargs)
    assert "new.person@example.org" not in json.dumps(row.args_kwargs)
    assert mail.unseal(sealed) == secret


@pytest.mark.parametrize("text", ["Please call me after 5pm", 2.5, True, None])
def test_a_message_refuses_anything_but_ids(db, text):
    with pytest.raises(TypeError, match="takes ids"):
        mail.send_on_commit(questions.question_asked, text)
    assert not DBTaskResult.objects.exists()

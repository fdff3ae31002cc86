"""Wellbeing checks: the person answers their own (or staff with them), once, on or after
the day it falls due; "I would like support" reaches the contact person at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.engagements.models import CheckKind, WellbeingCheck
from powerwith.engagements.services.wellbeing import complete_check
from powerwith.inbox.models import ActionKind, ActionNeeded
from tests.conftest import make_expert, make_member
from tests.engagements.factories import booked, expert_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(riverside_coordinator, riverside_contact, expert_at_riverside):
    return booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)


def check_of(booking, kind=CheckKind.BEFORE) -> WellbeingCheck:
    check: WellbeingCheck = booking.wellbeing_checks.get(kind=kind)
    return check


def on_the_day(booking):
    return time_machine.travel(booking.session.starts_at - timedelta(hours=2), tick=False)


def test_the_person_answers_their_own_check_on_the_day(booking, expert_at_riverside):
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    check = check_of(booking)
    with on_the_day(booking):
        complete_check(check, by=me, feeling=4, note="Slept well")
    check.refresh_from_db()
    assert check.is_done
    assert (check.feeling, check.note, check.wants_support) == (4, "Slept well", False)
    assert check.completed_by == expert_at_riverside.user
    assert AuditEvent.objects.filter(action="wellbeing.check_completed").exists()
    assert not ActionNeeded.objects.exists()


def test_a_check_cannot_be_answered_before_its_day(booking, expert_at_riverside):
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    check = check_of(booking)
    with pytest.raises(Conflict, match="opens on"):
        complete_check(check, by=me, feeling=3)
    check.refresh_from_db()
    assert not check.is_done


def test_the_end_check_opens_on_the_day_of_the_session(booking, expert_at_riverside):
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    with on_the_day(booking):
        complete_check(check_of(booking, CheckKind.END), by=me, feeling=3)
    with on_the_day(booking), pytest.raises(Conflict):
        complete_check(check_of(booking, CheckKind.FOLLOW_UP), by=me, feeling=3)


def test_a_check_cannot_be_answered_twice(booking, expert_at_riverside):
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    with on_the_day(booking):
        complete_check(check_of(booking), by=me, feeling=2)
        with pytest.raises(Conflict, match="already been answered"):
            complete_check(check_of(booking), by=me, feeling=5)
    assert check_of(booking).feeling == 2


@pytest.mark.parametrize("feeling", [0, 6, 7, -1])
def test_a_feeling_off_the_scale_is_refused(booking, expert_at_riverside, feeling):
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    with on_the_day(booking), pytest.raises(InvalidInput):
        complete_check(check_of(booking), by=me, feeling=feeling)
    assert not check_of(booking).is_done


def test_wanting_support_alerts_the_contact_person_at_once(
    booking, expert_at_riverside, riverside_contact, django_capture_on_commit_callbacks
):
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    with on_the_day(booking), django_capture_on_commit_callbacks(execute=True):
        complete_check(check_of(booking), by=me, feeling=2, wants_support=True)
    task = ActionNeeded.objects.get()
    assert task.assignee == riverside_contact.user
    assert task.kind == ActionKind.WANTS_SUPPORT
    assert task.person == expert_at_riverside
    assert task.done_at is None
    assert [m.to for m in mail.outbox] == [["contact@riverside.example"]]
    assert "Alex would like support" in mail.outbox[0].subject


def test_the_backup_contact_person_is_alerted_too(
    riverside, riverside_coordinator, riverside_contact, expert_at_riverside,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    backup = make_member(riverside, "backup@riverside.example", "contact")
    booking = booked(
        riverside_coordinator,
        expert_at_riverside,
        contact=riverside_contact.user,
        backup_contact_user=backup.user,
    )
    me = expert_membership(expert_at_riverside, riverside.pk)
    with on_the_day(booking), django_capture_on_commit_callbacks(execute=True):
        complete_check(check_of(booking), by=me, feeling=1, wants_support=True)
    assert {t.assignee for t in ActionNeeded.objects.all()} == {
        riverside_contact.user,
        backup.user,
    }
    assert sorted(mail.outbox[0].to) == ["backup@riverside.example", "contact@riverside.example"]


def test_the_contact_person_can_answer_a_check_with_the_person(booking, riverside_contact):
    with on_the_day(booking):
        complete_check(check_of(booking), by=riverside_contact, feeling=3)
    assert check_of(booking).completed_by == riverside_contact.user


def test_a_contact_person_of_other_work_cannot_answer_it(riverside, booking):
    other_contact = make_member(riverside, "other@riverside.example", "contact")
    with on_the_day(booking), pytest.raises(NotAllowed):
        complete_check(check_of(booking), by=other_contact, feeling=3)
    assert not check_of(booking).is_done


def test_another_person_and_an_auditor_cannot_answer_it(
    riverside, booking, riverside_auditor, hillview_coordinator
):
    someone = make_expert("jo@people.example", "Jo", riverside)
    for by in (expert_membership(someone, riverside.pk), riverside_auditor, hillview_coordinator):
        with on_the_day(booking), pytest.raises(NotAllowed):
            complete_check(check_of(booking), by=by, feeling=3)
    assert not check_of(booking).is_done

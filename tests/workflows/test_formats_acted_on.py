"""Braille, BSL and Makaton needs are acted on: staff are asked to arrange embossing and
to book an interpreter for each session, and the booking shows on the scorecard."""

from __future__ import annotations

from datetime import timedelta

import pytest

from powerwith.engagements.models import Adjustment
from powerwith.engagements.services.adjustments import confirm_adjustment
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.reports.scorecard import scorecard
from tests.engagements.factories import booked
from tests.offers.factories import prefers, sent_offer

pytestmark = pytest.mark.django_db


def test_sending_an_offer_to_someone_who_reads_braille_asks_for_embossing(
    riverside_coordinator, expert_at_riverside
):
    prefers(expert_at_riverside, "braille")
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    task = ActionNeeded.objects.get(kind=ActionKind.ARRANGE_FORMAT)
    assert task.assignee == riverside_coordinator.user
    assert "embossed in braille" in task.title
    assert task.link == f"/offers/{offer.pk}/render/?format=braille"


def test_no_embossing_is_asked_for_someone_who_does_not_read_braille(
    riverside_coordinator, expert_at_riverside
):
    sent_offer(riverside_coordinator, expert_at_riverside)
    assert not ActionNeeded.objects.filter(kind=ActionKind.ARRANGE_FORMAT).exists()


def test_booking_someone_who_uses_bsl_asks_for_an_interpreter_for_that_session(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    prefers(expert_at_riverside, "bsl")
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    [adjustment] = Adjustment.objects.filter(person=expert_at_riverside)
    assert adjustment.session_id == booking.session_id
    assert "British Sign Language (BSL) interpreter" in adjustment.details
    tasks = ActionNeeded.objects.filter(key=f"adjustment:{adjustment.pk}")
    assert {t.assignee for t in tasks} == {riverside_coordinator.user, riverside_contact.user}
    assert all("Book a British Sign Language (BSL) interpreter" in t.title for t in tasks)


def test_an_interpreter_booked_before_the_session_meets_the_scorecard_check(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    prefers(expert_at_riverside, "makaton")
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    [adjustment] = Adjustment.objects.filter(person=expert_at_riverside)
    assert "Makaton interpreter" in adjustment.details
    confirm_adjustment(adjustment, by=riverside_contact)
    assert not ActionNeeded.objects.filter(key=f"adjustment:{adjustment.pk}", done_at=None)
    opportunity = booking.session.opportunity
    later = booking.session.starts_at + timedelta(days=1)
    [work] = [p for p in scorecard(opportunity, later).principles if p.code == "work"]
    [check] = [c for c in work.checks if c.name.startswith("Adjustments confirmed")]
    assert check.judged
    assert check.met

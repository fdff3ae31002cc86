"""Each tokenism flag, raised by the records that show it and not otherwise."""

from __future__ import annotations

from django.utils import timezone

from powerwith.engagements.models import Attendance, Session
from powerwith.evaluation.models import FeedbackRequest, ImpactEntry
from powerwith.payments.models import RewardChoice
from tests.conftest import make_expert
from tests.engagements.factories import accepted_offer
from tests.reports.factories import after_the_work, attending, card


def flags(by, opportunity, now=None) -> list[str]:
    found: list[str] = card(by, opportunity, now)["tokenism_flags"]
    return found


def test_a_consultation_with_no_impact_recorded_is_flagged(
    riverside_coordinator, expert_at_riverside
):
    opportunity = attending(
        riverside_coordinator, expert_at_riverside, level="consultation"
    ).session.opportunity
    later = after_the_work(opportunity)
    assert "consultation_no_impact" not in flags(riverside_coordinator, opportunity)
    assert "consultation_no_impact" in flags(riverside_coordinator, opportunity, later)
    ImpactEntry.objects.create(
        organisation=opportunity.organisation,
        opportunity=opportunity,
        you_said="a",
        we_did="b",
        recorded_by=riverside_coordinator.user,
    )
    assert "consultation_no_impact" not in flags(riverside_coordinator, opportunity, later)


def test_unpaid_work_without_the_persons_choice_is_flagged(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, reward_basis="voluntary")
    assert "unpaid_without_choice" in flags(riverside_coordinator, offer.opportunity)
    RewardChoice.objects.create(
        person=expert_at_riverside,
        opportunity=offer.opportunity,
        choice="decline",
        reason="I would rather volunteer.",
        recorded_by=expert_at_riverside.user,
    )
    assert "unpaid_without_choice" not in flags(riverside_coordinator, offer.opportunity)


def test_paid_work_is_not_flagged_as_unpaid(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    assert "unpaid_without_choice" not in flags(riverside_coordinator, offer.opportunity)


def test_finished_work_with_nobody_asked_for_feedback_is_flagged(
    riverside_coordinator, expert_at_riverside
):
    opportunity = attending(riverside_coordinator, expert_at_riverside).session.opportunity
    later = after_the_work(opportunity)
    assert "no_feedback_asked" not in flags(riverside_coordinator, opportunity)
    assert "no_feedback_asked" in flags(riverside_coordinator, opportunity, later)
    FeedbackRequest.objects.create(
        organisation=opportunity.organisation, opportunity=opportunity, person=expert_at_riverside
    )
    assert "no_feedback_asked" not in flags(riverside_coordinator, opportunity, later)


def test_work_going_to_the_same_few_people_is_flagged(
    riverside, riverside_coordinator, expert_at_riverside
):
    opportunity = attending(riverside_coordinator, expert_at_riverside).session.opportunity
    later = after_the_work(opportunity)
    # Alex alone has done all the paid work, out of four people on the register.
    for number in range(3):
        make_expert(f"waiting{number}@people.example", f"Waiting {number}", riverside)
    assert "work_concentrated" not in flags(riverside_coordinator, opportunity)
    assert "work_concentrated" in flags(riverside_coordinator, opportunity, later)


def test_work_shared_evenly_is_not_flagged(riverside_coordinator, expert_at_riverside):
    # Alex is the only person on the register: all the work is theirs, but that is an
    # even share.
    opportunity = attending(riverside_coordinator, expert_at_riverside).session.opportunity
    assert "work_concentrated" not in flags(
        riverside_coordinator, opportunity, after_the_work(opportunity)
    )


def test_attending_without_take_part_consent_is_a_consent_gap(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    attendance = attending(riverside_coordinator, expert_at_riverside)
    opportunity = attendance.session.opportunity
    later = after_the_work(opportunity)
    assert "consent_gaps" not in flags(riverside_coordinator, opportunity, later)
    # Sam attended the same session with no consent recorded (written straight to the
    # table: the booking service would have refused).
    Attendance.objects.create(session=attendance.session, person=expert_at_both, attended=True)
    assert "consent_gaps" in flags(riverside_coordinator, opportunity, later)


def test_an_empty_opportunity_has_no_flags(riverside_coordinator):
    from tests.offers.factories import complete_opportunity

    opportunity = complete_opportunity(riverside_coordinator)
    Session.objects.filter(opportunity=opportunity).update(cancelled_at=timezone.now())
    assert flags(riverside_coordinator, opportunity) == []

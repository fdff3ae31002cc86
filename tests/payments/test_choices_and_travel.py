"""The person's choice about payment (take the fee, ask for less, not be paid), which
decides what time claims come to and whether the work counts as voluntary; and travel
paid in advance, asked for before the session."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimKind, RewardChoice
from powerwith.payments.queries import is_voluntary_by_choice
from tests.engagements.factories import accepted_offer, booked
from tests.offers.factories import sent_offer
from tests.payments.factories import expense_claim, me, offer_of, time_claim, worked

pytestmark = pytest.mark.django_db


def choose(person, offer, choice, **kwargs):
    return services.record_reward_choice(
        person=person,
        opportunity=offer.opportunity,
        choice=choice,
        by=kwargs.pop("by", None) or me(person, offer),
        **kwargs,
    )


def test_asking_to_be_paid_less_makes_time_claims_use_the_persons_amount(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    choose(expert_at_riverside, offer_of(booking), "less", amount="15.00")
    assert time_claim(booking).amount == Decimal("45.00")  # 3 hours at £15


def test_the_lower_amount_is_below_the_agreed_fee(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    for amount, message in [("25.00", "less than the agreed fee"), ("0", "more than £0")]:
        with pytest.raises(InvalidInput, match=message):
            choose(expert_at_riverside, offer, "less", amount=amount)
    assert not RewardChoice.objects.exists()


def test_declining_payment_needs_a_reason(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="why you do not want to be paid"):
        choose(expert_at_riverside, offer, "decline", reason="  ")
    assert not RewardChoice.objects.exists()


def test_declining_payment_refuses_time_claims_kindly_but_not_expenses(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    choose(expert_at_riverside, offer, "decline", reason="It would affect my benefits.")
    with pytest.raises(Conflict, match="Thank you for giving your time"):
        time_claim(booking)
    assert expense_claim(offer).kind == ClaimKind.EXPENSES
    assert Claim.objects.count() == 1


def test_work_is_voluntary_only_by_the_persons_own_decline_with_a_reason(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    person, opportunity = expert_at_riverside, offer.opportunity
    assert not is_voluntary_by_choice(person, opportunity)
    choose(person, offer, "full")
    assert not is_voluntary_by_choice(person, opportunity)
    choose(person, offer, "decline", reason="I would rather give my time.")
    assert is_voluntary_by_choice(person, opportunity)
    # A newer choice replaces it.
    choose(person, offer, "less", amount="10.00")
    assert not is_voluntary_by_choice(person, opportunity.pk)


def test_staff_record_a_choice_only_saying_the_person_told_them(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(NotAllowed, match="told you"):
        choose(expert_at_riverside, offer, "decline", reason="Said so", by=riverside_coordinator)
    assert not is_voluntary_by_choice(expert_at_riverside, offer.opportunity)
    choose(
        expert_at_riverside,
        offer,
        "decline",
        reason="Told me on the phone: it would affect their benefits.",
        by=riverside_coordinator,
        person_said=True,
    )
    assert is_voluntary_by_choice(expert_at_riverside, offer.opportunity)
    recorded = AuditEvent.objects.get(action="payment.choice_recorded")
    assert recorded.details["on_behalf"] is True


def test_staff_of_another_organisation_cannot_record_a_choice(
    riverside_coordinator, hillview_coordinator, expert_at_both
):
    offer = accepted_offer(riverside_coordinator, expert_at_both)
    with pytest.raises(NotAllowed):
        choose(expert_at_both, offer, "full", by=hillview_coordinator, person_said=True)


def test_a_choice_is_made_once_the_offer_is_accepted(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="accepted"):
        choose(expert_at_riverside, offer, "full")


def test_the_fee_is_the_one_the_person_accepted_not_a_later_change(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    opportunity = booking.session.opportunity
    opportunity.reward_amount = Decimal("5.00")
    opportunity.save()
    assert time_claim(booking).amount == Decimal("75.00")


def request_travel(booking, amount="18.60"):
    person = booking.person
    return services.request_travel_advance(
        person=person,
        offer=offer_of(booking),
        session_id=booking.session_id,
        amount=amount,
        description="Return train from Hull to Leeds",
        by=me(person, booking),
    )


def test_travel_in_advance_is_asked_for_before_the_session_and_the_coordinators_told(
    riverside_coordinator, riverside_admin, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    claim = request_travel(booking)
    assert claim.kind == ClaimKind.TRAVEL_ADVANCE
    task = ActionNeeded.objects.get(kind=ActionKind.TRAVEL_ADVANCE)
    assert task.assignee == riverside_coordinator.user
    assert "before the session" in task.title
    services.approve_claim(claim, by=riverside_coordinator)
    services.record_payment(claim, by=riverside_admin, paid_on=timezone.localdate())
    task.refresh_from_db()
    assert task.done_at is not None
    assert claim.paid_on < timezone.localdate(booking.session.starts_at)


def test_travel_in_advance_only_where_the_offer_says_so(riverside_coordinator, expert_at_riverside):
    booking = booked(
        riverside_coordinator,
        expert_at_riverside,
        expenses={"travel": True, "travel_in_advance": False},
    )
    with pytest.raises(Conflict, match="does not include travel paid in advance"):
        request_travel(booking)
    assert not Claim.objects.exists()
    assert not ActionNeeded.objects.exists()


def test_travel_in_advance_is_not_asked_for_after_the_session(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="before the session"):
        request_travel(booking)
    assert not Claim.objects.exists()


def test_travel_in_advance_is_asked_for_once_a_session(riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    request_travel(booking)
    with pytest.raises(Conflict, match="already asked"):
        request_travel(booking)
    assert booking.session.starts_at > timezone.now() + timedelta(days=1)

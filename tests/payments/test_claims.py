"""Claims for time and expenses: made by the person against the offer they accepted,
approved or rejected by staff, paid with a date. Each step is an event and an audit
record; a refused claim writes nothing."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.engagements.models import StopEvent, StopKind
from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimEvent, ClaimKind, ClaimStatus
from tests.engagements.factories import accepted_offer, booked, expert_membership
from tests.offers.factories import sent_offer
from tests.payments.factories import expense_claim, me, offer_of, time_claim, worked

pytestmark = pytest.mark.django_db


def test_a_time_claim_is_the_hourly_rate_for_every_booked_minute(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    claim = time_claim(booking)
    assert claim.kind == ClaimKind.TIME
    assert claim.minutes == 180
    assert claim.amount == Decimal("75.00")  # 3 hours at £25
    assert claim.status == ClaimStatus.SUBMITTED
    assert [e.status for e in claim.events.all()] == [ClaimStatus.SUBMITTED]
    assert AuditEvent.objects.filter(action="claim.submitted").count() == 1


@pytest.mark.parametrize(("basis", "expected"), [("per_session", "40.00"), ("daily", "40.00")])
def test_per_session_and_daily_work_is_paid_the_rate_for_the_session(
    riverside_coordinator, expert_at_riverside, basis, expected
):
    booking = worked(
        riverside_coordinator,
        expert_at_riverside,
        reward_basis=basis,
        reward_amount=Decimal("40.00"),
    )
    assert time_claim(booking).amount == Decimal(expected)


def test_stopping_or_taking_time_out_never_reduces_the_pay_for_the_booked_time(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    session = booking.session
    for kind in (StopKind.TIME_OUT, StopKind.STOP):
        StopEvent.objects.create(
            person=expert_at_riverside,
            organisation=session.opportunity.organisation,
            opportunity=session.opportunity,
            session=session,
            kind=kind,
            recorded_by=expert_at_riverside.user,
        )
    claim = time_claim(booking)
    assert claim.minutes == 180
    assert claim.amount == Decimal("75.00")


def test_a_person_who_stopped_after_an_hour_is_still_paid_for_the_booked_time(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    claim = time_claim(booking, minutes=60)
    assert (claim.minutes, claim.amount) == (180, Decimal("75.00"))


def test_a_session_that_ran_over_is_claimed_for_the_time_worked_saying_why(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="Say why you worked longer") as refused:
        time_claim(booking, minutes=240)
    assert refused.value.field == "reason"
    assert not Claim.objects.exists()
    claim = time_claim(booking, minutes=240, reason="The workshop ran an hour over.")
    assert claim.amount == Decimal("100.00")
    assert claim.events.get().note == "The workshop ran an hour over."


def test_the_whole_life_of_a_claim(riverside_coordinator, riverside_admin, expert_at_riverside):
    booking = worked(riverside_coordinator, expert_at_riverside)
    claim = time_claim(booking)
    services.approve_claim(claim, by=riverside_coordinator)
    assert claim.status == ClaimStatus.APPROVED
    today = timezone.localdate()
    services.record_payment(claim, by=riverside_admin, paid_on=today, note="BACS")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert claim.paid_on == today
    steps = list(ClaimEvent.objects.filter(claim=claim).values_list("status", "actor"))
    assert steps == [
        (ClaimStatus.SUBMITTED, expert_at_riverside.user.pk),
        (ClaimStatus.APPROVED, riverside_coordinator.user.pk),
        (ClaimStatus.PAID, riverside_admin.user.pk),
    ]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"claim.submitted", "claim.approved", "claim.paid"} <= actions


def test_a_paid_claim_cannot_be_paid_again_or_withdrawn(riverside_coordinator, expert_at_riverside):
    claim = time_claim(worked(riverside_coordinator, expert_at_riverside))
    services.approve_claim(claim, by=riverside_coordinator)
    services.record_payment(claim, by=riverside_coordinator, paid_on=timezone.localdate())
    with pytest.raises(Conflict, match="has been paid"):
        services.record_payment(claim, by=riverside_coordinator, paid_on=timezone.localdate())
    with pytest.raises(Conflict, match="has been paid"):
        services.withdraw_claim(claim, by=me(expert_at_riverside, claim.offer))
    assert claim.events.count() == 3


def test_a_claim_is_paid_only_once_approved(riverside_coordinator, expert_at_riverside):
    claim = time_claim(worked(riverside_coordinator, expert_at_riverside))
    with pytest.raises(Conflict, match="waiting for approval"):
        services.record_payment(claim, by=riverside_coordinator, paid_on=timezone.localdate())
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_the_date_paid_is_not_in_the_future(riverside_coordinator, expert_at_riverside):
    claim = time_claim(worked(riverside_coordinator, expert_at_riverside))
    services.approve_claim(claim, by=riverside_coordinator)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        services.record_payment(claim, by=riverside_coordinator, paid_on=tomorrow)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.paid_on is None


def test_a_rejection_says_why(riverside_coordinator, expert_at_riverside):
    claim = time_claim(worked(riverside_coordinator, expert_at_riverside))
    with pytest.raises(InvalidInput, match="Say why"):
        services.reject_claim(claim, by=riverside_coordinator, note=" ")
    services.reject_claim(claim, by=riverside_coordinator, note="This was claimed twice.")
    assert claim.events.latest("id").note == "This was claimed twice."
    assert claim.status == ClaimStatus.REJECTED


def test_the_person_withdraws_a_claim_waiting_for_approval(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    claim = expense_claim(offer)
    services.withdraw_claim(claim, by=me(expert_at_riverside, offer))
    assert claim.status == ClaimStatus.WITHDRAWN


def test_only_coordinators_and_admins_of_the_organisation_approve(
    riverside_contact, hillview_coordinator, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    claim = expense_claim(offer)
    for who in (riverside_contact, hillview_coordinator, me(expert_at_riverside, offer)):
        with pytest.raises(NotAllowed):
            services.approve_claim(claim, by=who)
    assert claim.events.count() == 1


def test_nobody_claims_for_someone_else(riverside_coordinator, expert_at_riverside, expert_at_both):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    for who in (riverside_coordinator, expert_membership(expert_at_both, offer.organisation_id)):
        with pytest.raises(NotAllowed, match="someone else"):
            services.submit_expense_claim(
                person=expert_at_riverside,
                offer=offer,
                category="subsistence",
                amount="10.00",
                description="Lunch",
                by=who,
            )
    assert not Claim.objects.exists()


def test_a_claim_against_someone_elses_offer_is_refused(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(NotAllowed, match="someone else"):
        services.submit_expense_claim(
            person=expert_at_both,
            offer=offer,
            category="subsistence",
            amount="10.00",
            description="Lunch",
            by=expert_membership(expert_at_both, offer.organisation_id),
        )
    assert not Claim.objects.exists()


def test_a_claim_against_an_offer_not_accepted_is_refused(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="accepted"):
        expense_claim(offer)
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [("-5.00", "cannot be negative"), ("0", "more than £0"), ("lots", "in pounds")],
)
def test_a_bad_amount_is_explained_and_nothing_is_written(
    riverside_coordinator, expert_at_riverside, amount, message
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match=message):
        services.submit_expense_claim(
            person=expert_at_riverside,
            offer=offer,
            category="subsistence",
            amount=amount,
            description="Lunch",
            by=me(expert_at_riverside, offer),
        )
    assert not Claim.objects.exists()
    assert not AuditEvent.objects.filter(action="claim.submitted").exists()


def test_time_is_claimed_only_for_a_session_the_person_was_booked_into(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    session = offer.opportunity.sessions.get()
    session.starts_at = timezone.now() - timedelta(days=1)
    session.save()
    with pytest.raises(Conflict, match="not booked"):
        services.submit_time_claim(
            person=expert_at_riverside,
            offer=offer,
            session_id=session.pk,
            by=me(expert_at_riverside, offer),
        )
    assert not Claim.objects.exists()


def test_time_is_claimed_once_the_session_has_started(riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="once the session has started"):
        time_claim(booking)


def test_time_is_claimed_once_a_session(riverside_coordinator, expert_at_riverside):
    booking = worked(riverside_coordinator, expert_at_riverside)
    time_claim(booking)
    with pytest.raises(Conflict, match="already claimed"):
        time_claim(booking)
    assert Claim.objects.count() == 1


def test_a_withdrawn_time_claim_can_be_made_again(riverside_coordinator, expert_at_riverside):
    booking = worked(riverside_coordinator, expert_at_riverside)
    first = time_claim(booking)
    services.withdraw_claim(first, by=me(expert_at_riverside, booking))
    assert time_claim(booking).status == ClaimStatus.SUBMITTED


def test_a_session_of_other_work_is_refused(riverside_coordinator, expert_at_riverside):
    booking = worked(riverside_coordinator, expert_at_riverside)
    other = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="not part of this work"):
        services.submit_time_claim(
            person=expert_at_riverside,
            offer=other,
            session_id=booking.session_id,
            by=me(expert_at_riverside, other),
        )
    assert offer_of(booking) != other


def test_the_person_hears_when_their_claim_is_paid_and_why_one_is_not_approved(
    riverside_coordinator, expert_at_riverside, mailoutbox, django_capture_on_commit_callbacks
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    paid, refused = expense_claim(offer), expense_claim(offer, description="Lunch")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_claim(paid, by=riverside_coordinator)
        services.record_payment(paid, by=riverside_coordinator, paid_on=timezone.localdate())
        services.reject_claim(refused, by=riverside_coordinator, note="Lunch was provided.")
    assert [m.to for m in mailoutbox] == [[expert_at_riverside.email]] * 3
    assert "was paid on" in mailoutbox[1].body
    assert "Lunch was provided." in mailoutbox[2].body
    assert f"/my-claims/{paid.pk}/" in mailoutbox[1].body

"""Payment timeliness: days from claim to payment against the organisation's target,
and overdue claims put on the coordinators' and admins' lists, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.inbox.services import mark_done
from powerwith.payments import queries, reminders, services
from powerwith.reminders import SWEEPS
from tests.engagements.factories import accepted_offer
from tests.payments.factories import backdate, expense_claim

pytestmark = pytest.mark.django_db


def paid_after(offer, coordinator, days):
    claim = backdate(expense_claim(offer), days)
    services.approve_claim(claim, by=coordinator)
    services.record_payment(claim, by=coordinator, paid_on=timezone.localdate())
    return claim


def test_the_figure_counts_claims_paid_within_the_target_and_the_median(
    riverside, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    for days in (2, 4, 6, 9, 30):
        paid_after(offer, riverside_coordinator, days)
    figure = queries.timeliness(riverside)
    assert (figure.paid, figure.on_time, figure.median_days) == (5, 4, 6)
    assert figure.sentence == (
        "4 of 5 claims paid within 14 days in the last 12 months; median 6 days."
    )


def test_the_figure_follows_the_organisations_own_target(
    riverside, riverside_coordinator, expert_at_riverside
):
    riverside.payment_target_days = 5
    riverside.save()
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    for days in (2, 4, 6):
        paid_after(offer, riverside_coordinator, days)
    assert queries.timeliness(riverside).sentence.startswith("2 of 3 claims paid within 5 days")


def test_with_nothing_paid_the_figure_says_so(riverside):
    assert queries.timeliness(riverside).sentence.startswith("No claims have been paid")


def test_the_figure_is_the_organisations_own(
    riverside, hillview, riverside_coordinator, expert_at_riverside
):
    paid_after(accepted_offer(riverside_coordinator, expert_at_riverside), riverside_coordinator, 3)
    assert queries.timeliness(hillview).paid == 0


def test_overdue_claims_go_on_each_coordinators_and_admins_list_once(
    riverside_coordinator, riverside_admin, riverside_contact, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    late = backdate(expense_claim(offer), 15)
    approved_late = backdate(expense_claim(offer), 20)
    services.approve_claim(approved_late, by=riverside_coordinator)
    backdate(expense_claim(offer), 3)  # not overdue yet
    paid_after(offer, riverside_coordinator, 40)  # paid: not overdue
    now = timezone.now()
    assert reminders.sweep(now) == 2
    tasks = ActionNeeded.objects.filter(kind=ActionKind.CLAIM_OVERDUE)
    assert {t.assignee for t in tasks} == {riverside_coordinator.user, riverside_admin.user}
    assert {t.key for t in tasks} == {
        f"claim_overdue:{late.pk}",
        f"claim_overdue:{approved_late.pk}",
    }
    assert tasks.count() == 4
    # Again, and again after one is ticked off: nothing new.
    assert reminders.sweep(now) == 0
    mark_done(tasks.filter(assignee=riverside_admin.user).earliest("id"), by=riverside_admin)
    assert reminders.sweep(now + timedelta(minutes=15)) == 0
    assert tasks.count() == 4


def test_paying_an_overdue_claim_closes_its_task(riverside_coordinator, expert_at_riverside):
    claim = backdate(expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside)), 15)
    reminders.sweep(timezone.now())
    services.approve_claim(claim, by=riverside_coordinator)
    services.record_payment(claim, by=riverside_coordinator, paid_on=timezone.localdate())
    assert not ActionNeeded.objects.filter(done_at=None).exists()


def test_the_worker_runs_the_payments_sweep():
    assert "powerwith.payments.reminders.sweep" in SWEEPS

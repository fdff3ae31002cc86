"""The payments tests' shared cast: approved claims by two people, one on payroll."""

from __future__ import annotations

import pytest

from powerwith.payments import services
from powerwith.payments.models import Claim
from tests.engagements.factories import accepted_offer
from tests.payments.factories import expense_claim, me, mileage_claim, offer_of, time_claim, worked
from tests.payments.test_pay_routes import decide


def approved(claim: Claim, by) -> Claim:
    services.approve_claim(claim, by=by, confirm_outside_agreement=True)
    claim.refresh_from_db()
    return claim


@pytest.fixture
def approved_claims(riverside_coordinator, expert_at_riverside, expert_at_both):
    """Alex is on payroll (a £75 fee and £12.40 of expenses); Sam is paid a fee by bank
    transfer (£75) with mileage (£4.50); a claim still waiting is left out."""
    by = riverside_coordinator
    alex = worked(by, expert_at_riverside)
    decide(by, expert_at_riverside, "employed", offer_of(alex).opportunity.commitment)
    services.choose_pay_route(
        person=expert_at_riverside, by=me(expert_at_riverside, offer_of(alex)), route="payroll"
    )
    sam = worked(by, expert_at_both)
    claims = [
        approved(time_claim(alex), by),
        approved(expense_claim(offer_of(alex)), by),
        approved(time_claim(sam), by),
        approved(mileage_claim(offer_of(sam), "10"), by),
    ]
    expense_claim(accepted_offer(by, expert_at_both), "3.00")
    return claims

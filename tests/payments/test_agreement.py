"""Expense claims are held to what was agreed: the expenses in the version of the offer the
person accepted. One the offer does not cover is refused with the reason, on the page
and over the API, and nothing is written; one it covers is accepted; anything else goes
to the approver, who sees the agreed expenses beside it and must confirm paying it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from powerwith.accounts.models import AuditEvent
from powerwith.errors import Conflict, InvalidInput
from powerwith.opportunities.choices import EXPENSES
from powerwith.payments.fees import (
    TRAVEL_IN_ADVANCE,
    AgreedExpenses,
    agreed_expenses,
    outside_agreement,
)
from powerwith.payments.models import Claim, ExpenseCategory
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, expert_membership
from tests.payments.helpers import expense_claim

pytestmark = pytest.mark.django_db

NO_CHILDCARE = {
    "travel": True,
    "travel_in_advance": False,
    "subsistence": True,
    "care": False,
    "support_worker": True,
    "equipment": False,
}
REFUSAL = "Your offer does not cover care or childcare. Ask your contact person if you need it."


def nothing_written() -> bool:
    return (
        not Claim.objects.exists()
        and not AuditEvent.objects.filter(action="claim.submitted").exists()
    )


def test_each_kind_of_expense_an_offer_agrees_can_be_claimed_and_something_else():
    assert set(ExpenseCategory.values) == (set(EXPENSES) - {TRAVEL_IN_ADVANCE}) | {"other"}


def test_childcare_the_offer_does_not_cover_is_refused_with_the_reason(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    with pytest.raises(Conflict) as refused:
        expense_claim(offer, category="care", description="A childminder for the afternoon")
    assert refused.value.message == REFUSAL
    assert refused.value.field == "category"
    assert nothing_written()


def test_childcare_the_offer_does_not_cover_is_refused_on_the_page(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    page = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_expense_claim"),
        {
            "offer_id": offer.pk,
            "category": "care",
            "amount": "30.00",
            "description": "A childminder for the afternoon",
        },
    )
    assert page.status_code == 200
    assert "There is a problem" in page.text
    assert REFUSAL in page.text
    assert nothing_written()


def test_childcare_the_offer_does_not_cover_is_refused_over_the_api(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    client = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    answer = client.post(
        "/api/v1/claims",
        {
            "offer_id": offer.pk,
            "kind": "expenses",
            "category": "care",
            "amount": "30.00",
            "description": "A childminder for the afternoon",
        },
        content_type="application/json",
    )
    assert answer.status_code == 409
    assert answer.json() == {"detail": REFUSAL}
    assert nothing_written()


def test_the_person_sees_what_each_offer_covers_before_claiming(
    client, riverside_coordinator, expert_at_riverside
):
    accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    page = logged_in(client, expert_at_riverside.user).get(reverse("payments:my_expense_claim"))
    assert "What your offers cover" in page.text
    assert "Care or childcare" in page.text


def test_an_expense_the_offer_covers_is_accepted_and_not_flagged(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    claim = expense_claim(offer, category="travel")
    assert claim.category == ExpenseCategory.TRAVEL
    assert not outside_agreement(claim)


def test_something_else_is_accepted_for_the_approver_to_decide(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    claim = expense_claim(offer, category="other", description="Printing my notes")
    assert outside_agreement(claim)


def test_a_kind_an_offer_does_not_mention_is_neither_covered_nor_refused():
    # Every version sent lists every kind there is now; one sent before a kind existed
    # does not mention it, and the approver decides on it.
    older = AgreedExpenses(listed={"travel": True, "care": False})
    assert (older.covers("travel"), older.covers("care"), older.covers("equipment")) == (
        True,
        False,
        None,
    )
    assert older.covers("other") is None


def test_an_api_expense_without_a_category_goes_to_the_approver(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    answer = client.post(
        "/api/v1/claims",
        {"offer_id": offer.pk, "kind": "expenses", "amount": "3.00", "description": "Bus"},
        content_type="application/json",
    )
    assert answer.status_code == 201
    assert answer.json()["category"] == "other"
    assert answer.json()["outside_agreement"] is True


def test_an_unknown_kind_of_expense_is_explained_and_nothing_is_written(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="Choose what the money was spent on"):
        expense_claim(offer, category="holiday")
    assert nothing_written()


def test_the_agreement_is_the_accepted_version_not_a_later_change(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    opportunity = offer.opportunity
    opportunity.expenses = NO_CHILDCARE
    opportunity.save()
    claim = expense_claim(offer, category="care", description="A childminder")
    assert agreed_expenses(offer).covers("care") is True
    assert not outside_agreement(claim)

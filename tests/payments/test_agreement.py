"""Expense claims are held to what was agreed: the expenses in the version of the offer the
person accepted. One the offer does not cover is refused with the reason, on the page
and over the API, and nothing is written; one it covers is accepted; anything else goes
to the approver, who sees the agreed expenses beside it and must confirm paying it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from powerwith.accounts.models import AuditEvent
from powerwith.core.choices import EXPENSES
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.payments import services
from powerwith.payments.fees import (
    TRAVEL_IN_ADVANCE,
    AgreedExpenses,
    agreed_expenses,
    outside_agreement,
)
from powerwith.payments.models import Claim, ClaimStatus, ExpenseCategory
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, expert_membership
from tests.payments.factories import expense_claim

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
    assert page.status_code == 400
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


# The approver's side.


def flagged(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    return expense_claim(offer, category="other", description="Printing my notes")


def test_approving_an_expense_outside_the_agreement_needs_the_approvers_decision(
    riverside_coordinator, expert_at_riverside
):
    claim = flagged(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="not in the agreed expenses") as refused:
        services.approve_claim(claim, by=riverside_coordinator)
    assert refused.value.field == "confirm_outside_agreement"
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.events.count() == 1
    services.approve_claim(claim, by=riverside_coordinator, confirm_outside_agreement=True)
    assert claim.status == ClaimStatus.APPROVED
    approved = AuditEvent.objects.get(action="claim.approved")
    assert approved.details["outside_agreement"] is True


def test_an_agreed_expense_is_approved_without_a_decision_to_confirm(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_CHILDCARE)
    claim = expense_claim(offer, category="subsistence", description="Lunch")
    services.approve_claim(claim, by=riverside_coordinator)
    assert claim.status == ClaimStatus.APPROVED


def test_the_approver_sees_the_agreed_expenses_beside_a_flagged_claim(
    client, riverside_coordinator, expert_at_riverside
):
    claim = flagged(riverside_coordinator, expert_at_riverside)
    client = logged_in(client, riverside_coordinator.user)
    url = reverse("payments:claim", kwargs={"claim_id": claim.pk})
    page = client.get(url)
    assert "What was agreed" in page.text
    assert "£25.00 an hour" in page.text
    assert "Care or childcare" in page.text
    assert "Not in the agreed expenses — decide whether to pay it" in page.text
    assert "I have decided to pay it, although it is not in the agreed expenses" in page.text

    approve = reverse("payments:claim_approve", kwargs={"claim_id": claim.pk})
    refused = client.post(approve, {"approve-note": ""})
    assert "There is a problem" in refused.text
    assert "confirm that you have decided" in refused.text
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED

    done = client.post(approve, {"approve-confirm_outside_agreement": "on"})
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED


def test_an_agreed_expense_has_no_flag_and_no_decision_to_confirm(
    client, riverside_coordinator, expert_at_riverside
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    page = logged_in(client, riverside_coordinator.user).get(
        reverse("payments:claim", kwargs={"claim_id": claim.pk})
    )
    assert "What was agreed" in page.text
    assert "Not in the agreed expenses" not in page.text
    assert "I have decided to pay it" not in page.text


def test_approving_outside_the_agreement_over_the_api_needs_the_decision(
    riverside_coordinator, expert_at_riverside
):
    claim = flagged(riverside_coordinator, expert_at_riverside)
    staff = api_client_for(riverside_coordinator)
    read = staff.get(f"/api/v1/claims/{claim.pk}").json()
    assert read["outside_agreement"] is True
    assert read["agreed_expenses"]["care"] is False
    assert read["agreed_expenses"]["travel"] is True
    path = f"/api/v1/claims/{claim.pk}/approve"
    refused = staff.post(path)
    assert refused.status_code == 409
    assert "not in the agreed expenses" in refused.json()["detail"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    done = staff.post(path, {"confirm_outside_agreement": True}, content_type="application/json")
    assert done.status_code == 200
    assert done.json()["status"] == "approved"


def test_an_auditor_cannot_see_or_approve_a_claim(
    client, riverside_coordinator, riverside_auditor, expert_at_riverside
):
    claim = flagged(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, riverside_auditor.user)
    assert page.get(reverse("payments:claim", kwargs={"claim_id": claim.pk})).status_code == 403
    approve = reverse("payments:claim_approve", kwargs={"claim_id": claim.pk})
    assert page.post(approve, {"approve-confirm_outside_agreement": "on"}).status_code == 403
    api = api_client_for(riverside_auditor).post(
        f"/api/v1/claims/{claim.pk}/approve",
        {"confirm_outside_agreement": True},
        content_type="application/json",
    )
    assert api.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_another_organisations_claim_is_not_found_for_the_approver(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    claim = flagged(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, hillview_coordinator.user)
    assert page.get(reverse("payments:claim", kwargs={"claim_id": claim.pk})).status_code == 404
    api = api_client_for(hillview_coordinator).post(
        f"/api/v1/claims/{claim.pk}/approve",
        {"confirm_outside_agreement": True},
        content_type="application/json",
    )
    assert api.status_code == 404
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED

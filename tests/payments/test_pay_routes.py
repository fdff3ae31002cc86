"""How each person is paid: their own choice of route from a day on, the organisation's
employment-status decision for a kind of work deciding which routes are open, claims
carrying the route, and the offer saying what it means in plain words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from powerwith.core.errors import Conflict, InvalidInput
from powerwith.payments import services
from powerwith.payments.models import EmploymentStatusDecision, PayRouteChoice, RewardChoice
from powerwith.payments.routes import QUESTIONS
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, expert_membership
from tests.offers.factories import sent_offer
from tests.payments.factories import expense_claim, me, offer_of, time_claim, worked

pytestmark = pytest.mark.django_db

ANSWERS = {
    "control": True,
    "obligation": True,
    "substitution": False,
    "own_business": False,
    "equipment_and_risk": False,
    "part_of_organisation": True,
}


def decide(by, person, outcome, commitment="standalone_commission"):
    return services.record_employment_status(
        person=person,
        by=by,
        commitment=commitment,
        answers=ANSWERS,
        outcome=outcome,
        review_on=timezone.localdate() + timedelta(days=365),
        reasons="Regular work, managed like staff.",
    )


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def test_claims_are_paid_by_bank_transfer_as_a_fee_until_the_person_chooses(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    assert time_claim(booking).route == "bank_transfer"


def test_a_payroll_person_has_tax_taken_off_and_their_claims_go_through_payroll(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    commitment = offer.opportunity.commitment
    decide(riverside_coordinator, expert_at_riverside, "employed", commitment)
    mine = me(expert_at_riverside, offer)
    with pytest.raises(Conflict, match="bank transfer as a fee is not open to you"):
        services.choose_pay_route(person=expert_at_riverside, by=mine, route="bank_transfer")
    services.choose_pay_route(person=expert_at_riverside, by=mine, route="payroll")
    assert time_claim(booking).route == "payroll"
    assert expense_claim(offer).route == "payroll"


def test_a_claim_goes_the_way_the_decision_expects_when_the_choice_is_not_open(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    decide(
        riverside_coordinator, expert_at_riverside, "self_employed", offer.opportunity.commitment
    )
    # No choice made: a fee by bank transfer is not open to the self-employed.
    assert time_claim(booking).route == "invoice"


def test_a_new_route_applies_from_its_day_and_the_old_one_until_then(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    mine = me(expert_at_riverside, offer)
    services.choose_pay_route(person=expert_at_riverside, by=mine, route="vouchers")
    later = timezone.localdate() + timedelta(days=10)
    services.choose_pay_route(
        person=expert_at_riverside, by=mine, route="charity", applies_from=later, charity="Mind"
    )
    assert expense_claim(offer).route == "vouchers"
    with pytest.raises(InvalidInput, match="payments already made stay"):
        services.choose_pay_route(
            person=expert_at_riverside,
            by=mine,
            route="vouchers",
            applies_from=timezone.localdate() - timedelta(days=1),
        )
    with pytest.raises(InvalidInput, match="which charity"):
        services.choose_pay_route(person=expert_at_riverside, by=mine, route="charity")
    assert PayRouteChoice.objects.count() == 2


def test_a_decision_needs_every_question_answered_and_a_review_date(
    riverside_coordinator, expert_at_riverside
):
    with pytest.raises(InvalidInput, match="Answer every question"):
        services.record_employment_status(
            person=expert_at_riverside,
            by=riverside_coordinator,
            commitment="enduring_role",
            answers={"control": True},
            outcome="employed",
            review_on=timezone.localdate() + timedelta(days=30),
        )
    with pytest.raises(InvalidInput, match="review date"):
        services.record_employment_status(
            person=expert_at_riverside,
            by=riverside_coordinator,
            commitment="enduring_role",
            answers=ANSWERS,
            outcome="employed",
            review_on=timezone.localdate(),
        )
    assert not EmploymentStatusDecision.objects.exists()


def test_the_person_chooses_their_route_over_the_api(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    before = client.get("/api/v1/me/pay-route").json()
    assert before["route"] == "bank_transfer"
    assert "payroll" not in before["open_routes"]
    chosen = client.put(
        "/api/v1/me/pay-route", {"route": "vouchers"}, content_type="application/json"
    )
    assert chosen.status_code == 200, chosen.json()
    assert chosen.json()["route"] == "vouchers"
    refused = client.put(
        "/api/v1/me/pay-route", {"route": "payroll"}, content_type="application/json"
    )
    assert refused.status_code == 409
    assert PayRouteChoice.objects.count() == 1
    staff = api_client_for(riverside_coordinator)
    assert staff.get("/api/v1/me/pay-route").status_code == 403


def test_staff_record_and_read_a_decision_over_the_api_and_another_organisation_cannot(
    riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    path = f"/api/v1/people/{expert_at_riverside.pk}/employment-status"
    body = {
        "commitment": "enduring_role",
        "answers": ANSWERS,
        "outcome": "employed",
        "review_on": (timezone.localdate() + timedelta(days=365)).isoformat(),
    }
    made = post(api_client_for(riverside_coordinator), path, body)
    assert made.status_code == 201, made.json()
    assert made.json()["decided_by"] == riverside_coordinator.user_id
    listed = api_client_for(riverside_coordinator).get(path).json()
    assert listed["questions"] == QUESTIONS
    assert [d["outcome"] for d in listed["items"]] == ["employed"]
    assert post(api_client_for(hillview_coordinator), path, body).status_code == 404
    assert EmploymentStatusDecision.objects.count() == 1


def test_the_offer_says_how_the_person_would_be_paid_in_plain_words(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    decide(riverside_coordinator, expert_at_riverside, "employed", offer.opportunity.commitment)
    page = logged_in(client, expert_at_riverside.user).get(
        reverse("offers:my_offer", kwargs={"offer_id": offer.pk})
    )
    text = page.content.decode()
    assert "How you would be paid: through payroll" in text
    assert "Tax and National Insurance will be taken off before you are paid" in text


def test_the_person_chooses_on_the_page_and_staff_decide_on_theirs(
    client, riverside_coordinator, expert_at_riverside
):
    accepted_offer(riverside_coordinator, expert_at_riverside)
    person = logged_in(client, expert_at_riverside.user)
    sent = person.post(reverse("payments:my_pay_route"), {"route": "vouchers"}, follow=True)
    assert "Your choice is saved: vouchers from" in sent.content.decode()
    assert person.post(reverse("payments:my_pay_route"), {}).status_code == 400
    staff = logged_in(client, riverside_coordinator.user)
    path = reverse("payments:employment_status", kwargs={"person_id": expert_at_riverside.pk})
    review = timezone.localdate() + timedelta(days=200)
    form = {key: "yes" if value else "no" for key, value in ANSWERS.items()}
    form |= {
        "commitment": "enduring_role",
        "outcome": "employed",
        "review_on_0": str(review.day),
        "review_on_1": str(review.month),
        "review_on_2": str(review.year),
    }
    done = staff.post(path, form, follow=True)
    assert "The decision is recorded: employed for tax" in done.content.decode()
    assert staff.post(path, {}).status_code == 400


def test_a_choice_to_take_less_is_kept_with_the_words_the_person_saw(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:payment_choice", kwargs={"accepted_offer_id": offer.pk}),
        {"choice": "less", "amount": "20.00"},
        follow=True,
    )
    assert page.status_code == 200
    shown = client.get(
        reverse("payments:payment_choice", kwargs={"accepted_offer_id": offer.pk})
    ).content.decode()
    recorded = RewardChoice.objects.get()
    first, second, chosen = recorded.words_seen.split("\n\n")
    assert first in shown
    assert second in shown
    assert first.startswith("The offer you accepted pays £25.00 an hour.")
    assert chosen == "You chose: I would like to be paid less: £20.00 an hour."

"""Claims over the API: the same rules as the pages, JSON errors, and 404 across
organisations."""

from __future__ import annotations

import pytest
from django.utils import timezone

from powerwith.payments.models import Claim, ClaimStatus
from tests.conftest import api_client_for
from tests.engagements.factories import accepted_offer, expert_membership
from tests.offers.factories import sent_offer
from tests.payments.factories import expense_claim, offer_of, worked

pytestmark = pytest.mark.django_db


def expert_api(person, offer):
    return api_client_for(expert_membership(person, offer.organisation_id))


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


def test_the_person_claims_for_their_time_and_staff_approve_and_pay(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    made = post(
        expert_api(expert_at_riverside, offer),
        "/api/v1/claims",
        {"offer_id": offer.pk, "kind": "time", "session_id": booking.session_id},
    )
    assert made.status_code == 201, made.json()
    claim = made.json()
    assert (claim["amount"], claim["minutes"], claim["status"]) == ("75.00", 180, "submitted")
    staff = api_client_for(riverside_coordinator)
    assert post(staff, f"/api/v1/claims/{claim['id']}/approve").json()["status"] == "approved"
    today = timezone.localdate().isoformat()
    paid = post(staff, f"/api/v1/claims/{claim['id']}/pay", {"paid_on": today})
    assert paid.json()["status"] == "paid"
    assert paid.json()["days_to_pay"] == 0
    assert [e["status"] for e in paid.json()["events"]] == ["submitted", "approved", "paid"]
    figure = staff.get("/api/v1/payments/timeliness").json()
    assert (figure["paid"], figure["paid_within_target"]) == (1, 1)


def test_experts_list_their_own_claims_and_staff_their_organisations(
    riverside_coordinator, hillview_coordinator, expert_at_riverside, expert_at_both
):
    mine = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    theirs_offer = accepted_offer(riverside_coordinator, expert_at_both)
    expense_claim(theirs_offer)
    own = expert_api(expert_at_riverside, mine.offer).get("/api/v1/claims").json()
    assert [c["id"] for c in own["items"]] == [mine.pk]
    assert api_client_for(riverside_coordinator).get("/api/v1/claims").json()["count"] == 2
    assert api_client_for(hillview_coordinator).get("/api/v1/claims").json()["count"] == 0


def test_another_organisations_claim_is_not_found(
    riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    other = api_client_for(hillview_coordinator)
    assert other.get(f"/api/v1/claims/{claim.pk}").status_code == 404
    refused = post(other, f"/api/v1/claims/{claim.pk}/approve")
    assert refused.status_code == 404
    assert refused.json() == {"detail": "Not found."}
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_another_persons_claim_is_not_found_for_an_expert(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    sam = api_client_for(expert_membership(expert_at_both, claim.organisation_id))
    assert sam.get(f"/api/v1/claims/{claim.pk}").status_code == 404
    assert post(sam, f"/api/v1/claims/{claim.pk}/withdraw").status_code == 404


def test_a_claim_against_someone_elses_offer_or_by_staff_is_refused(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    body = {"offer_id": offer.pk, "kind": "expenses", "amount": "5.00", "description": "Bus"}
    sam = api_client_for(expert_membership(expert_at_both, offer.organisation_id))
    assert post(sam, "/api/v1/claims", body).status_code == 404
    staff = post(api_client_for(riverside_coordinator), "/api/v1/claims", body)
    assert staff.status_code == 403
    assert "own claims" in staff.json()["detail"]
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"kind": "expenses", "amount": "-5.00", "description": "Bus"}, 422, "negative"),
        ({"kind": "expenses", "amount": "5.00", "description": ""}, 422, "Say what"),
        ({"kind": "holiday", "amount": "5.00"}, 422, "Unknown kind"),
        ({"kind": "time"}, 422, "Choose the session"),
        ({"kind": "time", "reason": "x" * 501}, 422, "reason"),
        ({"kind": "expenses", "amount": "5.00", "colour": "red"}, 422, "extra"),
    ],
)
def test_bad_claims_get_a_clear_json_error_and_nothing_is_written(
    riverside_coordinator, expert_at_riverside, body, status, words
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    answer = post(
        expert_api(expert_at_riverside, offer), "/api/v1/claims", {"offer_id": offer.pk, **body}
    )
    assert answer.status_code == status
    assert words in str(answer.json()["detail"])
    assert not Claim.objects.exists()


def test_a_time_claim_for_longer_than_booked_says_why(riverside_coordinator, expert_at_riverside):
    booking = worked(riverside_coordinator, expert_at_riverside)
    offer = offer_of(booking)
    client = expert_api(expert_at_riverside, offer)
    body = {"offer_id": offer.pk, "kind": "time", "session_id": booking.session_id, "minutes": 240}
    refused = post(client, "/api/v1/claims", body)
    assert refused.status_code == 422
    assert "Say why you worked longer" in refused.json()["detail"]
    made = post(client, "/api/v1/claims", {**body, "reason": "It ran an hour over."})
    assert made.status_code == 201
    assert made.json()["amount"] == "100.00"
    assert made.json()["events"][0]["note"] == "It ran an hour over."


def test_a_claim_against_an_offer_not_accepted_is_a_conflict(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    answer = post(
        expert_api(expert_at_riverside, offer),
        "/api/v1/claims",
        {"offer_id": offer.pk, "kind": "expenses", "amount": "5.00", "description": "Bus"},
    )
    assert answer.status_code == 409
    assert not Claim.objects.exists()


def test_reject_needs_a_note(riverside_coordinator, expert_at_riverside):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    staff = api_client_for(riverside_coordinator)
    assert post(staff, f"/api/v1/claims/{claim.pk}/reject", {"note": ""}).status_code == 422
    done = post(staff, f"/api/v1/claims/{claim.pk}/reject", {"note": "Claimed twice"})
    assert done.json()["status"] == "rejected"


def test_the_person_records_their_choice_about_payment(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    client = expert_api(expert_at_riverside, offer)
    path = f"/api/v1/opportunities/{offer.opportunity_id}/reward-choice"
    assert post(client, path, {"choice": "decline"}).status_code == 422
    made = post(client, path, {"choice": "decline", "reason": "I want to give my time."})
    assert made.status_code == 201
    assert made.json()["voluntary"] is True
    less = post(client, path, {"choice": "less", "amount": "30.00"})
    assert less.status_code == 422


def test_staff_record_a_choice_for_the_person_only_saying_so(
    riverside_coordinator, hillview_coordinator, expert_at_both
):
    offer = accepted_offer(riverside_coordinator, expert_at_both)
    path = f"/api/v1/opportunities/{offer.opportunity_id}/reward-choice"
    body = {"choice": "full", "person_id": expert_at_both.pk}
    staff = api_client_for(riverside_coordinator)
    assert post(staff, path, body).status_code == 403
    assert post(staff, path, {**body, "person_said": True}).status_code == 201
    assert (
        post(api_client_for(hillview_coordinator), path, {**body, "person_said": True}).status_code
        == 404
    )


def test_approve_needs_no_body(riverside_coordinator, expert_at_riverside):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    staff = api_client_for(riverside_coordinator)
    answer = staff.post(f"/api/v1/claims/{claim.pk}/approve")
    assert answer.status_code == 200
    assert answer.json()["status"] == "approved"


def test_a_body_that_is_not_json_is_a_clear_error(riverside_coordinator, expert_at_riverside):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    staff = api_client_for(riverside_coordinator)
    answer = staff.post(
        f"/api/v1/claims/{claim.pk}/approve", "not json", content_type="application/json"
    )
    assert answer.status_code == 422
    assert "detail" in answer.json()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_staff_filter_claims_waiting_for_approval(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    waiting, approved = expense_claim(offer), expense_claim(offer, description="Lunch")
    staff = api_client_for(riverside_coordinator)
    post(staff, f"/api/v1/claims/{approved.pk}/approve")
    assert [c["id"] for c in staff.get("/api/v1/claims?show=waiting").json()["items"]] == [
        waiting.pk
    ]
    assert [c["id"] for c in staff.get("/api/v1/claims?show=approved").json()["items"]] == [
        approved.pk
    ]
    assert staff.get("/api/v1/claims?page=2").json() == {"items": [], "count": 2}
    assert staff.get("/api/v1/claims?page=0").status_code == 422

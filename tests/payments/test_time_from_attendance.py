"""Time claimed from recorded attendance: the sessions staff recorded the person at are
listed on their claims page with what each comes to (the booked minutes at the accepted
rate, or the lower amount they chose), and one button claims for them. Nothing is
claimed until the person confirms; each session is claimed once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.engagements.services.sessions import record_attendance
from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimKind, ClaimStatus
from powerwith.payments.time_to_claim import time_to_claim
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import booked, expert_membership
from tests.payments.factories import attended, attended_each, me, offer_of, time_claim, worked

pytestmark = pytest.mark.django_db


def listed(person) -> dict[int, Decimal]:
    return {row.session.pk: row.amount for row in time_to_claim(person.user, timezone.now())}


def claim_from_attendance(person, *bookings):
    return services.claim_time_from_attendance(
        person=person,
        by=me(person, bookings[0]),
        session_ids=[b.session_id for b in bookings],
    )


def choose(person, booking, choice, **kwargs):
    services.record_reward_choice(
        person=person,
        opportunity=booking.session.opportunity,
        choice=choice,
        by=me(person, booking),
        **kwargs,
    )


# What is listed, and what each comes to.


def test_an_attended_session_is_listed_at_the_accepted_rate_for_the_booked_time(
    riverside_coordinator, expert_at_riverside
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    assert listed(expert_at_riverside) == {booking.session_id: Decimal("75.00")}
    assert not Claim.objects.exists()


def test_the_lower_amount_the_person_chose_is_what_is_listed_and_claimed(
    riverside_coordinator, expert_at_riverside
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    choose(expert_at_riverside, booking, "less", amount="15.00")
    assert listed(expert_at_riverside) == {booking.session_id: Decimal("45.00")}
    [claim] = claim_from_attendance(expert_at_riverside, booking)
    assert (claim.amount, claim.minutes) == (Decimal("45.00"), 180)


def test_per_session_work_is_listed_at_the_rate_for_the_session(
    riverside_coordinator, expert_at_riverside
):
    booking = attended(
        riverside_coordinator,
        expert_at_riverside,
        reward_basis="per_session",
        reward_amount=Decimal("40.00"),
    )
    assert listed(expert_at_riverside) == {booking.session_id: Decimal("40.00")}


def test_only_sessions_recorded_as_attended_are_listed(riverside_coordinator, expert_at_riverside):
    not_recorded = worked(riverside_coordinator, expert_at_riverside)
    absent = worked(riverside_coordinator, expert_at_riverside)
    record_attendance(absent, by=riverside_coordinator, attended=False)
    booked(riverside_coordinator, expert_at_riverside)  # still to come
    there = attended(riverside_coordinator, expert_at_riverside)
    assert set(listed(expert_at_riverside)) == {there.session_id}
    with pytest.raises(Conflict, match=r"attendance at the session on .* is not recorded"):
        claim_from_attendance(expert_at_riverside, there, not_recorded)
    assert not Claim.objects.exists()


def test_nothing_is_listed_for_a_person_who_chose_not_to_be_paid(
    riverside_coordinator, expert_at_riverside
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    choose(expert_at_riverside, booking, "decline", reason="It would affect my benefits.")
    assert listed(expert_at_riverside) == {}
    with pytest.raises(Conflict, match="no time to claim"):
        claim_from_attendance(expert_at_riverside, booking)
    assert not Claim.objects.exists()


def test_nothing_is_listed_for_voluntary_work(riverside_coordinator, expert_at_riverside):
    attended(
        riverside_coordinator,
        expert_at_riverside,
        reward_basis="voluntary",
        reward_amount=None,
        paid_within_days=None,
    )
    assert listed(expert_at_riverside) == {}


def test_a_session_claimed_by_hand_is_not_listed(riverside_coordinator, expert_at_riverside):
    booking = attended(riverside_coordinator, expert_at_riverside)
    time_claim(booking)
    assert listed(expert_at_riverside) == {}


# Claiming in one step.


def test_the_person_claims_for_every_session_in_one_step(
    riverside_coordinator, expert_at_riverside
):
    bookings = attended_each(riverside_coordinator, expert_at_riverside, sessions=2)
    claims = claim_from_attendance(expert_at_riverside, *bookings)
    assert [(c.kind, c.session_id, c.amount, c.status) for c in claims] == [
        (ClaimKind.TIME, b.session_id, Decimal("75.00"), ClaimStatus.SUBMITTED) for b in bookings
    ]
    assert AuditEvent.objects.filter(action="claim.submitted").count() == 2
    assert listed(expert_at_riverside) == {}


def test_a_session_left_out_stays_on_the_list(riverside_coordinator, expert_at_riverside):
    first, second = attended_each(riverside_coordinator, expert_at_riverside, sessions=2)
    claim_from_attendance(expert_at_riverside, first)
    assert set(listed(expert_at_riverside)) == {second.session_id}


def test_a_session_is_claimed_once_and_a_second_attempt_changes_nothing(
    riverside_coordinator, expert_at_riverside
):
    first, second = attended_each(riverside_coordinator, expert_at_riverside, sessions=2)
    claim_from_attendance(expert_at_riverside, first)
    with pytest.raises(Conflict, match="already claimed for your time at the session on"):
        claim_from_attendance(expert_at_riverside, second, first)
    assert Claim.objects.count() == 1
    assert set(listed(expert_at_riverside)) == {second.session_id}


def test_the_database_refuses_a_second_live_time_claim_for_a_session(
    riverside_coordinator, expert_at_riverside
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    [claim] = claim_from_attendance(expert_at_riverside, booking)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(
            organisation=claim.organisation,
            person=claim.person,
            offer=claim.offer,
            session=claim.session,
            kind=ClaimKind.TIME,
            amount=claim.amount,
            created_by=claim.created_by,
        )
    services.withdraw_claim(claim, by=me(expert_at_riverside, booking))
    assert listed(expert_at_riverside) == {booking.session_id: Decimal("75.00")}


def test_choosing_no_session_is_explained(riverside_coordinator, expert_at_riverside):
    booking = attended(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match="Choose at least one session"):
        services.claim_time_from_attendance(
            person=expert_at_riverside, by=me(expert_at_riverside, booking), session_ids=[]
        )


def test_nobody_claims_someone_elses_time(riverside_coordinator, expert_at_riverside):
    booking = attended(riverside_coordinator, expert_at_riverside)
    with pytest.raises(NotAllowed):
        services.claim_time_from_attendance(
            person=expert_at_riverside, by=riverside_coordinator, session_ids=[booking.session_id]
        )
    assert not Claim.objects.exists()


# The person's page.


def test_the_claims_page_lists_the_time_to_claim_and_claims_it_in_one_step(
    client, riverside_coordinator, expert_at_riverside
):
    bookings = attended_each(riverside_coordinator, expert_at_riverside, sessions=2)
    client = logged_in(client, expert_at_riverside.user)
    page = client.get(reverse("payments:my_claims"))
    assert "Time to claim" in page.text
    assert "3 hours booked, £75.00" in page.text
    assert "£150.00" in page.text
    assert "Claim for these sessions" in page.text
    assert not Claim.objects.exists()
    sent = client.post(
        reverse("payments:my_time_to_claim"),
        {"session_ids": [b.session_id for b in bookings]},
    )
    assert sent.status_code == 302
    assert sent["Location"] == reverse("payments:my_claims")
    assert Claim.objects.filter(kind=ClaimKind.TIME).count() == 2
    after = client.get(reverse("payments:my_claims"))
    assert "Your time is claimed for 2 sessions." in after.text
    assert "Claim for these sessions" not in after.text


def test_sending_the_list_again_from_the_page_changes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    client = logged_in(client, expert_at_riverside.user)
    form = {"session_ids": [booking.session_id]}
    client.post(reverse("payments:my_time_to_claim"), form)
    again = client.post(reverse("payments:my_time_to_claim"), form)
    assert again.status_code == 400
    assert "There is a problem" in again.text
    assert "claimed already" in again.text
    assert Claim.objects.count() == 1


def test_claiming_with_nothing_ticked_is_explained_on_the_page(
    client, riverside_coordinator, expert_at_riverside
):
    attended(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).post(reverse("payments:my_time_to_claim"))
    assert "Choose at least one session to claim for." in page.text
    assert not Claim.objects.exists()


def test_an_auditor_has_no_time_to_claim(client, riverside_coordinator, riverside_auditor):
    client = logged_in(client, riverside_auditor.user)
    assert client.get(reverse("payments:my_time_to_claim")).status_code == 404
    assert client.post(reverse("payments:my_time_to_claim")).status_code == 403


# The API.


def expert_api(person, booking):
    return api_client_for(expert_membership(person, booking.session.opportunity.organisation_id))


def post(client, body):
    return client.post("/api/v1/claims/time-from-attendance", body, content_type="application/json")


def test_the_api_lists_the_time_to_claim_and_claims_it(riverside_coordinator, expert_at_riverside):
    booking = attended(riverside_coordinator, expert_at_riverside)
    client = expert_api(expert_at_riverside, booking)
    found = client.get("/api/v1/me/claimable-time").json()
    assert found["count"] == 1
    assert found["total"] == "75.00"
    [item] = found["items"]
    assert (item["session_id"], item["offer_id"], item["minutes"], item["amount"]) == (
        booking.session_id,
        offer_of(booking).pk,
        180,
        "75.00",
    )
    assert (item["basis"], item["rate"]) == ("hourly", "25.00")
    made = post(client, {"session_ids": [booking.session_id]})
    assert made.status_code == 201, made.json()
    assert made.json()["count"] == 1
    assert made.json()["items"][0]["amount"] == "75.00"
    again = post(client, {"session_ids": [booking.session_id]})
    assert again.status_code == 409
    assert "already claimed" in again.json()["detail"]
    assert Claim.objects.count() == 1
    assert client.get("/api/v1/me/claimable-time").json() == {
        "items": [],
        "count": 0,
        "total": "0.00",
    }


def test_another_organisations_or_persons_session_is_not_found(
    hillview, riverside_coordinator, expert_at_riverside, expert_at_both
):
    theirs = attended(riverside_coordinator, expert_at_riverside)
    sam_at_riverside = attended(riverside_coordinator, expert_at_both)
    at_hillview = api_client_for(expert_membership(expert_at_both, hillview.pk))
    assert at_hillview.get("/api/v1/me/claimable-time").json()["count"] == 0
    assert post(at_hillview, {"session_ids": [sam_at_riverside.session_id]}).status_code == 404
    sam = expert_api(expert_at_both, sam_at_riverside)
    assert post(sam, {"session_ids": [theirs.session_id]}).status_code == 404
    assert not Claim.objects.exists()


def test_staff_and_auditors_do_not_claim_time_over_the_api(
    riverside_coordinator, riverside_auditor, expert_at_riverside
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    for who in (riverside_coordinator, riverside_auditor):
        client = api_client_for(who)
        assert client.get("/api/v1/me/claimable-time").status_code == 403
        assert post(client, {"session_ids": [booking.session_id]}).status_code == 403
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    "body",
    [{}, {"session_ids": []}, {"session_ids": ["one"]}, {"session_ids": [0]}, {"all": True}],
)
def test_bad_input_gets_a_clear_json_error_and_nothing_is_written(
    riverside_coordinator, expert_at_riverside, body
):
    booking = attended(riverside_coordinator, expert_at_riverside)
    answer = post(expert_api(expert_at_riverside, booking), body)
    assert answer.status_code == 422
    assert "detail" in answer.json()
    assert not Claim.objects.exists()

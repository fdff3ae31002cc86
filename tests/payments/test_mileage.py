"""Travel by mileage at HMRC's approved rates, dated like the rate card: the amount is
worked out, never typed; the 10,000 miles count across the tax year; a new rate applies
from its day; rates are added, never changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.payments import services
from powerwith.payments.models import Claim, MileageRate
from powerwith.privacy.retention import sweep
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, expert_membership
from tests.payments.factories import mileage_claim

pytestmark = pytest.mark.django_db

NO_TRAVEL = {"travel": False, "subsistence": True}


def post(client, path, body):
    return client.post(path, body, content_type="application/json")


def journey(offer, **fields):
    return {
        "offer_id": offer.pk,
        "kind": "mileage",
        "miles": "12",
        "passengers": 1,
        "vehicle": "car",
        "from": "Hull",
        "to": "Leeds",
        **fields,
    }


def test_twelve_miles_by_car_with_a_passenger_come_to_six_pounds_over_the_api(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    made = post(client, "/api/v1/claims", journey(offer))
    assert made.status_code == 201, made.json()
    claim = made.json()
    assert (claim["kind"], claim["amount"], claim["miles"], claim["passengers"]) == (
        "mileage",
        "6.00",
        "12",
        1,
    )
    assert (claim["journey_from"], claim["journey_to"], claim["vehicle"]) == (
        "Hull",
        "Leeds",
        "car",
    )
    assert claim["travelled_on"] == timezone.localdate().isoformat()
    assert claim["description"] == "12 miles by car or van from Hull to Leeds"
    assert claim["outside_agreement"] is False


def test_part_miles_are_paid_to_the_penny(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    assert mileage_claim(offer, "12.5", passengers=1).amount == Decimal("6.25")


def test_a_motorcycle_and_a_bicycle_have_their_own_rates(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    assert mileage_claim(offer, "10", vehicle="motorcycle").amount == Decimal("2.40")
    assert mileage_claim(offer, "10", vehicle="bicycle").amount == Decimal("2.00")


def test_the_claim_that_crosses_ten_thousand_miles_in_the_tax_year_is_paid_at_both_rates(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    first = mileage_claim(offer, "9990", travelled_on=date(2025, 5, 1))
    assert first.amount == Decimal("4495.50")
    # 10 miles at 45p and 10 at 25p, each with a passenger at 5p a mile.
    crossing = mileage_claim(offer, "20", passengers=1, travelled_on=date(2026, 3, 1))
    assert crossing.amount == Decimal("8.00")
    after = mileage_claim(offer, "10", travelled_on=date(2026, 4, 5))
    assert after.amount == Decimal("2.50")
    # 6 April starts a new tax year: 45p a mile again.
    new_year = mileage_claim(offer, "10", travelled_on=date(2026, 4, 6))
    assert new_year.amount == Decimal("4.50")


def test_a_withdrawn_claim_no_longer_counts_towards_the_ten_thousand_miles(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    big = mileage_claim(offer, "9999", travelled_on=date(2025, 5, 1))
    services.withdraw_claim(big, by=expert_membership(expert_at_riverside, offer.organisation_id))
    assert mileage_claim(offer, "10", travelled_on=date(2025, 6, 1)).amount == Decimal("4.50")


def test_a_journey_is_paid_at_the_rate_on_the_day_it_was_made(
    riverside_coordinator, riverside_admin, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    MileageRate.objects.create(
        organisation=offer.organisation,
        vehicle="car",
        applies_from=date(2026, 1, 1),
        pence_per_mile=Decimal(55),
        threshold_miles=10_000,
        later_pence=Decimal(30),
        passenger_pence=Decimal(6),
        created_by=riverside_admin.user,
    )
    before = mileage_claim(offer, "10", passengers=1, travelled_on=date(2025, 12, 31))
    after = mileage_claim(offer, "10", passengers=1, travelled_on=date(2026, 1, 1))
    assert (before.amount, after.amount) == (Decimal("5.00"), Decimal("6.10"))
    # The miles before the change still count towards the 10,000 after it.
    mileage_claim(offer, "9975", travelled_on=date(2026, 1, 2))
    crossing = mileage_claim(offer, "10", travelled_on=date(2026, 1, 3))
    assert crossing.amount == Decimal("4.25")  # 5 miles at 55p, 5 at 30p


def test_another_organisations_rates_do_not_apply(
    riverside_coordinator, hillview_admin, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    MileageRate.objects.create(
        organisation=hillview_admin.organisation,
        vehicle="car",
        applies_from=date(2020, 1, 1),
        pence_per_mile=Decimal(99),
        created_by=hillview_admin.user,
    )
    assert mileage_claim(offer, "10").amount == Decimal("4.50")


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"miles": "-3"}, "miles", "Miles cannot be negative"),
        ({"miles": "0"}, "miles", "Enter more than 0 miles"),
        ({"miles": None}, "miles", "Enter the miles"),
        ({"passengers": -1}, "passengers", "Passengers cannot be negative"),
        ({"vehicle": "bicycle"}, "passengers", "in a car or van only"),
        ({"vehicle": "horse"}, "vehicle", "Choose how you travelled"),
        ({"from": "  "}, "from", "Say where you travelled from"),
        ({"travelled_on": "2099-01-01"}, "travelled_on", "once you have made it"),
    ],
)
def test_bad_journeys_are_refused_in_words_and_nothing_is_written(
    riverside_coordinator, expert_at_riverside, fields, field, words
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    refused = post(client, "/api/v1/claims", journey(offer, **fields))
    assert 400 <= refused.status_code < 500, refused.json()
    assert words in str(refused.json()["detail"])
    assert not Claim.objects.exists()
    assert not AuditEvent.objects.filter(action="claim.submitted").exists()


def test_mileage_is_refused_where_the_offer_does_not_cover_travel(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside, expenses=NO_TRAVEL)
    with pytest.raises(Conflict) as refused:
        mileage_claim(offer)
    assert refused.value.message.startswith("Your offer does not cover travel.")
    assert not Claim.objects.exists()


def test_an_admin_adds_a_rate_from_a_day_to_come_and_it_applies_from_then(
    riverside_coordinator, riverside_admin, expert_at_riverside
):
    tomorrow = timezone.localdate() + timedelta(days=1)
    line = services.add_mileage_rate(
        by=riverside_admin,
        vehicle="bicycle",
        applies_from=tomorrow,
        pence_per_mile="22",
    )
    assert AuditEvent.objects.filter(action="mileage_rate.added").count() == 1
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    assert mileage_claim(offer, "10", vehicle="bicycle").amount == Decimal("2.00")
    line.pence_per_mile = Decimal(30)
    with pytest.raises(ValueError, match="kept as it was"):
        line.save()


def test_a_rate_is_never_changed_or_added_for_a_day_already_begun(riverside_admin):
    today = timezone.localdate()
    with pytest.raises(Conflict, match="day after today"):
        services.add_mileage_rate(
            by=riverside_admin, vehicle="car", applies_from=today, pence_per_mile="50"
        )
    later = today + timedelta(days=30)
    services.add_mileage_rate(
        by=riverside_admin, vehicle="car", applies_from=later, pence_per_mile="50"
    )
    with pytest.raises(Conflict, match="already a rate"):
        services.add_mileage_rate(
            by=riverside_admin, vehicle="car", applies_from=later, pence_per_mile="55"
        )
    assert MileageRate.objects.get().pence_per_mile == Decimal(50)


def test_bad_rates_are_refused(riverside_admin):
    later = timezone.localdate() + timedelta(days=30)
    with pytest.raises(InvalidInput):
        services.add_mileage_rate(
            by=riverside_admin, vehicle="car", applies_from=later, pence_per_mile="-1"
        )
    with pytest.raises(InvalidInput):
        services.add_mileage_rate(
            by=riverside_admin,
            vehicle="car",
            applies_from=later,
            pence_per_mile="45",
            threshold_miles=10_000,
        )
    assert not MileageRate.objects.exists()


def test_only_an_admin_adds_a_rate(riverside_coordinator):
    later = timezone.localdate() + timedelta(days=30)
    with pytest.raises(PermissionDenied):
        services.add_mileage_rate(
            by=riverside_coordinator, vehicle="car", applies_from=later, pence_per_mile="50"
        )


def test_the_person_claims_mileage_from_the_page_and_sees_the_amount(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    browser = logged_in(client, expert_at_riverside.user)
    form = browser.get(reverse("payments:my_mileage_claim"))
    assert "Car or van: 45p a mile for the first 10,000 miles" in form.content.decode()
    sent = browser.post(
        reverse("payments:my_mileage_claim"),
        {
            "offer_id": offer.pk,
            "journey_from": "Hull",
            "journey_to": "Leeds",
            "vehicle": "car",
            "miles": "12",
            "passengers": "1",
        },
        follow=True,
    )
    assert "Your mileage claim for £6.00 is sent for approval." in sent.content.decode()
    assert Claim.objects.get().amount == Decimal("6.00")


def test_a_mileage_form_with_negative_miles_answers_400_and_writes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, expert_at_riverside.user).post(
        reverse("payments:my_mileage_claim"),
        {
            "offer_id": offer.pk,
            "journey_from": "Hull",
            "journey_to": "Leeds",
            "vehicle": "car",
            "miles": "-4",
        },
    )
    assert page.status_code == 400
    assert "Miles cannot be negative" in page.content.decode()
    assert not Claim.objects.exists()
    assert (
        logged_in(client, expert_at_riverside.user)
        .post(reverse("payments:my_mileage_claim"), {})
        .status_code
        == 400
    )


def test_an_admin_adds_a_mileage_rate_on_the_page_and_a_coordinator_only_reads(
    client, riverside_admin, riverside_coordinator
):
    later = timezone.localdate() + timedelta(days=40)
    added = logged_in(client, riverside_admin.user).post(
        reverse("payments:mileage_rates"),
        {
            "vehicle": "bicycle",
            "applies_from_0": later.day,
            "applies_from_1": later.month,
            "applies_from_2": later.year,
            "pence_per_mile": "22",
        },
        follow=True,
    )
    assert "The new rate for a bicycle is saved." in added.content.decode()
    reader = Client()
    page = logged_in(reader, riverside_coordinator.user).get(reverse("payments:mileage_rates"))
    assert "22p a mile" in page.content.decode()
    assert "Your organisation admin can add a new rate." in page.content.decode()
    refused = reader.post(reverse("payments:mileage_rates"), {"vehicle": "car"})
    assert refused.status_code == 403
    assert MileageRate.objects.count() == 1


def test_the_rate_card_over_the_api_adds_lines_and_has_no_way_to_change_one(
    riverside_admin, riverside_coordinator, hillview_admin
):
    later = (timezone.localdate() + timedelta(days=40)).isoformat()
    admin = api_client_for(riverside_admin)
    made = post(
        admin,
        "/api/v1/mileage-rates",
        {
            "vehicle": "car",
            "applies_from": later,
            "pence_per_mile": "50",
            "threshold_miles": 10000,
            "later_pence": "28",
            "passenger_pence": "6",
        },
    )
    assert made.status_code == 201, made.json()
    assert made.json()["words"] == (
        "50p a mile for the first 10,000 miles in the tax year, 28p after, and 6p a mile "
        "for each passenger"
    )
    card = api_client_for(riverside_coordinator).get("/api/v1/mileage-rates").json()
    assert [r["pence_per_mile"] for r in card["items"]] == ["50"]
    assert card["in_use"][0]["built_in"] is True
    assert api_client_for(hillview_admin).get("/api/v1/mileage-rates").json()["items"] == []
    again = post(
        admin,
        "/api/v1/mileage-rates",
        {"vehicle": "car", "applies_from": later, "pence_per_mile": "55"},
    )
    assert again.status_code == 409
    assert (
        admin.put("/api/v1/mileage-rates", {}, content_type="application/json").status_code == 405
    )
    assert (
        post(
            api_client_for(riverside_coordinator),
            "/api/v1/mileage-rates",
            {"vehicle": "car", "applies_from": later, "pence_per_mile": "60"},
        ).status_code
        == 403
    )
    assert MileageRate.objects.count() == 1


def test_a_journeys_places_go_with_the_claims_words_after_six_years(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    claim = mileage_claim(offer, "10", journey_from="HU1 1AA", journey_to="Leeds")
    Claim.objects.filter(pk=claim.pk).update(status="paid", paid_on=date(2026, 12, 1))
    # The sweep also removes the audit rows past their own period by then: only the
    # claim's words matter here.
    sweep(datetime(2033, 1, 15, tzinfo=UTC))
    claim.refresh_from_db()
    assert (claim.journey_from, claim.journey_to, claim.description) == ("", "", "")
    assert (claim.amount, claim.miles) == (Decimal("4.50"), Decimal("10.00"))

"""The send gate, element by element: a complete offer less any one required element is
refused with that element named, in the API (409) and on the page (an error summary),
and nothing is written."""

from __future__ import annotations

from typing import Any

import pytest

from powerwith.offers import services
from powerwith.offers.content import REQUIRED_ELEMENTS
from powerwith.offers.models import Offer, OfferEvent, OfferStatus, OfferVersion
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in
from tests.offers.factories import draft_offer

pytestmark = pytest.mark.django_db

# For each element: the opportunity's terms and the person's terms that leave it out.
LEFT_OUT: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "input_expected": ({"input_expected": ""}, {}),
    "location": ({"location_address": ""}, {}),
    "time_commitment": ({"sessions": 0, "hours_per_week": None}, {}),
    "reward": ({"reward_amount": None}, {}),
    "payment_timing": ({"paid_within_days": None}, {}),
    "payment_method": ({}, {"payment_method": ""}),
    "expenses": ({"expenses": {}}, {}),
    "benefits_advice_signpost": ({}, {}),  # see offer_without
    "output_use": ({"output_use": {}}, {}),
    "contact_person": ({"contact_user": None}, {}),
    "support": ({"wellbeing_checks": False, "ground_rules": ""}, {"support": ""}),
    "adjustments": ({}, {"adjustments": ""}),
}


def test_every_required_element_has_a_case_here():
    assert set(LEFT_OUT) == set(REQUIRED_ELEMENTS)


def offer_without(element: str, by, person: Person) -> Offer:
    opportunity_terms, offer_terms = LEFT_OUT[element]
    offer = draft_offer(by, person, **opportunity_terms)
    if offer_terms:
        services.change_terms(offer, by=by, terms=offer_terms)
    if element == "benefits_advice_signpost":
        # A person who asked for benefits advice always gets our standard signpost when
        # the coordinator writes none, so no service can leave it out. Blank text stored
        # directly is the only way to an offer without it: the gate must still catch it.
        person.benefits_advice = "yes"
        person.save()
        Offer.objects.filter(pk=offer.pk).update(terms={**offer.terms, "benefits_signpost": " "})
        offer.refresh_from_db()
    return offer


def rows() -> tuple[int, int]:
    return OfferVersion.objects.count(), OfferEvent.objects.count()


@pytest.mark.parametrize("element", list(REQUIRED_ELEMENTS))
def test_the_api_refuses_to_send_without_it(element, riverside_coordinator, expert_at_riverside):
    offer = offer_without(element, riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    assert client.get(f"/api/v1/offers/{offer.pk}").json()["missing"] == [element]
    before = rows()
    response = client.post(
        f"/api/v1/offers/{offer.pk}/send",
        {"acknowledge_warnings": True},
        content_type="application/json",
    )
    assert response.status_code == 409
    body = response.json()
    assert body["missing"] == [element]
    assert REQUIRED_ELEMENTS[element] in body["detail"]
    assert rows() == before
    offer.refresh_from_db()
    assert (offer.status, offer.version) == (OfferStatus.DRAFT, 0)


@pytest.mark.parametrize("element", list(REQUIRED_ELEMENTS))
def test_the_page_shows_it_in_an_error_summary(
    element, client, riverside_coordinator, expert_at_riverside
):
    offer = offer_without(element, riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    before = rows()
    response = client.post(f"/offers/{offer.pk}/send/", {"acknowledge_warnings": "on"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "There is a problem: the offer cannot be sent yet" in page
    assert REQUIRED_ELEMENTS[element].replace("'", "&#x27;") in page
    assert rows() == before


def test_a_complete_offer_passes_the_gate(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    response = api_client_for(riverside_coordinator).post(f"/api/v1/offers/{offer.pk}/send")
    assert response.status_code == 200
    assert response.json()["status"] == "sent"


def test_a_person_who_asked_for_benefits_advice_gets_a_signpost_by_default(
    riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.benefits_advice = "yes"
    expert_at_riverside.save()
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    version = services.send_offer(offer, by=riverside_coordinator)
    assert "Citizens Advice" in version.content["benefits_signpost"]


def test_every_missing_element_is_listed_at_once(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(
        riverside_coordinator, expert_at_riverside, input_expected="", contact_user=None
    )
    response = api_client_for(riverside_coordinator).post(f"/api/v1/offers/{offer.pk}/send")
    assert response.status_code == 409
    assert response.json()["missing"] == ["input_expected", "contact_person"]

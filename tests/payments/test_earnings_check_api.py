"""The person's own benefit rules over the API: the same service as the page to say which
apply, and the same check and words as the offer page for one of their offers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from powerwith.people.models import BenefitsSituation
from tests.conftest import api_client_for
from tests.engagements.factories import expert_membership
from tests.offers.factories import sent_offer
from tests.people.steps import signed_in

pytestmark = pytest.mark.django_db


def own_api(person, organisation_id: int) -> Client:
    return api_client_for(expert_membership(person, organisation_id))


def put(client: Client, body: dict[str, Any]) -> Any:
    return client.put("/api/v1/me/benefits", body, content_type="application/json")


def test_the_person_says_which_rules_apply_and_reads_it_back(
    expert_at_riverside, riverside_coordinator
):
    client = own_api(expert_at_riverside, riverside_coordinator.organisation_id)
    assert client.get("/api/v1/me/benefits").json() == {
        "benefit": "",
        "shared": False,
        "chosen_at": None,
    }
    answer = put(client, {"benefit": "esa", "shared": True})
    assert answer.status_code == 200
    assert (answer.json()["benefit"], answer.json()["shared"]) == ("esa", True)
    assert answer.json()["chosen_at"] is not None
    assert put(client, {"benefit": ""}).json()["benefit"] == ""
    assert not BenefitsSituation.objects.filter(person=expert_at_riverside).exists()


def test_an_unknown_benefit_is_refused_and_changes_nothing(
    expert_at_riverside, riverside_coordinator
):
    client = own_api(expert_at_riverside, riverside_coordinator.organisation_id)
    put(client, {"benefit": "universal_credit"})
    refused = put(client, {"benefit": "jobseekers"})
    assert refused.status_code in (400, 422)
    assert "detail" in refused.json()
    assert BenefitsSituation.objects.get(person=expert_at_riverside).benefit == "universal_credit"


def test_staff_cannot_read_or_say_a_persons_benefits(riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    assert client.get("/api/v1/me/benefits").status_code == 403
    assert put(client, {"benefit": "esa"}).status_code == 403


def test_the_check_gives_the_same_words_as_the_offer_page(
    client: Client, expert_at_riverside, riverside_coordinator
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("70.00"))
    api = own_api(expert_at_riverside, riverside_coordinator.organisation_id)
    put(api, {"benefit": "esa"})
    found = api.get(f"/api/v1/me/earnings-check?offer_id={offer.pk}")
    assert found.status_code == 200, found.json()
    body = found.json()
    assert (body["benefit"], body["shown"], body["warns"]) == ("esa", True, True)
    (week,) = body["permitted_work_weeks"]
    assert (week["pay"], week["weekly_limit"], week["hours"]) == ("210.00", "195.50", "3")
    assert (week["too_much_pay"], week["too_many_hours"]) == (True, False)
    assert body["universal_credit_months"] == []
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    for words in body["sentences"]:
        assert words in page


def test_the_check_for_universal_credit_gives_the_months_figures(
    expert_at_riverside, riverside_coordinator
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside, reward_amount=Decimal("200.00"))
    api = own_api(expert_at_riverside, riverside_coordinator.organisation_id)
    put(api, {"benefit": "universal_credit"})
    body = api.get(f"/api/v1/me/earnings-check?offer_id={offer.pk}").json()
    (month,) = body["universal_credit_months"]
    assert (month["pay"], month["lower_work_allowance"], month["taper"]) == (
        "600.00",
        "411.00",
        "0.55",
    )
    assert (month["above_lower"], month["above_higher"]) == (True, False)


def test_not_on_benefits_shows_nothing(expert_at_riverside, riverside_coordinator):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    api = own_api(expert_at_riverside, riverside_coordinator.organisation_id)
    put(api, {"benefit": "not_on_benefits"})
    body = api.get(f"/api/v1/me/earnings-check?offer_id={offer.pk}").json()
    assert (body["shown"], body["warns"], body["sentences"]) == (False, False, [])


def test_another_organisations_offer_or_a_staff_token_is_refused(
    expert_at_both, riverside_coordinator, hillview_coordinator
):
    at_hillview = sent_offer(hillview_coordinator, expert_at_both)
    riverside_token = own_api(expert_at_both, riverside_coordinator.organisation_id)
    answer = riverside_token.get(f"/api/v1/me/earnings-check?offer_id={at_hillview.pk}")
    assert answer.status_code == 404
    staff = api_client_for(hillview_coordinator)
    assert staff.get(f"/api/v1/me/earnings-check?offer_id={at_hillview.pk}").status_code == 403


@pytest.mark.parametrize("offer_id", ["0", "-1", "abc", str(2**70), ""])
def test_a_bad_offer_id_is_refused_without_a_server_error(
    offer_id, expert_at_riverside, riverside_coordinator
):
    api = own_api(expert_at_riverside, riverside_coordinator.organisation_id)
    answer = api.get(f"/api/v1/me/earnings-check?offer_id={offer_id}")
    assert 400 <= answer.status_code < 500
    assert "detail" in answer.json()

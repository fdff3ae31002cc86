"""Who can read a scorecard, the API's exact shape, and a bounded number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from powerwith.reports.queries import scorecard_for
from tests.conftest import api_client_for, logged_in, make_expert
from tests.engagements.factories import expert_membership
from tests.offers.factories import complete_opportunity
from tests.reports.factories import team

PRINCIPLES = {"people", "outcomes", "work", "evaluation", "review"}


def test_the_api_answers_the_contract(riverside_coordinator):
    opportunity = complete_opportunity(riverside_coordinator)
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/opportunities/{opportunity.pk}/scorecard"
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"principles", "tokenism_flags"}
    assert set(body["principles"]) == PRINCIPLES
    for principle in body["principles"].values():
        assert 0 <= principle["score"] <= 1
        for check in principle["checks"]:
            assert {"name", "met", "evidence"} <= set(check)
            assert isinstance(check["met"], bool)
            assert check["evidence"]


def test_an_auditor_reads_the_scorecard_page_and_api(
    client, riverside_coordinator, riverside_auditor
):
    opportunity = complete_opportunity(riverside_coordinator)
    page = logged_in(client, riverside_auditor.user).get(
        f"/opportunities/{opportunity.pk}/scorecard/"
    )
    assert page.status_code == 200
    assert "P.O.W.E.R. scorecard" in page.content.decode()
    api = api_client_for(riverside_auditor).get(f"/api/v1/opportunities/{opportunity.pk}/scorecard")
    assert api.status_code == 200


def test_another_organisations_opportunity_is_not_found(
    client, riverside_coordinator, hillview_coordinator
):
    opportunity = complete_opportunity(riverside_coordinator)
    page = logged_in(client, hillview_coordinator.user).get(
        f"/opportunities/{opportunity.pk}/scorecard/"
    )
    assert page.status_code == 404
    api = api_client_for(hillview_coordinator).get(
        f"/api/v1/opportunities/{opportunity.pk}/scorecard"
    )
    assert api.status_code == 404
    assert api.json() == {"detail": "Not found."}


@pytest.mark.parametrize("role", ["expert", "contact"])
def test_experts_and_contact_people_cannot_see_scorecards(
    client, role, riverside_coordinator, riverside_contact, expert_at_riverside
):
    opportunity = complete_opportunity(riverside_coordinator)
    membership = (
        expert_membership(expert_at_riverside, riverside_coordinator.organisation_id)
        if role == "expert"
        else riverside_contact
    )
    assert (
        api_client_for(membership)
        .get(f"/api/v1/opportunities/{opportunity.pk}/scorecard")
        .status_code
        == 403
    )
    page = logged_in(client, membership.user).get(f"/opportunities/{opportunity.pk}/scorecard/")
    assert page.status_code == 403


def test_the_page_shows_each_flag_in_words(client, riverside_coordinator, expert_at_riverside):
    from tests.engagements.factories import accepted_offer

    offer = accepted_offer(riverside_coordinator, expert_at_riverside, reward_basis="voluntary")
    page = logged_in(client, riverside_coordinator.user).get(
        f"/opportunities/{offer.opportunity_id}/scorecard/"
    )
    assert 'id="flag-unpaid_without_choice"' in page.content.decode()
    assert "their own choice not to be paid is not recorded" in page.content.decode()


def _queries(membership, opportunity) -> int:
    with CaptureQueriesContext(connection) as captured:
        scorecard_for(membership, opportunity.pk)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_people(
    riverside, riverside_coordinator, django_assert_max_num_queries
):
    three = team(
        riverside_coordinator,
        [make_expert(f"three{n}@people.example", f"Three {n}", riverside) for n in range(3)],
    )
    twelve = team(
        riverside_coordinator,
        [make_expert(f"twelve{n}@people.example", f"Twelve {n}", riverside) for n in range(12)],
    )
    assert _queries(riverside_coordinator, three) == _queries(riverside_coordinator, twelve)
    with django_assert_max_num_queries(25):
        scorecard_for(riverside_coordinator, twelve.pk)

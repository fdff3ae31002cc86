"""The opportunities API: reading opportunities and their ranked matches."""

from __future__ import annotations

import pytest

from powerwith.opportunities.services import RequirementInput
from tests.conftest import api_client_for
from tests.opportunities.factories import opportunity, person, worked

pytestmark = pytest.mark.django_db

CRISIS = "direct.crisis"
TRIBUNAL = "direct.mh_tribunal"


def test_it_lists_the_organisations_opportunities_with_the_contracts_field_names(
    riverside_coordinator, hillview_coordinator
):
    opportunity(
        riverside_coordinator,
        RequirementInput(CRISIS, "mental_health", essential=True),
        purpose="Design a one-day course for ward staff on reducing restraint.",
        goal_type="emancipatory",
        commitment="specified_project",
        level="co_production",
        focus=["designing_training"],
        location_mode="in_person",
        status="open",
    )
    opportunity(hillview_coordinator, title="Hillview's own")
    response = api_client_for(riverside_coordinator).get("/api/v1/opportunities")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert item["title"] == "Co-design restraint reduction training"
    assert item["goal_type"] == "emancipatory"
    assert item["commitment"] == "specified_project"
    assert item["level"] == "co_production"
    assert item["focus"] == ["designing_training"]
    assert item["required_experience"] == [
        {"code": CRISIS, "setting": "mental_health", "intervention": "", "essential": True}
    ]
    assert item["location"] == {"mode": "in_person", "address": "", "details": ""}
    assert item["reward"] == {
        "basis": "hourly",
        "amount": None,
        "paid_within_days": None,
        "label": "Paid by the hour",
    }
    assert item["status"] == "open"


def test_it_reads_one_opportunity(riverside_coordinator):
    made = opportunity(riverside_coordinator)
    response = api_client_for(riverside_coordinator).get(f"/api/v1/opportunities/{made.pk}")
    assert response.status_code == 200
    assert response.json()["id"] == made.pk


def test_an_auditor_reads_opportunities(riverside_auditor, riverside_coordinator):
    made = opportunity(riverside_coordinator)
    client = api_client_for(riverside_auditor)
    assert client.get(f"/api/v1/opportunities/{made.pk}").status_code == 200
    assert client.get("/api/v1/opportunities").json()["count"] == 1


def test_another_organisations_opportunity_is_not_found(
    riverside_coordinator, hillview_coordinator
):
    theirs = opportunity(hillview_coordinator)
    client = api_client_for(riverside_coordinator)
    for path in [
        f"/api/v1/opportunities/{theirs.pk}",
        f"/api/v1/opportunities/{theirs.pk}/matches",
    ]:
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    "who", ["expert_at_riverside", "riverside_contact"], ids=["an expert", "a contact person"]
)
def test_roles_that_may_not_read_opportunities_are_refused(request, who, riverside_coordinator):
    made = opportunity(riverside_coordinator)
    member = request.getfixturevalue(who)
    if who == "expert_at_riverside":
        member = member.user.memberships.get()
    client = api_client_for(member)
    for path in [
        "/api/v1/opportunities",
        f"/api/v1/opportunities/{made.pk}",
        f"/api/v1/opportunities/{made.pk}/matches",
    ]:
        response = client.get(path)
        assert response.status_code == 403, path
        assert "detail" in response.json()


def test_an_auditor_may_not_see_matches_because_they_name_people(
    riverside_auditor, riverside_coordinator
):
    made = opportunity(riverside_coordinator)
    response = api_client_for(riverside_auditor).get(f"/api/v1/opportunities/{made.pk}/matches")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only coordinators and admins can see matches, because they name people."
    }


def test_matches_are_ranked_with_reasons_and_what_is_missing(riverside_coordinator):
    by = riverside_coordinator
    best = person(by, "Niña", (CRISIS, "community"), (TRIBUNAL, ""), formats=["easy_read"])
    other = person(by, "O'Hare", (CRISIS, "community"))
    person(by, "No crisis", (TRIBUNAL, ""))
    wanted = opportunity(by, RequirementInput(CRISIS, essential=True), RequirementInput(TRIBUNAL))
    response = api_client_for(by).get(f"/api/v1/opportunities/{wanted.pk}/matches")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["person_id"] for i in items] == [best.pk, other.pk]
    assert items[0]["score"] == 1.0
    assert 0 < items[1]["score"] < 1
    assert items[0]["reasons"] == [
        "Has the essential experience: Living through periods of crisis",
        "Has the desirable experience: Participating in a mental health tribunal",
        "No paid work here in the last 12 months, so ranked above people who have had more",
    ]
    assert items[0]["missing"] == []
    assert items[1]["missing"] == [
        "Desirable experience: Participating in a mental health tribunal (partly met by "
        "other direct experience)"
    ]
    assert items[0]["communication_formats"] == ["easy_read"]


def test_matches_answer_the_limit_and_the_concentration(riverside_coordinator):
    by = riverside_coordinator
    people = [person(by, f"Person {n}", (CRISIS, "")) for n in range(3)]
    worked(people[0], opportunity(by, title="Panel"), 120)
    wanted = opportunity(by, RequirementInput(CRISIS, essential=True))
    client = api_client_for(by)
    body = client.get(f"/api/v1/opportunities/{wanted.pk}/matches?limit=2").json()
    assert len(body["items"]) == 2
    assert body["fairness_weight"] == 0.3
    assert body["concentration"]["share"] == 1.0
    assert body["concentration"]["total_hours"] == 2.0
    assert client.get(f"/api/v1/opportunities/{wanted.pk}/matches?limit=0").status_code == 422

"""Reading the register over the API: who sees whom, pages, and what each organisation may see."""

from __future__ import annotations

import pytest

from powerwith.accounts.models import Membership, Organisation
from powerwith.people.models import Person
from tests.conftest import api_client_for, make_member
from tests.people.factories import (
    add_to_register,
    jo_on_the_register,
    membership_of,
    sam_sharing_a_summary,
)
from tests.people.steps import register_state, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo(riverside_coordinator: Membership) -> Person:
    return jo_on_the_register(riverside_coordinator)


@pytest.fixture
def sam(expert_at_both: Person, hillview: Organisation) -> Person:
    return sam_sharing_a_summary(expert_at_both, hillview)


def test_a_coordinator_lists_only_their_organisations_register(
    riverside_coordinator, hillview_coordinator, jo, sam, expert_at_riverside
):
    add_to_register(hillview_coordinator, "Only at Hillview")

    body = api_client_for(riverside_coordinator).get("/api/v1/people").json()

    assert body["count"] == 3
    assert [p["preferred_name"] for p in body["items"]] == ["Alex", "Jo O'Hare", "Sam"]
    person = body["items"][1]
    assert {"id", "preferred_name", "email", "status", "experience"} <= set(person)
    assert person["experience"] == [
        {
            "code": "direct.crisis",
            "setting": "mental_health",
            "intervention": "",
            "note": "Two admissions.",
            "share_narrative": "",
        }
    ]


def test_an_expert_lists_only_themself(sam, jo, riverside):
    body = api_client_for(membership_of(sam, riverside)).get("/api/v1/people").json()

    assert body["count"] == 1
    assert [p["id"] for p in body["items"]] == [sam.pk]
    assert body["items"][0]["phone"] == "+447700900456"  # stored and served in E.164


@pytest.mark.parametrize("role", ["contact", "auditor"])
def test_contacts_and_auditors_cannot_read_profiles(riverside, jo, role):
    client = api_client_for(make_member(riverside, f"{role}@riverside.example", role))

    for url in ["/api/v1/people", f"/api/v1/people/{jo.pk}"]:
        response = client.get(url)
        assert response.status_code == 403
        assert "coordinators, admins" in response.json()["detail"]


def test_the_register_comes_25_a_page_in_name_order(riverside_coordinator):
    for number in range(30):
        add_to_register(riverside_coordinator, f"Person {number:02d}")
    client = api_client_for(riverside_coordinator)

    first = client.get("/api/v1/people").json()
    second = client.get("/api/v1/people?page=2").json()
    past_the_end = client.get("/api/v1/people?page=3").json()

    assert first["count"] == second["count"] == past_the_end["count"] == 30
    names = [p["preferred_name"] for p in first["items"] + second["items"]]
    assert names == [f"Person {number:02d}" for number in range(30)]
    assert len(first["items"]) == 25
    assert past_the_end["items"] == []


@pytest.mark.parametrize("page", ["0", "-1", "two", "1.5"])
def test_a_page_that_is_not_a_positive_whole_number_is_a_422(riverside_coordinator, page):
    response = api_client_for(riverside_coordinator).get(f"/api/v1/people?page={page}")
    assert response.status_code == 422
    assert response.json()["detail"]


def test_a_coordinator_reads_one_person(riverside_coordinator, jo):
    response = api_client_for(riverside_coordinator).get(f"/api/v1/people/{jo.pk}")

    assert response.status_code == 200
    assert response.json()["preferred_name"] == "Jo O'Hare"
    assert response.json()["phone"] == "+447700900123"  # stored and served in E.164


def test_another_organisations_person_is_a_404(hillview_coordinator, riverside, jo):
    client = api_client_for(hillview_coordinator)
    before = register_state()
    url = f"/api/v1/people/{jo.pk}"

    assert client.get(url).status_code == 404
    assert send(client, "patch", url, {"status": "paused"}).status_code == 404
    response = send(client, "put", f"{url}/experience", [{"code": "direct.crisis"}])
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert register_state() == before


def test_an_expert_cannot_read_someone_else(sam, expert_at_riverside, riverside):
    client = api_client_for(membership_of(expert_at_riverside, riverside))
    assert client.get(f"/api/v1/people/{sam.pk}").status_code == 404
    assert client.get(f"/api/v1/people/{expert_at_riverside.pk}").status_code == 200


# What each organisation sees


def test_an_organisation_shown_only_a_summary_sees_no_details(hillview_coordinator, sam):
    client = api_client_for(hillview_coordinator)

    listed = client.get("/api/v1/people").json()["items"][0]
    person = client.get(f"/api/v1/people/{sam.pk}").json()

    for body in (listed, person):
        assert body["sharing"] == "summary"
        assert body["preferred_name"] == "Sam"
        assert body["formats"] == ["easy_read"]
        for hidden in ["email", "phone", "about", "adjustments", "personal_goals", "town"]:
            assert body[hidden] is None, hidden
        assert body["experience"] == [
            {
                "code": "direct.restrictive_interventions",
                "setting": "secure_forensic",
                "intervention": "seclusion",
                "note": None,
                "share_narrative": None,
            }
        ]


def test_an_organisation_shown_the_details_sees_them(riverside_coordinator, sam):
    body = api_client_for(riverside_coordinator).get(f"/api/v1/people/{sam.pk}").json()

    assert body["sharing"] == "details"
    assert body["email"] == "sam@people.example"
    assert body["phone"] == "+447700900456"  # stored and served in E.164
    assert body["about"] == "I hear voices."
    assert body["experience"][0]["note"] == "Three weeks in seclusion."
    assert body["experience"][0]["share_narrative"] == "yes"

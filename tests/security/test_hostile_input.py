"""Inputs an attacker sent from outside that once answered 500: each is refused with a 4xx
naming the fault, and nothing is written."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.opportunities.models import Opportunity
from powerwith.outcomes.models import Service
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in
from tests.offers.factories import offer_to
from tests.outcomes.factories import ward

pytestmark = pytest.mark.django_db


def post_json(client: Client, path: str, body: object, method: str = "post"):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def test_a_body_over_the_upload_limit_answers_413_with_a_detail(
    riverside_coordinator: Membership, settings
) -> None:
    body = {"preferred_name": "Big", "notes": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    response = post_json(api_client_for(riverside_coordinator), "/api/v1/people", body)
    assert response.status_code == 413
    assert "detail" in response.json()
    assert not Person.objects.filter(preferred_name="Big").exists()


def test_a_count_too_large_for_the_database_answers_422(
    riverside_coordinator: Membership,
) -> None:
    service: Service = ward(riverside_coordinator)
    month = date.today().replace(day=1) - __import__("datetime").timedelta(days=1)
    body = [
        {
            "month": f"{month:%Y-%m}",
            "intervention": "physical_restraint",
            "count": 1180591620717411303424,
        }
    ]
    response = post_json(
        api_client_for(riverside_coordinator),
        f"/api/v1/services/{service.pk}/counts",
        body,
        method="put",
    )
    assert response.status_code == 422
    assert "detail" in response.json()


def test_a_session_in_the_year_one_answers_422(riverside_coordinator: Membership) -> None:
    body = {
        "title": "Year one",
        "sessions": [{"starts_at": "0001-01-01T00:00:00Z", "minutes": 60}],
    }
    response = post_json(api_client_for(riverside_coordinator), "/api/v1/opportunities", body)
    assert response.status_code == 422
    assert "in the past" in json.dumps(response.json())
    assert not Opportunity.objects.filter(title="Year one").exists()


@pytest.mark.parametrize("title", ["Two\nlines", "Carriage\rreturn", "Line\u2028separator"])
def test_a_title_with_a_line_break_is_refused_by_the_api(
    riverside_coordinator: Membership, title: str
) -> None:
    response = post_json(
        api_client_for(riverside_coordinator), "/api/v1/opportunities", {"title": title}
    )
    assert response.status_code == 422
    assert "one line" in json.dumps(response.json())
    assert not Opportunity.objects.exists()


def test_a_title_with_a_line_break_is_refused_by_the_form(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    response = client.post("/opportunities/new/", {"title": "Two\nlines"})
    assert response.status_code == 400
    assert "one line" in response.content.decode()
    assert not Opportunity.objects.exists()


def test_the_calendar_file_of_an_offer_whose_title_has_a_line_break_is_still_a_calendar(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    # Written before titles were refused at the boundary: still in the database.
    offer = offer_to(riverside_coordinator, expert_at_riverside, title="Two\nlines\r\nthree")
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/offers/{offer.pk}/render?format=ics"
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "SUMMARY:Two lines three" in text


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/people", {"preferred_name": "Null\u0000Byte"}),
        ("/api/v1/opportunities", {"title": "Null\u0000Byte"}),
        ("/api/v1/people", {"preferred_name": "Fine", "experience": [{"code": "a\u0000"}]}),
    ],
)
def test_a_nul_character_in_a_text_field_answers_422(
    riverside_coordinator: Membership, path: str, body: dict[str, object]
) -> None:
    response = post_json(api_client_for(riverside_coordinator), path, body)
    assert response.status_code == 422
    assert "NUL" in json.dumps(response.json())
    assert not Person.objects.exists()
    assert not Opportunity.objects.exists()


def test_a_nul_character_in_a_query_answers_400(riverside_coordinator: Membership) -> None:
    response = api_client_for(riverside_coordinator).get("/api/v1/people?page=1%00")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_a_nul_character_in_a_form_field_shows_the_form_again(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    response = client.post("/people/new/", {"preferred_name": "Null\x00Byte"})
    assert response.status_code == 400
    assert not Person.objects.exists()


def test_a_nul_character_in_a_pages_query_answers_400(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    response = client.get("/people/?q=Null%00Byte")
    assert response.status_code == 400


def test_without_a_token_a_nul_character_is_still_answered_401(db) -> None:
    response = post_json(Client(), "/api/v1/people", {"preferred_name": "Null\u0000Byte"})
    assert response.status_code == 401


def test_an_id_in_a_body_too_large_for_the_database_answers_422(
    expert_at_riverside: Person, riverside_coordinator: Membership
) -> None:
    """Found by the hostile-field sweep: a session id of 2**63 in the body of /stop
    reached SQLite, which cannot bind it, and answered 500."""
    from tests.engagements.factories import expert_membership

    me = expert_membership(expert_at_riverside, riverside_coordinator.organisation_id)
    body = {"session_id": 2**63, "kind": "stop"}
    response = post_json(api_client_for(me), "/api/v1/stop", body)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "A number in the request is too large."

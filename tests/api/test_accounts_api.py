from __future__ import annotations

import pytest
from django.test import Client

from powerwith.accounts import services
from powerwith.accounts.models import ApiToken, AuditEvent
from powerwith.core.roles import Role
from tests.conftest import api_client_for

pytestmark = pytest.mark.django_db


def test_me_says_who_the_token_acts_for(riverside_coordinator):
    response = api_client_for(riverside_coordinator).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json() == {
        "id": riverside_coordinator.user_id,
        "email": "coordinator@riverside.example",
        "role": "coordinator",
        "organisation_id": riverside_coordinator.organisation_id,
        "person_id": None,
    }


def test_me_gives_an_expert_their_person_id_in_that_organisation(expert_at_both, hillview):
    membership = expert_at_both.user.memberships.get(organisation=hillview)
    body = api_client_for(membership).get("/api/v1/me").json()
    assert body["role"] == "expert"
    assert body["organisation_id"] == hillview.pk
    assert body["person_id"] == expert_at_both.pk


def test_members_lists_only_the_tokens_organisation(
    riverside_coordinator, riverside_admin, hillview_coordinator
):
    body = api_client_for(riverside_coordinator).get("/api/v1/members").json()
    emails = sorted(member["email"] for member in body)
    assert emails == ["admin@riverside.example", "coordinator@riverside.example"]
    assert {"user_id", "email", "role"} <= set(body[0])


def test_another_organisations_member_is_a_404(riverside_admin, hillview_coordinator):
    client = api_client_for(riverside_admin)
    url = f"/api/v1/members/{hillview_coordinator.user_id}"
    assert client.get(url).status_code == 404
    response = client.patch(url, {"role": "expert"}, content_type="application/json")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    hillview_coordinator.refresh_from_db()
    assert hillview_coordinator.role == Role.COORDINATOR


def test_an_admin_changes_a_role_through_the_api(riverside_admin, riverside_coordinator):
    response = api_client_for(riverside_admin).patch(
        f"/api/v1/members/{riverside_coordinator.user_id}",
        {"role": "auditor"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["role"] == "auditor"
    assert AuditEvent.objects.filter(action="member.role_changed").count() == 1


def test_a_coordinator_cannot_change_a_role_through_the_api(riverside_admin, riverside_coordinator):
    response = api_client_for(riverside_coordinator).patch(
        f"/api/v1/members/{riverside_admin.user_id}",
        {"role": "expert"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "admin" in response.json()["detail"]
    riverside_admin.refresh_from_db()
    assert riverside_admin.role == Role.ADMIN


def test_an_unknown_role_is_a_422_and_changes_nothing(riverside_admin, riverside_coordinator):
    response = api_client_for(riverside_admin).patch(
        f"/api/v1/members/{riverside_coordinator.user_id}",
        {"role": "overlord"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "detail" in response.json()
    riverside_coordinator.refresh_from_db()
    assert riverside_coordinator.role == Role.COORDINATOR


def test_demoting_the_only_admin_is_a_409(riverside_admin):
    response = api_client_for(riverside_admin).patch(
        f"/api/v1/members/{riverside_admin.user_id}",
        {"role": "coordinator"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "only admin" in response.json()["detail"]


def test_an_expert_cannot_list_members(expert_at_riverside, riverside):
    membership = expert_at_riverside.user.memberships.get()
    response = api_client_for(membership).get("/api/v1/members")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_a_bad_json_body_is_a_clear_400(riverside_admin, riverside_coordinator):
    response = api_client_for(riverside_admin).patch(
        f"/api/v1/members/{riverside_coordinator.user_id}",
        "{not json",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    riverside_coordinator.refresh_from_db()
    assert riverside_coordinator.role == Role.COORDINATOR


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer",
        "Bearer nonsense",
        "Bearer pw_abcdef123456_not-the-secret",
        "Basic dXNlcjpwYXNz",
        "Bearer " + "x" * 5000,
    ],
)
def test_a_missing_or_wrong_token_is_a_401(db, header):
    client = Client(headers={"Authorization": header} if header else {})
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("A valid API token is required")


def test_a_revoked_token_stops_working(riverside_coordinator):
    token, raw = services.create_api_token(
        membership=riverside_coordinator, name="script", actor=riverside_coordinator.user
    )
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/me").status_code == 200
    services.revoke_api_token(token=token, actor=riverside_coordinator.user)
    assert client.get("/api/v1/me").status_code == 401


def test_a_token_with_the_right_prefix_but_wrong_secret_is_refused(riverside_coordinator):
    token, _ = services.create_api_token(
        membership=riverside_coordinator, name="script", actor=riverside_coordinator.user
    )
    forged = f"pw_{token.prefix}_{'A' * 43}"
    client = Client(headers={"Authorization": f"Bearer {forged}"})
    assert client.get("/api/v1/me").status_code == 401


def test_tokens_are_stored_hashed(riverside_coordinator):
    _, raw = services.create_api_token(
        membership=riverside_coordinator, name="script", actor=riverside_coordinator.user
    )
    stored = ApiToken.objects.get()
    secret = raw.split("_", 2)[2]
    assert secret not in stored.secret_hash
    assert len(stored.secret_hash) == 64


def test_a_token_acts_only_in_its_own_organisation(expert_at_both, riverside, hillview):
    at_riverside = expert_at_both.user.memberships.get(organisation=riverside)
    body = api_client_for(at_riverside).get("/api/v1/me").json()
    assert body["organisation_id"] == riverside.pk


def test_an_unknown_api_path_answers_json_not_html(db):
    response = Client().get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Not found."}


def test_an_unexpected_error_is_a_json_500_without_a_stack_trace(
    riverside_coordinator, monkeypatch
):
    def explode(membership):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("powerwith.people.api.me.person_id_for", explode)
    client = api_client_for(riverside_coordinator)
    client.raise_request_exception = False
    response = client.get("/api/v1/me")
    assert response.status_code == 500
    assert response.json() == {"detail": "Something went wrong on our side. It has been logged."}
    assert "secret internals" not in response.text
    assert "Traceback" not in response.text


def test_the_openapi_schema_is_served(db):
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/health" in paths
    assert "/api/v1/me" in paths
    assert "/api/v1/members" in paths


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("delete", "/api/v1/me", 405),
        ("post", "/api/v1/health", 405),
        ("get", "/api/v1/members/not-a-number", 422),
        ("get", "/api/", 404),
    ],
)
def test_every_api_failure_answers_json(riverside_admin, method, path, status):
    response = getattr(api_client_for(riverside_admin), method)(path)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_bad_json_body_is_a_400(riverside_admin, riverside_coordinator):
    response = api_client_for(riverside_admin).patch(
        f"/api/v1/members/{riverside_coordinator.user_id}", "{", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Cannot parse request body"}

from __future__ import annotations

import re

import pytest
from django.test import Client

from powerwith.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def create_on_the_page(client: Client, name: str, membership_id: int) -> str:
    response = client.post("/account/", {"name": name, "membership": membership_id})
    assert response.status_code == 200
    match = re.search(r'<p class="pw-token" id="new-token">([^<]+)</p>', response.text)
    assert match, "the new token is shown once"
    return match.group(1)


def test_a_user_creates_a_token_on_their_account_page_and_it_works(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    token = create_on_the_page(client, "reporting script", riverside_coordinator.pk)
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/v1/me").json()["email"] == "coordinator@riverside.example"
    # Shown once: the account page never shows it again.
    assert token not in client.get("/account/").text


def test_a_user_revokes_a_token_on_their_account_page(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    token = create_on_the_page(client, "old laptop", riverside_coordinator.pk)
    stored = ApiToken.objects.get()
    response = client.post(f"/account/tokens/{stored.pk}/revoke/")
    assert response.status_code == 302
    assert "Revoked" in client.get("/account/").text
    api = Client(headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/v1/me").status_code == 401


def test_nobody_can_revoke_someone_elses_token(client, riverside_coordinator, riverside_admin):
    client.force_login(riverside_coordinator.user)
    create_on_the_page(client, "mine", riverside_coordinator.pk)
    stored = ApiToken.objects.get()
    client.force_login(riverside_admin.user)
    assert client.post(f"/account/tokens/{stored.pk}/revoke/").status_code == 404
    stored.refresh_from_db()
    assert stored.revoked_at is None


def test_a_token_cannot_be_made_for_another_users_membership(
    client, riverside_coordinator, riverside_admin
):
    client.force_login(riverside_coordinator.user)
    response = client.post("/account/", {"name": "sneaky", "membership": riverside_admin.pk})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not ApiToken.objects.exists()


def test_a_token_needs_a_name(client, riverside_coordinator):
    client.force_login(riverside_coordinator.user)
    response = client.post("/account/", {"name": "  ", "membership": riverside_coordinator.pk})
    assert "Give the token a name" in response.text
    assert not ApiToken.objects.exists()

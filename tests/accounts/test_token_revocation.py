"""An API token is as strong as the password that made it: a password reset and an
erasure end every token of the account."""

from __future__ import annotations

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from powerwith.accounts.models import ApiToken, Membership
from powerwith.people.models import Person
from powerwith.privacy.services import erase_person
from tests.conftest import api_client_for

pytestmark = pytest.mark.django_db


def test_a_password_reset_revokes_every_api_token_of_the_account(
    client: Client, riverside_coordinator: Membership
) -> None:
    api = api_client_for(riverside_coordinator)
    assert api.get("/api/v1/people").status_code == 200
    user = riverside_coordinator.user
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    form_page = client.get(f"/password-reset/{uid}/{token}/", follow=True)
    new = "a fresh and long passphrase 42"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert api.get("/api/v1/people").status_code == 401
    assert not ApiToken.objects.filter(revoked_at__isnull=True).exists()


def test_erasure_revokes_every_api_token_of_the_account(
    expert_at_riverside: Person,
) -> None:
    assert expert_at_riverside.user is not None
    membership = expert_at_riverside.user.memberships.get()
    api = api_client_for(membership)
    assert api.get("/api/v1/me").status_code == 200
    erase_person(expert_at_riverside, expert_at_riverside.user)
    assert api.get("/api/v1/me").status_code == 401
    assert not ApiToken.objects.filter(revoked_at__isnull=True).exists()

"""Headers that keep pages private: no-store on everything shown to someone logged in or
answered to a token, the content security policy, HSTS and __Host- cookies over HTTPS."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.conftest import PASSWORD, api_client_for, logged_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/account/", "/organisation/members/", "/account/sessions/"])
def test_pages_for_a_logged_in_person_are_never_stored(client, riverside_coordinator, path):
    response = logged_in(client, riverside_coordinator.user).get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_redirect_for_a_logged_in_person_is_not_stored_either(client, riverside_coordinator):
    response = logged_in(client, riverside_coordinator.user).get("/login/")
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/api/v1/me", "/api/v1/members", "/api/v1/people/999999"])
def test_api_answers_to_a_token_are_never_stored(riverside_coordinator, path):
    response = api_client_for(riverside_coordinator).get(path)
    assert "no-store" in response["Cache-Control"]


def test_an_api_answer_to_a_bad_token_is_not_stored(db):
    response = Client(headers={"Authorization": "Bearer pw_nope_nope"}).get("/api/v1/me")
    assert response.status_code == 401
    assert "no-store" in response["Cache-Control"]


def test_public_pages_may_be_cached_normally(client, db):
    response = client.get("/about/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_every_page_carries_a_strict_content_security_policy(client, riverside_coordinator):
    for response in (client.get("/login/"), logged_in(client, riverside_coordinator.user).get("/")):
        policy = response["Content-Security-Policy"]
        assert "object-src 'none'" in policy
        assert "base-uri 'none'" in policy
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy


def test_https_answers_carry_hsts(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = Client().get("/login/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_over_https_the_cookies_are_host_only_and_secure(riverside_coordinator, settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    client = Client()
    client.get("/login/", secure=True)
    response = client.post(
        "/login/",
        {
            "username": riverside_coordinator.user.email,
            "password": PASSWORD,
            "csrfmiddlewaretoken": client.cookies["__Host-csrftoken"].value,
        },
        secure=True,
    )
    assert response.status_code == 302
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
    assert client.cookies["__Host-sessionid"]["httponly"] is True

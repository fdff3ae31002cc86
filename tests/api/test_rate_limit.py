"""API tokens are rate limited, each on its own, and act only in their organisation."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from tests.conftest import api_client_for
from tests.opportunities.factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_limit(settings):
    cache.clear()
    settings.API_TOKEN_RATE_PER_MINUTE = 3
    yield
    cache.clear()


def at_the_start_of_a_minute():
    now = timezone.now()
    return time_machine.travel(now.replace(second=1, microsecond=0) + timedelta(minutes=1))


def test_a_token_over_its_limit_is_told_to_wait(riverside_coordinator):
    api = api_client_for(riverside_coordinator)
    with at_the_start_of_a_minute():
        for _ in range(3):
            assert api.get("/api/v1/me").status_code == 200
        response = api.get("/api/v1/me")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert "Too many requests" in response.json()["detail"]
    assert 1 <= int(response["Retry-After"]) <= 60


def test_the_limit_is_per_token(riverside_coordinator, riverside_admin):
    busy = api_client_for(riverside_coordinator)
    other = api_client_for(riverside_admin)
    with at_the_start_of_a_minute():
        for _ in range(4):
            busy.get("/api/v1/me")
        assert busy.get("/api/v1/me").status_code == 429
        assert other.get("/api/v1/me").status_code == 200


def test_the_next_minute_the_token_works_again(riverside_coordinator):
    api = api_client_for(riverside_coordinator)
    with at_the_start_of_a_minute():
        for _ in range(4):
            api.get("/api/v1/me")
        assert api.get("/api/v1/me").status_code == 429
    start = timezone.now().replace(second=1, microsecond=0) + timedelta(minutes=2)
    with time_machine.travel(start):
        assert api.get("/api/v1/me").status_code == 200


def test_the_health_check_needs_no_token_and_is_not_limited(client):
    for _ in range(5):
        assert client.get("/api/v1/health").status_code == 200


def test_a_bad_token_is_refused_before_any_counting(db):
    from django.test import Client

    api = Client(headers={"Authorization": "Bearer pw_000000000000_nope"})
    for _ in range(5):
        assert api.get("/api/v1/me").status_code == 401


def test_a_token_acts_only_in_its_own_organisation(riverside_coordinator, hillview_coordinator):
    riverside_api = api_client_for(riverside_coordinator)
    theirs = person(hillview_coordinator, "Jordan")
    response = riverside_api.get(f"/api/v1/people/{theirs.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert "Jordan" not in response.text

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from powerwith.core.cache import HEARTBEAT_KEY, note_worker_alive

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_heartbeat():
    cache.delete(HEARTBEAT_KEY)


def test_health_answers_ok_when_the_database_and_the_cache_answer():
    response = Client().get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "worker": "missing",
    }


def test_health_says_the_worker_is_running_while_its_heartbeat_is_recent():
    note_worker_alive()
    assert Client().get("/api/v1/health").json()["worker"] == "ok"
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        response = Client().get("/api/v1/health")
    assert response.status_code == 200  # pages still work without a worker
    assert response.json()["worker"] == "late"


def test_health_answers_503_when_the_cache_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache server gone")

    monkeypatch.setattr(cache, "set", broken)
    response = Client().get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["cache"] == "error"


def test_health_answers_503_when_the_database_is_unreachable(monkeypatch):
    def unreachable(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("could not connect to server")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = Client().get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "error"

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import timezone

from powerwith.consent.ledger import write_checkpoint
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
        "checkpoint": "missing",
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


def test_health_says_how_recently_the_consent_ledger_was_anchored():
    write_checkpoint()
    assert Client().get("/api/v1/health").json()["checkpoint"] == "ok"
    with time_machine.travel(timezone.now() + timedelta(hours=26)):
        response = Client().get("/api/v1/health")
    assert response.status_code == 200  # pages still work without a recent checkpoint
    assert response.json()["checkpoint"] == "late"


def test_alive_answers_without_touching_the_database(monkeypatch):
    def unreachable(*args, **kwargs):
        raise AssertionError("the database was asked")

    monkeypatch.setattr(connection, "cursor", unreachable)
    monkeypatch.setattr(cache, "get", unreachable)
    response = Client().get("/api/v1/health/alive")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_ready_answers_ok_when_every_part_is_working():
    note_worker_alive()
    write_checkpoint()
    response = Client().get("/api/v1/health/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "worker": "ok",
        "checkpoint": "ok",
        "failing": [],
    }


def test_ready_answers_503_naming_a_missing_worker_and_checkpoint():
    response = Client().get("/api/v1/health/ready")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["failing"] == ["worker", "checkpoint"]


def test_ready_answers_503_when_the_worker_has_stopped_beating():
    note_worker_alive()
    write_checkpoint()
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        response = Client().get("/api/v1/health/ready")
    assert response.status_code == 503
    assert response.json()["worker"] == "late"
    assert response.json()["failing"] == ["worker"]


def test_ready_answers_503_when_the_checkpoint_is_more_than_a_day_old():
    write_checkpoint(timezone.now() - timedelta(hours=26))
    note_worker_alive()
    response = Client().get("/api/v1/health/ready")
    assert response.status_code == 503
    assert response.json()["failing"] == ["checkpoint"]


def test_ready_answers_503_when_the_database_is_unreachable(monkeypatch):
    def unreachable(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError("could not connect to server")

    note_worker_alive()
    write_checkpoint()
    monkeypatch.setattr(connection, "cursor", unreachable)
    response = Client().get("/api/v1/health/ready")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert response.json()["failing"][0] == "database"  # the cache is in it too

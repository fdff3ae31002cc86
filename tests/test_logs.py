"""Logs as JSON lines with the request's id, and never a person's details."""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Iterator

import pytest
from django.test import Client

from powerwith.logs import JsonLines, RequestId

pytestmark = pytest.mark.django_db

PLANTED_EMAIL = "jane.planted@people.example"
PLANTED_NAME = "Jaspreet Plantedname"


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What the production handler writes, captured: JSON lines, at INFO, from every
    logger, as settings.LOGGING sets them up with LOG_FORMAT=json."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestId())
    handler.setFormatter(JsonLines())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(old_level)


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line]


def test_each_request_gets_an_id_sent_back_and_written_on_its_log_line(log_lines):
    response = Client().get("/api/v1/health/alive")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    (line,) = [line for line in lines(log_lines) if line["logger"] == "powerwith.requests"]
    assert line["request_id"] == request_id
    assert line["method"] == "GET"
    assert line["route"] == "/api/v1/health/alive"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert {"time", "level", "message"} <= set(line)


def test_a_callers_safe_request_id_is_kept():
    response = Client().get("/api/v1/health/alive", headers={"X-Request-ID": "lb-4f2a.91_c"})
    assert response["X-Request-ID"] == "lb-4f2a.91_c"


@pytest.mark.parametrize(
    "unsafe",
    [PLANTED_EMAIL, "two words", "x" * 65, '{"level": "ERROR"}', "id\\nforged line"],
)
def test_a_callers_unsafe_request_id_is_replaced(unsafe, log_lines):
    response = Client().get("/api/v1/health/alive", headers={"X-Request-ID": unsafe})
    assert response["X-Request-ID"] != unsafe
    assert unsafe not in log_lines.getvalue()


def test_the_lines_logged_while_a_request_is_answered_carry_its_id(log_lines, monkeypatch):
    from powerwith import health

    def unreachable():
        logging.getLogger("powerwith.health").error("The database did not answer")
        return "error"

    monkeypatch.setattr(health, "database_state", unreachable)
    response = Client().get("/api/v1/health", headers={"X-Request-ID": "probe-123"})
    assert response.status_code == 503
    ours = [line for line in lines(log_lines) if line["request_id"] == "probe-123"]
    assert {line["logger"] for line in ours} >= {"powerwith.health", "powerwith.requests"}


def test_a_persons_details_in_a_request_never_reach_the_logs(log_lines, riverside_coordinator):
    client = Client()
    client.post("/login/", {"username": PLANTED_EMAIL, "password": PLANTED_NAME})
    client.get(f"/people/?q={PLANTED_NAME}&email={PLANTED_EMAIL}")
    client.get(f"/no-such-page/{PLANTED_EMAIL}/")
    client.post(
        "/api/v1/people",
        data={"preferred_name": PLANTED_NAME, "email": PLANTED_EMAIL},
        content_type="application/json",
    )
    written = log_lines.getvalue()
    assert "powerwith.requests" in written  # the requests were logged
    assert PLANTED_EMAIL not in written
    assert PLANTED_NAME not in written
    assert "Plantedname" not in written


def test_an_error_is_logged_as_its_class_and_place_without_its_message():
    try:
        raise ValueError(f"duplicate key (email)=({PLANTED_EMAIL})")
    except ValueError:
        record = logging.LogRecord(
            "powerwith", logging.ERROR, __file__, 1, "Could not save", (), sys.exc_info()
        )
    line = json.loads(JsonLines().format(record))
    assert line["exception"] == "ValueError"
    assert "test_logs.py" in line["trace"]
    assert PLANTED_EMAIL not in json.dumps(line)


def test_djangos_line_about_a_failed_request_leaves_out_the_path(log_lines):
    logging.getLogger("django.request").error(
        "%s: %s", "Internal Server Error", f"/people/{PLANTED_EMAIL}/", extra={"request": object()}
    )
    (line,) = lines(log_lines)
    assert line["message"] == "Internal Server Error"


def test_production_settings_write_json_lines(settings):
    # The tests run with production's settings (neither DEBUG nor the demo).
    assert settings.LOG_FORMAT == "json"
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "json"


TOKEN_LIKE = "tok_9fQ2xLw7Rk3VbN8pZs4T"
ID_IN_PATH = "8675309123"


def test_an_unexpected_api_error_logs_the_route_and_request_id_never_the_path(
    log_lines, riverside_coordinator, monkeypatch, caplog
):
    from powerwith.people import api as people_api
    from tests.conftest import api_client_for

    def broken(*args, **kwargs):
        raise RuntimeError(f"failed on {TOKEN_LIKE}")

    monkeypatch.setattr(people_api, "_person", broken)
    client = api_client_for(riverside_coordinator)
    client.raise_request_exception = False
    response = client.get(
        f"/api/v1/people/{ID_IN_PATH}?next=/accept/{TOKEN_LIKE}",
        headers={"X-Request-ID": "probe-500"},
    )
    assert response.status_code == 500
    assert response.json()["detail"]
    written = log_lines.getvalue()
    (line,) = [line for line in lines(log_lines) if line["logger"] == "powerwith.api"]
    assert line["route"] == "/api/v1/people/<person_id>"
    assert line["request_id"] == "probe-500"
    assert "probe-500" in str(line["message"])
    assert line["exception"] == "RuntimeError"
    # Neither the path's id nor the token, in the lines nor in the records themselves.
    assert ID_IN_PATH not in written
    assert TOKEN_LIKE not in written
    ours = [record for record in caplog.records if record.name == "powerwith.api"]
    assert ours
    assert all(ID_IN_PATH not in record.getMessage() for record in ours)
    assert all(TOKEN_LIKE not in record.getMessage() for record in ours)


def test_the_unexpected_error_handler_never_reads_a_token_from_the_path(log_lines, caplog):
    from django.test import RequestFactory
    from django.urls import ResolverMatch

    from powerwith.api import on_unexpected

    request = RequestFactory().post(f"/api/v1/invitations/{TOKEN_LIKE}/accept")
    request.resolver_match = ResolverMatch(
        lambda request: None, (), {}, route="api/v1/invitations/<str:token>/accept"
    )
    request.request_id = "probe-token"  # type: ignore[attr-defined]
    try:
        raise RuntimeError(TOKEN_LIKE)
    except RuntimeError as error:
        response = on_unexpected(request, error)
    assert response.status_code == 500
    assert TOKEN_LIKE not in log_lines.getvalue()
    assert all(TOKEN_LIKE not in record.getMessage() for record in caplog.records)
    (line,) = [line for line in lines(log_lines) if line["logger"] == "powerwith.api"]
    assert line["route"] == "/api/v1/invitations/<str:token>/accept"
    assert "probe-token" in str(line["message"])

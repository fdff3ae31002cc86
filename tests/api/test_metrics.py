from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.tasks import TaskResultStatus
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from powerwith.accounts import services
from powerwith.consent.ledger import write_checkpoint
from powerwith.core.cache import HEARTBEAT_KEY, note_worker_alive

pytestmark = pytest.mark.django_db

TOKEN = "metrics-scraper-token-0123456789abcdefghij"


@pytest.fixture(autouse=True)
def _metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN
    cache.delete(HEARTBEAT_KEY)


def scrape(token: str | None = TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return Client().get("/api/v1/metrics", headers=headers)


def sample(text: str, name: str) -> float:
    """The value of the sample written exactly ``name`` (with its labels, if any)."""
    for line in text.splitlines():
        key, _, value = line.rpartition(" ")
        if key == name:
            return float(value)
    raise AssertionError(f"{name} is not in the scrape")


def test_metrics_answer_404_on_a_site_without_a_metrics_token(settings):
    settings.METRICS_TOKEN = ""
    response = scrape()
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_metrics_answer_401_without_the_token_or_with_another():
    for token in (None, "wrong-token-wrong-token-wrong-token-1234"):
        response = scrape(token)
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")
        assert "powerwith_http_requests" not in response.content.decode()


def test_an_organisation_admins_api_token_does_not_open_the_metrics(riverside_admin):
    _, admin_token = services.create_api_token(
        membership=riverside_admin, name="monitoring", actor=riverside_admin.user
    )
    assert scrape(admin_token).status_code == 401


def test_metrics_count_requests_by_route_pattern_not_by_url():
    Client().get("/api/v1/people/987654")
    Client().get("/api/v1/health/alive")
    text = scrape().content.decode()
    assert 'route="/api/v1/people/<person_id>"' in text
    assert "987654" not in text
    assert (
        sample(
            text,
            'powerwith_http_requests_total{method="GET",route="/api/v1/health/alive",status="2xx"}',
        )
        >= 1
    )
    assert "powerwith_http_request_duration_seconds_bucket" in text


def test_metrics_give_the_task_queue_and_failed_tasks_from_the_database():
    for status in (TaskResultStatus.READY, TaskResultStatus.READY, TaskResultStatus.FAILED):
        DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [], "kwargs": {}},
            task_path="powerwith.core.mail.send_mail_task",
            backend_name="default",
            run_after=timezone.now() - timedelta(minutes=1),
        )
    text = scrape().content.decode()
    assert sample(text, "powerwith_tasks_waiting") == 2
    assert sample(text, "powerwith_tasks_failed") == 1
    assert sample(text, 'powerwith_tasks{status="ready"}') == 2


def test_metrics_give_the_ages_of_the_worker_heartbeat_and_the_ledger_checkpoint():
    text = scrape().content.decode()
    samples = {line.rpartition(" ")[0] for line in text.splitlines() if line[:1] != "#"}
    assert "powerwith_worker_heartbeat_age_seconds" not in samples  # none has ever beaten
    assert "powerwith_ledger_checkpoint_age_seconds" not in samples
    write_checkpoint(timezone.now() - timedelta(hours=2))
    note_worker_alive()
    text = scrape().content.decode()
    assert 7100 < sample(text, "powerwith_ledger_checkpoint_age_seconds") < 7300
    assert 0 <= sample(text, "powerwith_worker_heartbeat_age_seconds") < 60


def test_metrics_are_in_prometheus_text_format():
    response = scrape()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    assert "# TYPE powerwith_http_requests_total counter" in response.content.decode()


def test_every_server_process_counts_into_one_scrape(tmp_path):
    """Under gunicorn each process counts in files of its own; the scrape adds them up,
    whichever process answers it."""
    count = (
        "import django; django.setup()\n"
        "from powerwith import metrics\n"
        "metrics.observe('/api/v1/health/alive', 'GET', 200, 0.01)\n"
    )
    read = (
        "from prometheus_client import CollectorRegistry, generate_latest\n"
        "from prometheus_client.multiprocess import MultiProcessCollector\n"
        "registry = CollectorRegistry(); MultiProcessCollector(registry)\n"
        "print(generate_latest(registry).decode())\n"
    )
    environment = {
        **os.environ,
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "powerwith.settings",
    }
    for _ in range(2):  # two processes, as two gunicorn workers
        subprocess.run([sys.executable, "-c", count], env=environment, check=True, timeout=120)
    scraped = subprocess.run(
        [sys.executable, "-c", read],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    name = 'powerwith_http_requests_total{method="GET",route="/api/v1/health/alive",status="2xx"}'
    assert sample(scraped, name) == 2


def test_metrics_still_answer_when_the_task_queue_cannot_be_read(monkeypatch):
    from powerwith import metrics

    def unreadable():
        raise RuntimeError("no such table: django_tasks_database_dbtaskresult")

    monkeypatch.setattr(metrics, "_task_counts", unreadable)
    response = scrape()
    assert response.status_code == 200
    text = response.content.decode()
    assert sample(text, 'powerwith_state_read{part="tasks"}') == 0
    assert sample(text, 'powerwith_state_read{part="worker"}') == 1
    assert "powerwith_tasks_waiting " not in text

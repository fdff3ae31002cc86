"""Figures for staff monitoring, in Prometheus's text format (docs/adr/019-operable.md).

Two kinds, kept two ways so that what a scrape says is true with several processes:

- **requests and their latency** are counted by each process as it answers. Under
  ``powerwith serve`` (gunicorn, several worker processes) each process writes its counts
  to files in ``PROMETHEUS_MULTIPROC_DIR`` (prometheus-client's multiprocess mode), and
  the scrape adds every process's files up, so whichever process answers the scrape
  reports the whole server. Each app server is scraped on its own.
- **the service's state** (tasks waiting and failed, the worker's heartbeat, the consent
  ledger's newest checkpoint) is read at scrape time from the database, the shared cache
  and the checkpoint directory: the same on every server, never a stale copy.

Labels are route patterns (``people/<int:person_id>``), never a URL with an id in it,
and never anything about a person.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

from django.core.cache import cache
from django.db.models import Count
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from powerwith import health
from powerwith.core.cache import HEARTBEAT_KEY

logger = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
UNMATCHED = "(no route)"

REQUESTS = Counter(
    "powerwith_http_requests",
    "Requests answered, by route pattern, method and status class.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "powerwith_http_request_duration_seconds",
    "Time to answer a request, by route pattern.",
    ["route"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def observe(route: str, method: str, status: int, seconds: float) -> None:
    """Count one answered request. ``route`` is a pattern, not the URL asked for."""
    method = method if method in METHODS else "OTHER"
    REQUESTS.labels(route=route, method=method, status=f"{status // 100}xx").inc()
    LATENCY.labels(route=route).observe(seconds)


class ServiceState(Collector):
    """Gauges read when scraped: the task queue, the worker and the ledger's anchor. A
    part that cannot be read is left out and ``powerwith_state_read{part}`` says 0, so a
    scrape still answers while the database is down."""

    def collect(self) -> Iterator[Metric]:
        read = GaugeMetricFamily(
            "powerwith_state_read",
            "Whether each part of the service's state could be read for this scrape.",
            labels=["part"],
        )
        for part, gauges in (
            ("tasks", _tasks),
            ("worker", _worker),
            ("checkpoints", _checkpoints),
        ):
            try:
                found = list(gauges())
            except Exception:
                logger.exception("Metrics could not read the %s", part)
                read.add_metric([part], 0)
                continue
            read.add_metric([part], 1)
            yield from found
        yield read


def _tasks() -> Iterator[Metric]:
    counts = dict.fromkeys(TaskResultStatus.values, 0)
    for status, count in _task_counts():
        counts[status] = count
    tasks = GaugeMetricFamily(
        "powerwith_tasks",
        "Background tasks in the queue's table, by status.",
        labels=["status"],
    )
    for status, count in sorted(counts.items()):
        tasks.add_metric([status.lower()], count)
    yield tasks
    yield GaugeMetricFamily(
        "powerwith_tasks_waiting",
        "Tasks ready to run now and not yet started (the queue's depth).",
        value=DBTaskResult.objects.ready().count(),
    )
    yield GaugeMetricFamily(
        "powerwith_tasks_failed",
        "Tasks whose every attempt failed, kept in the queue's table.",
        value=counts[TaskResultStatus.FAILED],
    )


def _worker() -> Iterator[Metric]:
    beat = cache.get(HEARTBEAT_KEY)
    yield _age(
        "powerwith_worker_heartbeat_age_seconds",
        "Seconds since a worker last wrote its heartbeat (absent: none ever has).",
        None if beat is None else (timezone.now() - beat).total_seconds(),
    )


def _checkpoints() -> Iterator[Metric]:
    age = health.checkpoint_age()
    yield _age(
        "powerwith_ledger_checkpoint_age_seconds",
        "Seconds since the consent ledger's newest signed checkpoint (absent: none).",
        None if age is None else age.total_seconds(),
    )


def _task_counts() -> list[tuple[str, int]]:
    return list(
        DBTaskResult.objects.order_by()
        .values_list("status")
        .annotate(count=Count("id"))
        .values_list("status", "count")
    )


def _age(name: str, documentation: str, seconds: float | None) -> GaugeMetricFamily:
    gauge = GaugeMetricFamily(name, documentation)
    if seconds is not None:
        gauge.add_metric([], max(seconds, 0.0))
    return gauge


def multiprocess_dir() -> str:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


def scrape() -> bytes:
    """Everything, in Prometheus's text format."""
    if multiprocess_dir():
        requests = CollectorRegistry()
        MultiProcessCollector(requests)  # type: ignore[no-untyped-call]
    else:
        requests = REGISTRY
    state = CollectorRegistry()
    state.register(ServiceState())
    return generate_latest(requests) + generate_latest(state)

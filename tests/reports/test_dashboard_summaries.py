"""The worker keeps every organisation's dashboard: each round works out the last 12
months afresh, and until the next round the page, the API and the matches page read
those figures, and the page says when they were worked out."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.reminders import run_sweeps
from powerwith.reports.dashboard import summaries
from tests.conftest import api_client_for, logged_in
from tests.opportunities.factories import opportunity, person, worked

pytestmark = pytest.mark.django_db

ROUND = timezone.make_aware(datetime(2026, 12, 7, 9, 30))


@pytest.fixture
def kept(settings):
    """As on a real server: figures are kept in the shared cache."""
    settings.DASHBOARD_CACHE_SECONDS = 300
    cache.clear()


def dashboard_minutes(membership: Membership) -> int:
    body = api_client_for(membership).get("/api/v1/dashboard").json()
    return int(body["concentration"]["paid_minutes"]["total"])


def matches_hours(membership: Membership, opportunity_id: int) -> float:
    body = api_client_for(membership).get(f"/api/v1/opportunities/{opportunity_id}/matches")
    return float(body.json()["concentration"]["total_hours"])


def test_each_round_keeps_the_dashboard_every_page_reads_until_the_next(
    kept, client: Client, riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    wanted = opportunity(by, title="Wanted")
    worked(person(by, "First"), panel, 120, days_ago=3)
    with time_machine.travel(ROUND, tick=False) as clock:
        assert summaries.sweep(timezone.now()) == 2  # Riverside and Hillview
        # Work recorded after the round shows at the next one, not before: the dashboard,
        # its page and the matches page all show the figures the round worked out.
        clock.move_to(ROUND + timedelta(minutes=10))
        worked(person(by, "Second"), panel, 60, days_ago=3)
        assert dashboard_minutes(by) == 120
        assert matches_hours(by, wanted.pk) == 2.0
        page = logged_in(client, by.user).get("/dashboard/").text
        assert "Worked out at 9:30am on 7 December 2026" in page
        # The next round, a quarter of an hour after the first.
        clock.move_to(ROUND + timedelta(minutes=15))
        summaries.sweep(timezone.now())
        clock.move_to(ROUND + timedelta(minutes=16))
        assert dashboard_minutes(by) == 180
        assert matches_hours(by, wanted.pk) == 3.0
        assert "Worked out at 9:45am on 7 December 2026" in client.get("/dashboard/").text


def test_the_kept_figures_outlast_the_time_between_rounds(
    kept, riverside_coordinator: Membership
) -> None:
    by = riverside_coordinator
    worked(person(by, "First"), opportunity(by, title="Panel"), 120, days_ago=3)
    with time_machine.travel(ROUND, tick=False) as clock:
        summaries.sweep(timezone.now())
        worked(person(by, "Second"), opportunity(by, title="Later"), 60, days_ago=3)
        # A round running a few minutes late leaves the kept figures in place.
        clock.move_to(ROUND + timedelta(minutes=20))
        assert dashboard_minutes(by) == 120


def test_the_worker_round_keeps_the_dashboards(kept, riverside_coordinator: Membership) -> None:
    by = riverside_coordinator
    worked(person(by, "First"), opportunity(by, title="Panel"), 120, days_ago=3)
    done = run_sweeps()
    assert done["powerwith.reports.dashboard.summaries.sweep"] == 1
    worked(person(by, "Second"), opportunity(by, title="Later"), 60, days_ago=3)
    assert dashboard_minutes(by) == 120


def test_an_organisation_with_no_one_to_read_its_dashboard_is_left_out(
    kept, riverside_coordinator: Membership, riverside_auditor: Membership, expert_at_both
) -> None:
    # Hillview has an expert by experience as its only member: no one reads its dashboard.
    readers = summaries.reader_of_each_organisation()
    assert [m.organisation_id for m in readers] == [riverside_coordinator.organisation_id]


def test_nothing_is_kept_when_figures_are_worked_out_every_time(
    settings, riverside_coordinator: Membership
) -> None:
    settings.DASHBOARD_CACHE_SECONDS = 0
    cache.clear()
    by = riverside_coordinator
    worked(person(by, "First"), opportunity(by, title="Panel"), 120, days_ago=3)
    assert summaries.sweep(timezone.now()) == 0
    worked(person(by, "Second"), opportunity(by, title="Later"), 60, days_ago=3)
    assert dashboard_minutes(by) == 180

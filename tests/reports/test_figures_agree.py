"""When a figure appears in two places, it is the same figure: each one shown on more than
one page or API is worked out from crafted records and read back from every place that
shows it, with Hillview's records planted alongside and never counted."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import Attendance, BookingStatus, Session
from powerwith.engagements.services.booking import schedule_checks
from powerwith.payments import services as payments
from powerwith.payments.models import Claim
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer
from tests.opportunities.factories import opportunity, person, worked
from tests.payments.factories import backdate, expense_claim
from tests.reports.page_tables import csv_figures, tables, text_of
from tests.reports.surfaces import (
    DASHBOARD_CSV,
    DASHBOARD_PAGES,
    dashboard_share,
    page_of,
    scorecard_evidence,
)

pytestmark = pytest.mark.django_db

SENTENCE = re.compile(
    r"the busiest 10% of the (?P<experts>\d+) experts by experience working with you "
    r"\((?P<busiest>\d+) (?:person|people)\) did (?P<percent>[\d.]+)% of the "
    r"(?P<hours>[\d.]+) hours? of paid work; .*? (?P<people>\d+) people did any paid work; "
    r"(?P<most>\d+) of them did more than half"
)


def test_the_concentration_of_paid_work_is_one_figure_everywhere(
    client: Client,
    riverside_coordinator: Membership,
    riverside_admin: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
) -> None:
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    # Twenty experts on the register (Sam among them); ten did paid work: 26 hours, of
    # which the busiest two (10% of twenty) did 10 + 6 = 16, more than half between them.
    workers = [person(by, f"Person {n}") for n in range(19)]
    for who, minutes in zip(workers, [600, 360, 120, 120, 60, 60, 60, 60, 60, 60], strict=False):
        worked(who, panel, minutes, days_ago=3)
    worked(workers[0], opportunity(by, title="Voluntary", reward_basis="voluntary"), 600)
    # Hillview's paid work, Sam's included, is Hillview's alone.
    theirs = opportunity(hillview_coordinator, title="Hillview panel")
    worked(expert_at_both, theirs, 6000, days_ago=3)
    worked(person(hillview_coordinator, "Hillview person"), theirs, 600, days_ago=3)
    wanted = opportunity(by, title="Wanted")
    expected = {"experts": 20, "busiest": 2, "percent": 61.5, "hours": 26.0, "people": 10}

    matches = text_of(logged_in(client, by.user).get(f"/opportunities/{wanted.pk}/matches/").text)
    settings_page = text_of(
        logged_in(Client(), riverside_admin.user).get("/organisation/settings/").text
    )
    for sentence in (SENTENCE.search(matches), SENTENCE.search(settings_page)):
        assert sentence is not None
        assert {k: float(v) for k, v in sentence.groupdict().items() if k != "most"} == expected
        assert sentence["most"] == "2"

    api = api_client_for(by).get(f"/api/v1/opportunities/{wanted.pk}/matches").json()
    c = api["concentration"]
    assert (c["experts_count"], c["busiest_count"], c["busiest_percent"]) == (20, 2, 61.5)
    assert (c["total_hours"], c["people"], c["people_for_most"]) == (26.0, 10, 2)

    for url in DASHBOARD_PAGES:
        paid = tables(page_of(client, url))["Paid hours"]
        assert paid["Experts by experience working with you"] == ["20"]
        assert paid["People who did any"] == ["10"]
        assert paid["In all"] == ["26 hours"]
        assert paid["Busiest 10% of the experts"] == ["2"]
        assert paid["Their share"] == ["16 hours (61.5%)"]
        assert paid["Fewest people who did more than half"] == ["2"]

    rows = csv_figures(page_of(client, DASHBOARD_CSV))
    figure = "concentration of paid minutes"
    assert rows[figure, "experts by experience working with you"] == "20"
    assert rows[figure, "total"] == str(26 * 60)
    assert rows[figure, "busiest 10% people"] == "2"
    assert rows[figure, "busiest 10% percent"] == "61.5"
    assert rows[figure, "fewest people doing more than half"] == "2"

    body: dict[str, Any] = api_client_for(by).get("/api/v1/dashboard").json()
    assert body["concentration"]["paid_minutes"] == {
        "experts": 20,
        "people": 10,
        "total": 26 * 60,
        "busiest_people": 2,
        "busiest_total": 16 * 60,
        "busiest_percent": 61.5,
        "people_for_most": 2,
    }
    assert (body["from"], body["to"]) == (c["from"], c["to"])


def test_wellbeing_completion_is_one_figure_on_the_dashboard_and_the_scorecard(
    client: Client, riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    by = riverside_coordinator
    project = opportunity(by, title="Project", status="open")
    session = Session.objects.create(
        opportunity=project, starts_at=timezone.now() - timedelta(days=20), minutes=60
    )
    # Three people booked through the real scheduling, five of their nine checks done;
    # a fourth recorded after the session, whose three checks were never scheduled.
    for n, done in enumerate((3, 2, 0)):
        booking = Attendance.objects.create(session=session, person=person(by, f"P{n}"))
        for check in schedule_checks(booking)[:done]:
            check.completed_at = check.due_at
            check.save()
    Attendance.objects.create(session=session, person=person(by, "Recorded after"))
    theirs = opportunity(hillview_coordinator, title="Hillview work", status="open")
    hillview_session = Session.objects.create(
        opportunity=theirs, starts_at=timezone.now() - timedelta(days=20), minutes=60
    )
    schedule_checks(
        Attendance.objects.create(
            session=hillview_session, person=person(hillview_coordinator, "Hillview person")
        )
    )
    logged_in(client, by.user)

    assert dashboard_share(
        client, by, "Wellbeing checks", "wellbeing checks completed", "wellbeing_checks"
    ) == (5, 12)
    assert (
        scorecard_evidence(
            client, by, project.pk, "Wellbeing checks before, at the end and follow-up done"
        )
        == "5 of 12 wellbeing checks due by now were done."
    )


def test_consent_coverage_is_one_figure_on_the_dashboard_and_the_scorecard(
    client: Client,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
) -> None:
    by = riverside_coordinator
    now = timezone.now()
    project = opportunity(by, title="Project", status="open")
    sessions = [
        Session.objects.create(
            opportunity=project, starts_at=now - timedelta(days=days), minutes=60
        )
        for days in (30, 10)
    ]
    covered, for_all, late, without, cancelled = (
        person(by, name) for name in ("Covered", "For all", "Late", "Without", "Cancelled")
    )
    for who in (covered, for_all, late, without, cancelled, expert_at_both):
        for session in sessions:
            Attendance.objects.create(session=session, person=who)
    Attendance.objects.filter(person=cancelled).update(status=BookingStatus.CANCELLED)
    joined_later = person(by, "Joined later")
    Attendance.objects.create(session=sessions[1], person=joined_later)

    def grant(who: Person, days_ago: int, actor: Membership, **context: Any) -> None:
        with time_machine.travel(now - timedelta(days=days_ago), tick=False):
            consent.grant_consent(
                person=who, scope="take_part", actor=actor, method="written", **context
            )

    grant(covered, 40, by, opportunity=project)
    grant(for_all, 40, by)  # for all of Riverside's work
    grant(late, 20, by, opportunity=project)  # after the first session
    grant(joined_later, 20, by, opportunity=project)  # before the only session booked
    grant(cancelled, 40, by, opportunity=project)
    # Sam's consent is given to Hillview, for Hillview's work: it never covers Riverside's.
    grant(expert_at_both, 40, hillview_coordinator)
    logged_in(client, by.user)

    assert dashboard_share(
        client, by, "Consent to take part", "consent coverage (people)", "consent_coverage"
    ) == (3, 6)
    assert scorecard_evidence(client, by, project.pk, "Take part consent before every session") == (
        "3 of 6 people booked on sessions that have started had consent to take part before "
        "every one of them."
    )


def test_payment_timeliness_is_one_figure_on_the_claims_page_and_the_dashboard(
    client: Client,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    by = riverside_coordinator
    offer = accepted_offer(by, expert_at_riverside)
    # Claims made 2, 4, 6, 9 and 30 days ago, all paid today: 4 of 5 within 14 days.
    for days in (2, 4, 6, 9, 30):
        claim = backdate(expense_claim(offer), days)
        payments.approve_claim(claim, by=by)
        payments.record_payment(claim, by=by, paid_on=timezone.localdate())
    # Paid more than a year ago, and Hillview's own: neither counts.
    old = backdate(expense_claim(offer), 400)
    payments.approve_claim(old, by=by)
    payments.record_payment(old, by=by, paid_on=timezone.localdate())
    Claim.objects.filter(pk=old.pk).update(paid_on=timezone.localdate() - timedelta(days=390))
    theirs = backdate(expense_claim(accepted_offer(hillview_coordinator, expert_at_both)), 40)
    payments.approve_claim(theirs, by=hillview_coordinator)
    payments.record_payment(theirs, by=hillview_coordinator, paid_on=timezone.localdate())
    logged_in(client, by.user)

    claims = text_of(page_of(client, "/claims/"))
    assert "4 of 5 claims paid within 14 days in the last 12 months; median 6 days." in claims
    api = api_client_for(by).get("/api/v1/payments/timeliness").json()
    assert (api["paid"], api["paid_within_target"], api["median_days"]) == (5, 4, 6)
    for url in DASHBOARD_PAGES:
        paid = tables(page_of(client, url))["Claims paid"]
        assert paid["Claims paid"] == ["5"]
        assert paid["Paid within 14 days"] == ["4 (80.0%)"]
        assert paid["Median days to pay"] == ["6.0"]
    rows = csv_figures(page_of(client, DASHBOARD_CSV))
    assert rows["payment timeliness", "claims paid"] == "5"
    assert rows["payment timeliness", "paid within target"] == "4"
    assert rows["payment timeliness", "median days to pay"] == "6"
    body = api_client_for(by).get("/api/v1/dashboard").json()["payment_timeliness"]
    assert (body["paid"], body["within_target"], body["median_days"]) == (5, 4, 6)


def test_the_paid_hours_figure_kept_for_a_while_is_the_one_every_page_shows(
    settings, riverside_coordinator: Membership
) -> None:
    """Kept in the shared cache (as on a real server), the figure is worked out once and
    read by the matches API and the dashboard alike: while kept, both show the figure as
    it was worked out; once it has gone stale, both show the new one, even when the rest
    of the dashboard was kept at another time."""
    settings.DASHBOARD_CACHE_SECONDS = 300
    cache.clear()
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    wanted = opportunity(by, title="Wanted")
    worked(person(by, "First"), panel, 120, days_ago=3)
    api = api_client_for(by)

    def matches_hours() -> float:
        found = api.get(f"/api/v1/opportunities/{wanted.pk}/matches").json()
        return float(found["concentration"]["total_hours"])

    def dashboard_minutes() -> int:
        return int(api.get("/api/v1/dashboard").json()["concentration"]["paid_minutes"]["total"])

    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        assert matches_hours() == 2.0
        clock.move_to(start + timedelta(seconds=200))
        worked(person(by, "Second"), panel, 60, days_ago=3)
        # The dashboard is worked out now, but its paid hours are the kept figure.
        assert dashboard_minutes() == 120
        assert matches_hours() == 2.0
        # The paid hours have gone stale (the rest of the dashboard has not): both pages
        # show the figure worked out again.
        clock.move_to(start + timedelta(seconds=350))
        assert matches_hours() == 3.0
        assert dashboard_minutes() == 180

"""When a figure appears in two places, it is the same figure: each one shown on more than
one page or API is worked out from crafted records and read back from every place that
shows it, with Hillview's records planted alongside and never counted."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import Attendance, BookingStatus, Session
from powerwith.engagements.services.booking import schedule_checks
from powerwith.evaluation.models import ImpactEntry
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in
from tests.opportunities.factories import opportunity, person, worked
from tests.reports.page_tables import csv_figures, tables, text_of

pytestmark = pytest.mark.django_db

SENTENCE = re.compile(
    r"the busiest 10% of the (?P<experts>\d+) experts by experience working with you "
    r"\((?P<busiest>\d+) (?:person|people)\) did (?P<percent>[\d.]+)% of the "
    r"(?P<hours>[\d.]+) hours? of paid work; .*? (?P<people>\d+) people did any paid work; "
    r"(?P<most>\d+) of them did more than half"
)


def _dashboard(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


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

    for url in ("/dashboard/", "/dashboard/report/"):
        paid = tables(_dashboard(client, url))["Paid hours"]
        assert paid["Experts by experience working with you"] == ["20"]
        assert paid["People who did any"] == ["10"]
        assert paid["In all"] == ["26 hours"]
        assert paid["Busiest 10% of the experts"] == ["2"]
        assert paid["Their share"] == ["16 hours (61.5%)"]
        assert paid["Fewest people who did more than half"] == ["2"]

    rows = csv_figures(_dashboard(client, "/dashboard/dashboard.csv"))
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


def _scorecard_check(client: Client, by: Membership, opportunity_id: int, name: str) -> str:
    """The check's evidence on the scorecard page, which must be the API's too."""
    page = tables(client.get(f"/opportunities/{opportunity_id}/scorecard/").content.decode())
    on_page = next(rows[name] for rows in page.values() if name in rows)
    card = api_client_for(by).get(f"/api/v1/opportunities/{opportunity_id}/scorecard").json()
    in_api = next(c for p in card["principles"].values() for c in p["checks"] if c["name"] == name)
    assert on_page[1] == in_api["evidence"]
    return on_page[1]


def _dashboard_share(
    client: Client, by: Membership, caption: str, csv_figure: str, key: str
) -> tuple[int, int]:
    """(part, whole) as the dashboard page, its report, its CSV and its API show them."""
    found = set()
    for url in ("/dashboard/", "/dashboard/report/"):
        # The whole first ("People booked": 4), then the part ("…": "3 (75.0%)").
        whole, part = tables(_dashboard(client, url))[caption].values()
        found.add((int(part[0].split()[0]), int(whole[0])))
    csv_rows = csv_figures(_dashboard(client, "/dashboard/dashboard.csv"))
    found.add((int(csv_rows[csv_figure, "count"]), int(csv_rows[csv_figure, "out of"])))
    api = api_client_for(by).get("/api/v1/dashboard").json()[key]
    found.add((api["count"], api["out_of"]))
    assert len(found) == 1, found
    return found.pop()


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

    assert _dashboard_share(
        client, by, "Wellbeing checks", "wellbeing checks completed", "wellbeing_checks"
    ) == (5, 12)
    assert (
        _scorecard_check(
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

    assert _dashboard_share(
        client, by, "Consent to take part", "consent coverage (people)", "consent_coverage"
    ) == (3, 6)
    assert _scorecard_check(client, by, project.pk, "Take part consent before every session") == (
        "3 of 6 people booked on sessions that have started had consent to take part before "
        "every one of them."
    )


def _scorecard_percents(client: Client, opportunity_id: int) -> dict[str, str]:
    """Each principle's score as the scorecard page's table captions show it."""
    page = client.get(f"/opportunities/{opportunity_id}/scorecard/").content.decode()
    return {
        caption.split(" —")[0]: caption.rsplit(": ", 1)[1]
        for caption in tables(page)
        if " — " in caption
    }


def test_a_principle_with_nothing_to_judge_has_no_score_anywhere_and_no_place_in_averages(
    client: Client, riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    by = riverside_coordinator
    begun = opportunity(by, title="Begun", status="open")
    Session.objects.create(
        opportunity=begun, starts_at=timezone.now() - timedelta(days=5), minutes=60
    )
    ImpactEntry.objects.create(
        organisation=by.organisation,
        opportunity=begun,
        you_said="The course felt rushed.",
        we_did="We made it two days.",
        recorded_by=by.user,
    )
    # Nothing has begun: neither evaluation check can be judged yet.
    new = opportunity(by, title="New", status="open")
    # Hillview's consultation has begun with no impact recorded: its 0% is its own.
    theirs = opportunity(hillview_coordinator, title="Hillview work", status="open")
    Session.objects.create(
        opportunity=theirs, starts_at=timezone.now() - timedelta(days=5), minutes=60
    )
    logged_in(client, by.user)
    api = api_client_for(by)

    cards = {
        o.pk: api.get(f"/api/v1/opportunities/{o.pk}/scorecard").json()["principles"]
        for o in (begun, new)
    }
    # Begun's impact entry is met, its feedback check not judged: 100%, not 50%.
    assert cards[begun.pk]["evaluation"]["score"] == 1.0
    assert (cards[new.pk]["evaluation"]["score"], cards[new.pk]["evaluation"]["judged"]) == (
        0.0,
        False,
    )
    assert _scorecard_percents(client, begun.pk)["E"] == "100%"
    assert _scorecard_percents(client, new.pk)["E"] == "not yet judged"

    dashboard = _dashboard(client, "/dashboard/")
    listed = tables(dashboard)["Scorecard of each opportunity, most signs of tokenism first"]
    rows = csv_figures(_dashboard(client, "/dashboard/dashboard.csv"))
    body = api.get("/api/v1/dashboard").json()["scorecards"]
    in_api = {o["opportunity_id"]: o for o in body["opportunities"]}
    for found in (begun, new):
        on_scorecard = _scorecard_percents(client, found.pk)
        on_dashboard = dict(item.split(": ") for item in _items(listed[found.title][0]))
        assert on_dashboard == on_scorecard
        for code, principle in cards[found.pk].items():
            words = f"{round(100 * principle['score'])}%" if principle["judged"] else None
            assert on_scorecard[code[0].upper()] == (words or "not yet judged")
            assert rows[f"scorecard: {found.title}", code] == (
                f"{principle['score']:g}" if words else "not yet judged"
            )
            assert in_api[found.pk]["scores"][code] == principle["score"]
            assert in_api[found.pk]["judged"][code] == principle["judged"]
    # The average evaluation is Begun's alone: New has none to give, Hillview's is theirs.
    averages = tables(dashboard)["Average score across 2 opportunities"]
    assert averages["E — evaluation and learning"] == ["100%", "1"]
    assert (body["averages"]["evaluation"], body["judged"]["evaluation"]) == (1.0, 1)
    assert rows["scorecard average", "evaluation"] == "1"
    assert rows["scorecard average", "evaluation opportunities judged"] == "1"


def _items(cell: str) -> list[str]:
    """ "P: 50% O: not yet judged …" as ["P: 50%", "O: not yet judged", …]."""
    return [item.strip() for item in re.split(r" (?=[POWER]: )", cell)]

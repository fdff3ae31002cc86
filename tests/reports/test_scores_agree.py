"""A principle's score is met of its judged checks, the same on the scorecard page and
API and the dashboard's page, CSV and API; a principle with no check to judge yet has no
score anywhere and no place in an average. Hillview's opportunities never count."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.evaluation.models import ImpactEntry
from tests.conftest import api_client_for, logged_in
from tests.opportunities.factories import opportunity
from tests.reports.page_tables import csv_figures, tables
from tests.reports.surfaces import DASHBOARD_CSV, page_of

pytestmark = pytest.mark.django_db


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

    dashboard = page_of(client, "/dashboard/")
    listed = tables(dashboard)["Scorecard of each opportunity, most signs of tokenism first"]
    rows = csv_figures(page_of(client, DASHBOARD_CSV))
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

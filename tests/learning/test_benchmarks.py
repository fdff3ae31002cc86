"""Network benchmarks: a figure of the network is shown only when at least N
organisations contribute to it (page, API and CSV alike), an organisation that stops
contributing is out of every figure at the next refresh, and nothing stored for the
network points at a person."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.management import call_command
from django.db import models
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.learning import benchmarks, services
from powerwith.learning.models import NetworkFigure
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in
from tests.learning.factories import contributing

pytestmark = pytest.mark.django_db

N = 5
FIGURE = "level_co_production"


@pytest.fixture(autouse=True)
def default_threshold(settings):
    settings.NETWORK_BENCHMARK_THRESHOLD = N


def organisations(count: int) -> list[Membership]:
    found = [contributing(f"trust-{n}") for n in range(count)]
    benchmarks.refresh()
    return found


def api_figure(admin: Membership, name: str = FIGURE) -> dict[str, Any]:
    body = api_client_for(admin).get("/api/v1/network/benchmarks").json()
    return {"body": body, **next(f for f in body["figures"] if f["name"] == name)}


def csv_row(client: Client, name: str = FIGURE) -> dict[str, str]:
    response = client.get("/network/benchmarks.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    return next(r for r in rows if r["name"] == name)


def test_below_the_threshold_no_network_value_is_shown_anywhere(client):
    admins = organisations(N - 1)
    figure = api_figure(admins[0])
    assert figure["body"]["organisations"] == N - 1
    assert figure["body"]["threshold"] == N
    assert figure["shown"] is False
    assert figure["network_median"] is None
    assert figure["network_lower_quartile"] is None
    assert figure["value"] == 100.0  # the organisation's own figure is always its own
    assert all(f["network_median"] is None for f in figure["body"]["figures"])

    logged_in(client, admins[0].user)
    page = client.get("/network/benchmarks/").text
    assert "Not shown: fewer than 5 organisations contribute" in page
    row = csv_row(client)
    assert row["shown"] == "no"
    assert row["network median"] == row["network lower quartile"] == ""


def test_at_the_threshold_the_network_median_and_quartiles_are_shown(client):
    admins = organisations(N)
    figure = api_figure(admins[0])
    assert figure["shown"] is True
    assert figure["network_median"] == 100.0
    logged_in(client, admins[0].user)
    page = client.get("/network/benchmarks/").text
    assert "100.0% to 100.0%" in page
    row = csv_row(client)
    assert row["shown"] == "yes"
    assert row["network median"] == "100"


def test_the_median_and_quartiles_are_the_networks(client):
    admins = [
        contributing(f"trust-{n}", level)
        for n, level in enumerate(
            ["co_production", "co_production", "co_production", "consultation", "consultation"]
        )
    ]
    benchmarks.refresh()
    figure = api_figure(admins[0])
    # Three organisations at 100%, two at 0%: the median is 100, the quartiles 0 and 100.
    assert figure["network_median"] == 100.0
    assert figure["network_lower_quartile"] == 0.0
    assert figure["network_upper_quartile"] == 100.0


def test_withdrawing_the_opt_in_removes_the_organisation_at_the_next_refresh():
    admins = organisations(N)
    assert api_figure(admins[0])["shown"] is True
    services.set_network_sharing(by=admins[1], share_summaries=False, contribute_figures=False)
    call_command("refresh_benchmarks", stdout=io.StringIO())
    figure = api_figure(admins[0])
    assert figure["body"]["organisations"] == N - 1
    assert figure["shown"] is False
    assert not NetworkFigure.objects.filter(organisation=admins[1].organisation).exists()


def test_an_organisation_that_never_opted_in_contributes_nothing():
    organisations(N - 1)
    outsider = contributing("outsider", share=False)
    benchmarks.refresh()
    assert not NetworkFigure.objects.filter(organisation=outsider.organisation).exists()
    assert api_figure(outsider)["shown"] is False


def test_no_person_level_data_is_stored_for_the_network():
    for field in NetworkFigure._meta.get_fields():
        related = getattr(field, "related_model", None)
        assert related is not Person, field.name
        assert related is None or related._meta.label == "accounts.Organisation", field.name
    assert {f.name for f in NetworkFigure._meta.concrete_fields} == {
        "id",
        "organisation",
        "name",
        "value",
        "refreshed_at",
    }
    assert isinstance(NetworkFigure._meta.get_field("value"), models.FloatField)


def test_the_benchmarks_are_for_those_who_read_scorecards(client, riverside, expert_at_riverside):
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    assert client.get("/network/benchmarks/").status_code == 403
    assert client.get("/network/benchmarks.csv").status_code == 403

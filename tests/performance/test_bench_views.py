"""The load benchmark's reference views: mounted only for the benchmark, and bare."""

from __future__ import annotations

import pytest
from django.db import connection

from bench.reference_views import INSERT_TABLE, create_insert_table
from powerwith.people.models import Person

pytestmark = pytest.mark.django_db


def test_production_never_mounts_the_reference_views(client):
    assert client.get("/bench/hello").status_code == 404
    assert client.get("/bench/people").status_code == 404


@pytest.mark.urls("bench.reference_views")
def test_hello_world_answers_json(client):
    response = client.get("/bench/hello")
    assert response.json() == {"hello": "world"}


@pytest.mark.urls("bench.reference_views")
def test_the_bare_list_shows_the_first_25_people_to_anyone(client):
    Person.objects.bulk_create(Person(preferred_name=f"Person {n:02}") for n in range(30))
    page = client.get("/bench/people").content.decode()
    assert page.count('<tr class="govuk-table__row">') == 1 + 25
    assert "Person 24" in page
    assert "Person 25" not in page
    assert len(client.get("/bench/people?format=json").json()["items"]) == 25


@pytest.mark.urls("bench.reference_views")
def test_the_bare_insert_adds_one_row(client):
    create_insert_table()
    assert client.post("/bench/insert").json() == {"ok": True}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {INSERT_TABLE}")  # noqa: S608 - a constant
        assert cursor.fetchone() == (1,)

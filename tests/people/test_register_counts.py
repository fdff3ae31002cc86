"""The register's counts are kept in the shared cache, and a change shows at once."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import api_client_for, make_expert

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept_counts(settings):
    settings.REGISTER_COUNT_SECONDS = 300


def counts_of(client) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as seen:
        count = client.get("/api/v1/people").json()["count"]
    return count, [q["sql"] for q in seen.captured_queries if "COUNT(" in q["sql"].upper()]


def test_the_count_is_worked_out_once_then_read_from_the_cache(
    kept_counts, riverside, riverside_coordinator
):
    make_expert("ana@people.example", "Ana", riverside)
    api = api_client_for(riverside_coordinator)
    first, counted = counts_of(api)
    again, counted_again = counts_of(api)
    assert first == again == 1
    assert any("people_" in sql for sql in counted)
    assert not any("people_" in sql for sql in counted_again)


def test_a_new_person_shows_in_the_next_count(kept_counts, riverside, riverside_coordinator):
    api = api_client_for(riverside_coordinator)
    before, _ = counts_of(api)
    make_expert("bo@people.example", "Bo", riverside)
    after, _ = counts_of(api)
    assert after == before + 1


def test_each_organisation_gets_its_own_count(
    kept_counts, riverside, hillview, riverside_coordinator, hillview_coordinator
):
    make_expert("cy@people.example", "Cy", riverside)
    make_expert("di@people.example", "Di", riverside)
    make_expert("ed@people.example", "Ed", hillview)
    assert counts_of(api_client_for(riverside_coordinator))[0] == 2
    assert counts_of(api_client_for(hillview_coordinator))[0] == 1
    assert counts_of(api_client_for(riverside_coordinator))[0] == 2


def test_the_kept_filter_form_shows_what_each_request_asked_for(client, riverside_coordinator):
    """The rendered filter form is kept in the cache by the values asked for: a second
    request asking something else never sees the first one's choices or errors."""
    from tests.conftest import logged_in

    logged_in(client, riverside_coordinator.user)
    chosen = client.get("/people/", {"day": "mon"}).text
    plain = client.get("/people/").text
    wrong = client.get("/people/", {"day": "someday"})
    again = client.get("/people/", {"day": "mon"}).text
    assert '<option value="mon" selected>' in chosen
    assert '<option value="mon" selected>' in again
    assert '<option value="mon" selected>' not in plain
    assert wrong.status_code == 400
    assert "Choose available on from the list." in wrong.text
    assert "Choose available on from the list." not in plain

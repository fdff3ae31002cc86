"""The access log records every page and answer that shows a person's details to staff,
including the edit pages and the API's PATCH and PUT answers; an organisation's admin sees
and exports their own organisation's log, and no other."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from powerwith.privacy.models import AccessLogEntry, What
from tests.conftest import api_client_for, logged_in
from tests.opportunities.factories import person

pytestmark = pytest.mark.django_db


def whats(person: Person) -> list[str]:
    return list(
        AccessLogEntry.objects.filter(person=person).order_by("id").values_list("what", flat=True)
    )


@pytest.fixture
def jordan(riverside_coordinator: Membership) -> Person:
    """On the register without an account of their own, so staff keep their details."""
    return person(riverside_coordinator, "Jordan")


def test_the_staff_edit_pages_are_written_down(
    client: Client, riverside_coordinator: Membership, jordan: Person
) -> None:
    logged_in(client, riverside_coordinator.user)
    assert client.get(f"/people/{jordan.pk}/edit/").status_code == 200
    assert client.get(f"/people/{jordan.pk}/experience/").status_code == 200
    assert whats(jordan) == [What.PROFILE, What.EXPERIENCE]


def test_the_apis_patch_and_put_answers_are_written_down(
    riverside_coordinator: Membership, jordan: Person
) -> None:
    api = api_client_for(riverside_coordinator)
    path = f"/api/v1/people/{jordan.pk}"
    patched = api.patch(path, json.dumps({"town": "Leeds"}), content_type="application/json")
    assert patched.status_code == 200
    put = api.put(f"{path}/experience", "[]", content_type="application/json")
    assert put.status_code == 200
    assert whats(jordan) == [What.PROFILE, What.EXPERIENCE]
    assert AccessLogEntry.objects.filter(where=path).exists()


def test_an_admin_sees_their_organisations_access_log(
    client: Client,
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
) -> None:
    logged_in(Client(), riverside_coordinator.user).get(f"/people/{expert_at_both.pk}/")
    logged_in(Client(), hillview_coordinator.user).get(f"/people/{expert_at_both.pk}/")
    response = logged_in(client, riverside_admin.user).get("/organisation/access-log/")
    assert response.status_code == 200
    assert "coordinator@riverside.example" in response.text
    assert "coordinator@hillview.example" not in response.text


def test_an_admin_exports_their_organisations_access_log_as_csv(
    client: Client,
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
) -> None:
    logged_in(Client(), riverside_coordinator.user).get(f"/people/{expert_at_both.pk}/")
    logged_in(Client(), hillview_coordinator.user).get(f"/people/{expert_at_both.pk}/")
    response = logged_in(client, riverside_admin.user).get("/organisation/access-log.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["who"], r["person"], r["what"]) for r in rows] == [
        ("coordinator@riverside.example", "Sam", "profile")
    ]


@pytest.mark.parametrize("path", ["/organisation/access-log/", "/organisation/access-log.csv"])
def test_no_one_but_an_admin_reads_the_organisations_access_log(
    client: Client, riverside_coordinator: Membership, riverside_auditor: Membership, path: str
) -> None:
    for membership in (riverside_coordinator, riverside_auditor):
        assert logged_in(Client(), membership.user).get(path).status_code == 403

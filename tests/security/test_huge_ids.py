"""An id too large for the database (a made-up or mistyped URL) is simply not found, on
every page and every API operation, for every role: never a server error.

SQLite stores integers in 64 bits; Django answers no rows for a larger id in most lookups
but not in a foreign key's ``_id`` lookup, which fails. The pages and operations are
enumerated as in the isolation battery, so a new route is covered without being named.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.api import api
from powerwith.people.models import Person
from tests.conftest import api_client_for
from tests.routes import named_routes

TOO_BIG = 2**70


@pytest.fixture
def members(
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    riverside_auditor: Membership,
    expert_at_riverside: Person,
) -> list[Membership]:
    expert = Membership.objects.get(user=expert_at_riverside.user)
    return [riverside_admin, riverside_coordinator, riverside_contact, riverside_auditor, expert]


def test_a_page_with_an_id_too_big_is_not_a_server_error(members: list[Membership]) -> None:
    errors = []
    for membership in members:
        client = Client(raise_request_exception=False)
        client.force_login(membership.user)
        for name, parameters in named_routes():
            if not parameters:
                continue
            path = reverse(name, kwargs=dict.fromkeys(parameters, TOO_BIG))
            response = client.get(path)
            if response.status_code == 405:
                response = client.post(path, {})
            if response.status_code >= 500:
                errors.append(f"{path} as {membership.role}: {response.status_code}")
    assert errors == []


def test_an_operation_with_an_id_too_big_is_not_a_server_error(
    members: list[Membership],
) -> None:
    errors = []
    for membership in members:
        client = api_client_for(membership)
        for template, methods in api.get_openapi_schema()["paths"].items():
            if "{" not in template:
                continue
            path = re.sub(r"{\w+}", str(TOO_BIG), template)
            for method in methods:
                response = client.generic(
                    method.upper(), path, "{}", content_type="application/json"
                )
                if response.status_code >= 500:
                    errors.append(f"{method} {path} as {membership.role}")
    assert errors == []


def test_a_page_number_too_big_is_refused_not_a_server_error(
    riverside_coordinator: Membership,
) -> None:
    client = api_client_for(riverside_coordinator)
    listed = [
        path
        for path, methods in api.get_openapi_schema()["paths"].items()
        if any(p["name"] == "page" for p in methods.get("get", {}).get("parameters", []))
    ]
    answers = {path: client.get(path, {"page": TOO_BIG}) for path in listed}
    assert len(answers) >= 3
    # Refused as invalid, or a page past the end: no items.
    wrong = {
        path: response.status_code
        for path, response in answers.items()
        if response.status_code != 422
        and not (response.status_code == 200 and response.json()["items"] == [])
    }
    assert wrong == {}


def test_switching_to_an_organisation_id_too_big_is_not_found(
    client: Client, riverside_coordinator: Membership
) -> None:
    client.force_login(riverside_coordinator.user)
    response = client.post(reverse("accounts:switch_organisation"), {"organisation": TOO_BIG})
    assert response.status_code == 404

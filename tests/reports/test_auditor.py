"""The auditor (or commissioner) role is read-only and anonymised, proven over every
route and every API operation.

Riverside is given one of everything through the page audit's own values
(``tests/routes.py``), then every person there is renamed "Zebedee Quartermaine" with an
address at quartermaine.example. Riverside's auditor then:

- sends a POST to every named route: each answers 403, 404 or 405, and no row of any
  model is written (rows counted before and after, each route in its own savepoint);
- reads every page: any page answered 200 must not hold an expert's name or address;
- calls every API write with a valid-looking body: none succeeds and no row is written;
  and every API read answered 200 holds no expert's name or address.

Auditors need scorecards, the dashboard, anonymised evaluation reports, outcomes and
training evidence; a page that would name people either leaves the names out for them
or refuses them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import transaction
from django.http import HttpResponseBase
from django.test import Client, override_settings
from django.urls import reverse

from powerwith.accounts import services as accounts
from powerwith.accounts.models import Membership, User
from powerwith.core.roles import Role
from powerwith.engagements.models import Session
from powerwith.people.models import Person
from tests.conftest import make_expert, make_member
from tests.routes import named_routes, route_values
from tests.security.test_isolation import API_VALUES, BODIES, OPERATIONS, QUERIES, _body

NAME = "Quartermaine"
ADDRESS = "quartermaine.example"

# Routes where a POST may change the auditor's own session or account, never the
# organisation's records: not walked with a POST.
OWN_ACCOUNT = {
    "accounts:login": "logging in makes the auditor's own session",
    "accounts:logout": "logging out ends the auditor's own session",
    "accounts:switch_organisation": "choosing which of their own memberships to act for",
    "accounts:settings": "their own account",
    "accounts:display_settings": "their own display settings",
    "accounts:sessions": "their own signed-in sessions",
    "accounts:end_other_sessions": "ending their own other sessions",
    "accounts:two_factor_setup": "setting up their own second factor (required of staff)",
    "accounts:two_factor_verify": "checking their own second factor",
    "accounts:remove_two_factor": "removing their own second factor",
    "accounts:replace_recovery_codes": "their own recovery codes",
    "accounts:password_reset": "resetting their own password",
    "accounts:password_reset_confirm": "resetting their own password",
    "accounts:accept_invitation": "an invitation link, used before one is a member",
    "engagements:calendar_settings": "their own calendar feed address",
}
# Routes that are not the organisation's pages (``membership_required``), so a POST is
# answered like a GET: still, none may write a row.
ANSWERS_POST_LIKE_GET = {
    "home": "the home page",
    "about": "a page about the service",
    "accessibility": "the accessibility statement",
    "privacy:erased": "the page shown after a person's data is erased",
    "engagements:my_wellbeing": "an expert's own wellbeing checks (an auditor has none)",
    "evaluation:my_feedback": "an expert's own feedback forms (an auditor has none)",
    "evaluation:my_impact": "an expert's own impact entries (an auditor has none)",
    "consent:check_receipt": "checks an uploaded receipt against the ledger; stores nothing",
}
# API operations that are POSTs but store nothing.
API_READS = {"POST /api/v1/clarity-check": "checks a text and answers; stores nothing"}
PAGE_VALUES = {"payments:receipt": {"claim_id": "receipt_claim_id"}}


@dataclass(frozen=True)
class World:
    values: dict[str, Any]
    auditor: Membership
    token: str


def _rename_everyone() -> None:
    """Every person, and every expert's account, gets the planted name and address, so
    any page that names a person shows it."""
    for number, person in enumerate(Person.objects.all()):
        Person.objects.filter(pk=person.pk).update(
            preferred_name=f"Zebedee {NAME}",
            full_name=f"Zebedee {NAME}",
            email=f"zebedee{number}@{ADDRESS}",
        )
    experts = User.objects.filter(memberships__role=Role.EXPERT).distinct()
    for number, user in enumerate(experts):
        User.objects.filter(pk=user.pk).update(
            full_name=f"Zebedee {NAME}", email=f"zebedee.user{number}@{ADDRESS}"
        )


def _plant() -> World:
    riverside = accounts.create_organisation(name="Riverside Care Partnership", slug="riverside")
    cast = {
        role: make_member(riverside, f"{role}@riverside.example", code)
        for role, code in (
            ("admin", Role.ADMIN),
            ("coordinator", Role.COORDINATOR),
            ("contact", Role.CONTACT),
            ("auditor", Role.AUDITOR),
        )
    }
    expert = make_expert(f"zebedee@{ADDRESS}", f"Zebedee {NAME}", riverside)
    values = route_values(cast["admin"], cast["coordinator"], cast["contact"], expert)
    stop_session = Session.objects.get(pk=values["stop_session_id"])
    values |= {
        "receipt_claim_id": values["claim_id"],
        "hillview_id": riverside.pk,
        "expert_person_id": expert.pk,
        "stop_opportunity_id": stop_session.opportunity_id,
    }
    _rename_everyone()
    auditor = cast["auditor"]
    token = accounts.create_api_token(membership=auditor, name="audit", actor=auditor.user)[1]
    return World(values=values, auditor=auditor, token=token)


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Planted once for the module inside a transaction rolled back at its end."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=hashers, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        yield _plant()
        transaction.set_rollback(True)


def _rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def _written(before: dict[str, int], after: dict[str, int]) -> list[str]:
    return [label for label, count in after.items() if before.get(label) != count]


def _names(response: HttpResponseBase) -> bool:
    body = _body(response).lower()
    return NAME.lower().encode() in body or ADDRESS.encode() in body


def _path(name: str, parameters: tuple[str, ...], values: dict[str, Any]) -> str:
    renamed = PAGE_VALUES.get(name, {})
    return reverse(name, kwargs={key: values[renamed.get(key, key)] for key in parameters})


def _auditor(world: World) -> Client:
    client = Client()
    client.force_login(world.auditor.user)
    return client


ROUTES = sorted(named_routes())


@pytest.mark.django_db
def test_the_auditor_can_post_to_no_route_and_writes_nothing(world: World) -> None:
    client = _auditor(world)
    problems = []
    for name, parameters in ROUTES:
        if name in OWN_ACCOUNT:
            continue
        path = _path(name, parameters, world.values)
        with transaction.atomic():
            before = _rows()
            response = client.post(path, {})
            written = _written(before, _rows())
            transaction.set_rollback(True)
        refused = response.status_code in (403, 404, 405) or name in ANSWERS_POST_LIKE_GET
        if not refused or written:
            problems.append(f"POST {name} answered {response.status_code}, wrote {written}")
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_no_page_the_auditor_can_read_names_an_expert(world: World) -> None:
    client = _auditor(world)
    read = []
    problems = []
    for name, parameters in ROUTES:
        if name in OWN_ACCOUNT:
            continue
        response = client.get(_path(name, parameters, world.values))
        if response.status_code == 200:
            read.append(name)
            if _names(response):
                problems.append(name)
    assert problems == [], "\n".join(problems)
    # The walk reached the pages an auditor needs (a guard against reading nothing).
    assert {"reports:dashboard", "reports:scorecard"} <= set(read)


def _api(client: Client, case: str, world: World) -> HttpResponseBase:
    method, template = case.split(" ", 1)
    values = {**world.values, "person_id": world.values["expert_person_id"]}
    values |= {key: values[other] for key, other in API_VALUES.get(case, {}).items()}
    path = template
    for key, value in values.items():
        path = path.replace("{" + key + "}", str(value))
    headers = {"Authorization": f"Bearer {world.token}"}
    if method == "GET":
        return client.get(path, QUERIES.get(case, {}), headers=headers)
    body = BODIES.get(case, lambda v: {})(values)
    return client.generic(
        method, path, json.dumps(body), content_type="application/json", headers=headers
    )


@pytest.mark.django_db
def test_no_api_write_succeeds_for_the_auditor(world: World) -> None:
    client = Client()
    problems = []
    for case in sorted(OPERATIONS):
        if case.startswith("GET ") or case in API_READS:
            continue
        with transaction.atomic():
            before = _rows()
            response = _api(client, case, world)
            written = _written(before, _rows())
            transaction.set_rollback(True)
        if not 400 <= response.status_code < 500 or written:
            problems.append(f"{case} answered {response.status_code}, wrote {written}")
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_no_api_read_names_an_expert_to_the_auditor(world: World) -> None:
    client = Client()
    problems = [
        case
        for case in sorted(OPERATIONS)
        if case.startswith("GET ")
        and (response := _api(client, case, world)).status_code == 200
        and _names(response)
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_the_planted_name_would_be_seen(world: World) -> None:
    """Without this, renaming nobody would pass: the coordinator does see the name."""
    client = Client()
    coordinator = Membership.objects.get(
        organisation=world.auditor.organisation, role=Role.COORDINATOR
    )
    client.force_login(coordinator.user)
    assert _names(client.get(reverse("people:register")))

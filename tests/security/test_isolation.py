"""Tenant isolation, proven over every route and every API operation.

Organisation B (Hillview) is given one of everything, made through the real services and
the every-page audit's own ``values()`` (``tests/routes.py``), and then every free-text
field of every row made for B has the canary ``CANARY-7f3a`` written into it. Each named
route of the URL configuration and each operation of the OpenAPI schema is then asked for
B's objects by every role of organisation A (admin, coordinator, contact, auditor, an
expert at A only) and by someone not logged in (no token, for the API). Pages are asked
with GET; a route that answers a GET with 405 is asked again with an empty POST. API
operations use their own method, with a small valid body that names B's objects.

What must hold, for every answer:

- never a server error (5xx), and never the canary in the body, a header or the logs;
- an **object route** (a page or operation whose URL names one of B's objects) answers a
  member of A with **404**, or **403** when their role may not use that route at all
  (refused before any object is looked up); a page answers someone not logged in with a
  **302 to the login page** (or 403/404), an operation with **401**;
- a **write that names B's objects in its body** (``BODY_NAMES_B``) answers A with a 4xx,
  and a page's **form that names B's objects in its fields** (``PAGE_FORMS``: switching
  organisation, an expense claim, a new output) is refused (the page with its error, 403
  or 404, never the redirect of a write) and writes no row;
- a **route that names no object** (a list, a form, the login page) may answer 200, but
  without the canary;
- a **capability route** (the URL carries a secret that is itself the permission: an
  invitation, a password-reset link, a calendar feed) is checked for the canary and 5xx
  only, since holding the secret is what lets a person in.

And two checks that the battery means something: for each object route, some member of B
is *not* answered 404 (so the values name real objects), and B's coordinator does see the
canary on B's own pages. ``test_the_battery_walks_every_route_and_operation`` fails when
the URL configuration or the schema has a route the battery did not ask; a route whose
parameter has no value fails its own case until ``tests/routes.py`` or a part's
``page_values`` module gives one.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, models, transaction
from django.http import HttpResponseBase
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from powerwith.accounts import services as accounts
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.api import api
from powerwith.consent.ledger import write_checkpoint
from powerwith.core.cache import note_worker_alive
from powerwith.core.roles import Role
from powerwith.engagements.models import Session
from powerwith.offers.models import Offer
from powerwith.payments.models import Claim
from powerwith.people.models import Person
from tests.conftest import make_expert, make_member, make_user
from tests.payments.factories import expense_claim
from tests.people.factories import supporter_with_login
from tests.probes import ON_BEHALF
from tests.routes import named_routes, route_values

CANARY = "CANARY-7f3a"
ROLES = ("admin", "coordinator", "contact", "auditor", "expert")
ROLE_OF = {
    "admin": Role.ADMIN,
    "coordinator": Role.COORDINATOR,
    "contact": Role.CONTACT,
    "auditor": Role.AUDITOR,
}

# URL parameters that are themselves the permission (whoever holds the link may use it),
# so asking with B's value is not a question of tenancy. Routes whose parameters are all
# of these are checked for the canary and server errors only.
CAPABILITY_PARAMETERS = {
    "secret": "an invitation link: the secret e-mailed to the person invited",
    "uidb64": "a password-reset link, with its token",
    "token": "a password-reset link's one-time token",
    "feed_token": "a calendar feed's secret address",
    "supporter_secret": "a supporter's invitation link: the secret e-mailed to the supporter",
}

# URL parameters that name nothing of an organisation's (a tax year, say): routes whose
# parameters are all of these are the asker's own, like a route with none.
PLAIN_PARAMETERS = {"tax_year": "a tax year: the person's own statement for it"}

# Field names never given the canary: secrets, keys and addresses the code relies on, and
# files kept as base64 text (a canary would make them unreadable, not leak).
NOT_FREE_TEXT = re.compile(
    r"password|email|slug|hash|token|prefix|secret|session_key|^key$|link|url|code$|^ip_|_ip$"
    r"|^pdf$"
)

# Known leaks: case id → reason. Each is an xfail(strict=True), so fixing it fails the
# case until the entry is removed.
KNOWN_LEAKS: dict[str, str] = {}


# ---------------------------------------------------------------------------------------
# The world: A's cast, and B with one of everything, full of canaries.


@dataclass(frozen=True)
class World:
    page_values: dict[str, Any]
    api_values: dict[str, Any]
    a_users: dict[str, User]
    b_users: dict[str, User]
    a_tokens: dict[str, str]
    b_tokens: dict[str, str]
    hillview: Organisation


def _free_text_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    fields = [field for field in model._meta.concrete_fields if isinstance(field, models.Field)]
    if any("hash" in field.name for field in fields):
        return []  # a hash-chained ledger: a changed row would break its proof
    return [
        field
        for field in fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not field.unique
        and not field.primary_key
        and not NOT_FREE_TEXT.search(field.name)
        and (field.max_length is None or field.max_length > len(CANARY) + 4)
    ]


def _newest_ids() -> dict[type[models.Model], int]:
    newest: dict[type[models.Model], int] = {}
    for model in apps.get_models():
        if model._meta.pk is not None and isinstance(
            model._meta.pk, models.AutoField | models.BigAutoField
        ):
            newest[model] = max(model._default_manager.values_list("pk", flat=True), default=0)
    return newest


def _plant_canaries(since: dict[type[models.Model], int]) -> int:
    """Write the canary into every free-text field of every row made after ``since``
    (updates, not saves: append-only rows refuse a save; the audit log, which PostgreSQL
    also guards with a trigger, keeps its text there)."""
    planted = 0
    for model, newest in since.items():
        fields = _free_text_fields(model)
        if not fields:
            continue
        for row in model._default_manager.filter(pk__gt=newest):
            changes = {}
            for field in fields:
                value = getattr(row, field.attname)
                if isinstance(value, str):
                    text = f"{CANARY} {value}".strip()
                    changes[field.attname] = text[: field.max_length or len(text)]
            try:
                with transaction.atomic():
                    model._default_manager.filter(pk=row.pk).update(**changes)
            except DatabaseError:
                break  # append-only, kept so by a database trigger (PostgreSQL)
            planted += len(changes)
    return planted


def _cast(organisation: Organisation, domain: str, name: str) -> dict[str, Membership]:
    cast = {}
    for role, code in ROLE_OF.items():
        email = f"{role}@{domain}"
        make_user(email, f"{role.title()} {name}")
        cast[role] = make_member(organisation, email, code)
    return cast


def _token(user: User, organisation: Organisation) -> str:
    membership = Membership.objects.get(user=user, organisation=organisation)
    return accounts.create_api_token(membership=membership, name="isolation", actor=user)[1]


def _plant() -> World:
    riverside = accounts.create_organisation(name="Riverside Care Partnership", slug="riverside")
    hillview = accounts.create_organisation(
        name="Hillview Health NHS Foundation Trust", slug="hillview"
    )
    a = _cast(riverside, "riverside.example", "at Riverside")
    a_expert = make_expert("alex@people.example", "Alex", riverside)
    before_b = _newest_ids()
    b = _cast(hillview, "hillview.example", f"at Hillview {CANARY}")
    b_expert = make_expert("robin@people.example", f"Robin {CANARY}", hillview)
    values = route_values(b["admin"], b["coordinator"], b["contact"], b_expert)
    # A receipt, with the canary inside the file, for the receipt download.
    receipt = SimpleUploadedFile(
        "receipt.pdf", b"%PDF-1.4\n% " + CANARY.encode() + b"\n%%EOF\n", "application/pdf"
    )
    values["receipt_claim_id"] = expense_claim(
        Offer.objects.get(pk=values["accepted_offer_id"]), receipt=receipt
    ).pk
    assert _plant_canaries(before_b) > 50
    a_users = {role: membership.user for role, membership in a.items()}
    b_users = {role: membership.user for role, membership in b.items()}
    assert a_expert.user is not None
    assert b_expert.user is not None
    a_users["expert"] = a_expert.user
    b_users["expert"] = b_expert.user
    # Each expert's supporter, with a login of their own and no membership: A's asks for
    # B's person's offer and check like any member of A (page_values/supporting.py).
    a_users["supporter"] = supporter_with_login(
        a_expert, "answer_for", email="a.supporter@family.example"
    )[1]
    b_users["supporter"] = User.objects.get(email=values["supporter_email"])
    stop_session = Session.objects.get(pk=values["stop_session_id"])
    api_values = values | {
        # The API's person is the expert: the one with a plan, consents and bookings.
        "person_id": b_expert.pk,
        "stop_opportunity_id": stop_session.opportunity_id,
        "hillview_id": hillview.pk,
        "expert_person_id": b_expert.pk,
    }
    return World(
        page_values=values,
        api_values=api_values,
        a_users=a_users,
        b_users=b_users,
        # A supporter belongs to no organisation, so has no token: the API is staff's and
        # the person's.
        a_tokens={
            role: _token(user, riverside) for role, user in a_users.items() if role != "supporter"
        },
        b_tokens={
            role: _token(user, hillview) for role, user in b_users.items() if role != "supporter"
        },
        hillview=hillview,
    )


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Planted once for the module, inside a transaction rolled back at its end; each
    case runs in a savepoint of it, so what one case's requests change is undone."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=hashers, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        yield _plant()
        transaction.set_rollback(True)


@pytest.fixture
def service_running(world: World) -> None:
    """A worker beating and the ledger anchored, as on a site that is up, so that
    ``/api/v1/health/ready`` answers as it would there."""
    note_worker_alive()
    write_checkpoint()


@pytest.fixture(autouse=True)
def logs_hold_no_canary(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """What the server logs while it is asked (at the production level, with any
    traceback) never holds B's data either."""
    caplog.set_level(logging.INFO)
    yield
    assert CANARY not in caplog.text


# ---------------------------------------------------------------------------------------
# Asking, and judging the answer.


def _body(response: HttpResponseBase) -> bytes:
    if response.streaming:
        # Read to the end, the test client closes the response itself (closing it again
        # would close the database connection that holds the planted world).
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return bytes(response.content)  # type: ignore[attr-defined]


def _leaks(response: HttpResponseBase) -> bool:
    headers = "\n".join(f"{key}: {value}" for key, value in response.items())
    return CANARY.encode() in _body(response) or CANARY in headers


def _clients(users: dict[str, User]) -> dict[str, Client]:
    clients = {"anonymous": Client()}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _ask_page(client: Client, path: str, follow: bool = False) -> tuple[str, HttpResponseBase]:
    """GET (following redirects when asked: a GET changes nothing, so where it leads is
    the answer), or an empty POST to a route that takes only POST (never followed: a
    write that went through is answered by its redirect)."""
    response = client.get(path, follow=follow)
    if response.status_code == 405:
        return "POST", client.post(path, {})
    return "GET", response


def _is_login_redirect(response: HttpResponseBase) -> bool:
    login = resolve_url(settings.LOGIN_URL)
    return response.status_code == 302 and response["Location"].startswith(login)


def _judge(
    kind: str, who: str, response: HttpResponseBase, *, anonymous_status: set[int]
) -> str | None:
    """What is wrong with this answer, or None."""
    status = response.status_code
    if status >= 500:
        return f"{who}: server error {status}"
    if _leaks(response):
        return f"{who}: the canary is in the answer ({status})"
    if kind in ("plain", "capability"):
        return None
    if who == "anonymous":
        if status in anonymous_status or _is_login_redirect(response):
            return None
        return f"{who}: answered {status}, not {sorted(anonymous_status)} or the login page"
    if kind == "object" and status not in (403, 404):
        return f"{who}: answered {status}, not 404 (or 403)"
    if kind == "names-b" and not 400 <= status < 500:
        return f"{who}: answered {status} to a write naming B's objects"
    return None


# ---------------------------------------------------------------------------------------
# Pages.

PAGE_ROUTES = dict(named_routes())


# Routes that need another of B's objects than the one their parameter usually names.
PAGE_VALUES = {"payments:receipt": {"claim_id": "receipt_claim_id"}}


def _page_kind(parameters: tuple[str, ...]) -> str:
    if set(parameters) <= PLAIN_PARAMETERS.keys():
        return "plain"
    if set(parameters) <= CAPABILITY_PARAMETERS.keys():
        return "capability"
    return "object"


def _cases(ids: list[str]) -> list[Any]:
    return [
        pytest.param(
            case,
            id=case,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_LEAKS[case])]
            if case in KNOWN_LEAKS
            else [],
        )
        for case in ids
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("name", _cases(sorted(PAGE_ROUTES)))
def test_a_page_shows_nothing_of_another_organisation(world: World, name: str) -> None:
    parameters = PAGE_ROUTES[name]
    missing = set(parameters) - world.page_values.keys()
    assert not missing, f"Give {sorted(missing)} a value in tests/routes.py or page_values"
    renamed = PAGE_VALUES.get(name, {})
    path = reverse(
        name, kwargs={key: world.page_values[renamed.get(key, key)] for key in parameters}
    )
    kind = _page_kind(parameters)

    problems = []
    for who, client in _clients(world.a_users).items():
        method, response = _ask_page(client, path, follow=who != "anonymous")
        problem = _judge(kind, who, response, anonymous_status={403, 404})
        if problem:
            problems.append(f"{method} {path} as {problem}")
    assert problems == []

    if kind == "object":
        answers = {
            who: _ask_page(client, path)[1].status_code
            for who, client in _clients(world.b_users).items()
            if who != "anonymous"
        }
        assert set(answers.values()) != {404}, f"{path} names nothing B can reach: {answers}"


# Forms whose URL names no object but whose fields name B's: sent by each member of A,
# each must be refused (the page with the error, 400; or 403, or 404; never the redirect
# that follows a write) and write no row of the model given.
PAGE_FORMS: dict[str, tuple[Callable[[dict[str, Any]], dict[str, Any]], type[models.Model]]] = {
    "accounts:switch_organisation": (
        lambda v: {"organisation": v["hillview_id"]},
        Membership,
    ),
    "payments:my_expense_claim": (
        lambda v: {
            "offer_id": v["accepted_offer_id"],
            "category": "travel",
            "amount": "1.00",
            "description": "Probe",
        },
        Claim,
    ),
    "consent:output_new": (
        lambda v: {
            "opportunity_id": v["opportunity_id"],
            "title": "Probe",
            "kind": "narrative",
            "contributors": [v["expert_person_id"]],
            "uses": ["share_internally"],
        },
        apps.get_model("consent", "Output"),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", _cases(sorted(PAGE_FORMS)))
def test_a_form_naming_another_organisations_objects_is_refused(world: World, name: str) -> None:
    body, model = PAGE_FORMS[name]
    rows = model._default_manager.count()
    problems = []
    for who, client in _clients(world.a_users).items():
        if who == "anonymous":
            continue
        response = client.post(reverse(name), body(world.api_values))
        status = response.status_code
        if status not in (400, 403, 404) or _leaks(response):
            problems.append(f"POST {name} as {who}: answered {status}")
    assert problems == []
    assert model._default_manager.count() == rows


# ---------------------------------------------------------------------------------------
# API operations.

SCHEMA = api.get_openapi_schema()
OPERATIONS = {
    f"{method.upper()} {path}": operation
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
}

Values = dict[str, Any]
# A small valid body for each write, naming B's objects where it names any.
BODIES: dict[str, Callable[[Values], Any]] = {
    "PATCH /api/v1/members/{user_id}": lambda v: {"role": "coordinator"},
    "POST /api/v1/people": lambda v: {"preferred_name": "Probe"},
    "PATCH /api/v1/people/{person_id}": lambda v: {"preferred_name": "Probe"},
    "PUT /api/v1/people/{person_id}/experience": lambda v: [],
    "PUT /api/v1/people/{person_id}/checks": lambda v: {"items": []},
    "PUT /api/v1/opportunities/{opportunity_id}/required-checks": lambda v: {"items": []},
    "PUT /api/v1/required-checks": lambda v: {"items": []},
    "PUT /api/v1/people/{person_id}/sharing": lambda v: {
        "organisation_id": v["hillview_id"],
        "sharing": "details",
    },
    "POST /api/v1/opportunities": lambda v: {"title": "Probe"},
    "PATCH /api/v1/opportunities/{opportunity_id}": lambda v: {"title": "Probe"},
    "POST /api/v1/clarity-check": lambda v: {"text": "Probe"},
    "POST /api/v1/opportunities/{opportunity_id}/offers": lambda v: {"person_id": v["person_id"]},
    "PATCH /api/v1/offers/{offer_id}": lambda v: {},
    "POST /api/v1/offers/{offer_id}/send": lambda v: {"acknowledge_warnings": True},
    "POST /api/v1/offers/{offer_id}/questions": lambda v: {"text": "Probe?"},
    "POST /api/v1/offers/{offer_id}/answers": lambda v: {"text": "Probe."},
    "POST /api/v1/people/{person_id}/consents": lambda v: {
        "scope": "take_part",
        "action": "withdraw",
    },
    "POST /api/v1/outputs": lambda v: {
        "opportunity_id": v["opportunity_id"],
        "title": "Probe",
        "kind": "narrative",
        "contributors": [v["person_id"]],
        "uses": ["share_internally"],
    },
    "POST /api/v1/sessions/{session_id}/bookings": lambda v: {"person_id": v["person_id"]},
    "POST /api/v1/sessions/{session_id}/attendance": lambda v: {
        "person_id": v["person_id"],
        "attended": True,
    },
    "POST /api/v1/sessions/{session_id}/adjustments": lambda v: {"details": "Probe"},
    "POST /api/v1/wellbeing-checks/{check_id}": lambda v: {"feeling": 3},
    "POST /api/v1/stop": lambda v: {
        "opportunity_id": v["stop_opportunity_id"],
        "session_id": v["stop_session_id"],
        "kind": "time_out",
    },
    "PUT /api/v1/me/wellness-action-plan": lambda v: {},
    "POST /api/v1/claims": lambda v: {
        "offer_id": v["accepted_offer_id"],
        "kind": "expenses",
        "amount": "1.00",
        "description": "Probe",
    },
    "POST /api/v1/claims/{claim_id}/pay": lambda v: {"paid_on": "2026-11-01"},
    "POST /api/v1/claims/time-from-attendance": lambda v: {"session_ids": [v["session_id"]]},
    "POST /api/v1/opportunities/{opportunity_id}/reward-choice": lambda v: {
        "choice": "decline",
        "reason": "Probe",
        "person_id": v["person_id"],
        "person_said": True,
    },
    "POST /api/v1/offers/{offer_id}/feedback": lambda v: {},
    "POST /api/v1/payment-batches/{batch_id}/pay": lambda v: {"paid_on": "2026-11-01"},
    "POST /api/v1/people/{person_id}/employment-status": lambda v: {
        "commitment": "enduring_role",
        "answers": {
            "control": True,
            "obligation": True,
            "substitution": False,
            "own_business": False,
            "equipment_and_risk": False,
            "part_of_organisation": True,
        },
        "outcome": "employed",
        "review_on": "2028-01-01",
    },
    "POST /api/v1/learning-summaries/{summary_id}/comments": lambda v: {"text": "Probe"},
    "POST /api/v1/learning-summaries/{summary_id}/comments/{comment_id}/quote": lambda v: {
        "quote": True
    },
    "POST /api/v1/learning-summaries": lambda v: {
        "period_start": "2026-01-01",
        "period_end": "2026-06-30",
    },
}
# Writes whose path names no object but whose body names B's.
BODY_NAMES_B = {
    "POST /api/v1/outputs",
    "POST /api/v1/stop",
    "POST /api/v1/claims",
    "POST /api/v1/claims/time-from-attendance",
}
# Operations that need another of B's objects than the one their parameter usually names.
API_VALUES = {"POST /api/v1/offers/{offer_id}/feedback": {"offer_id": "feedback_offer_id"}}
QUERIES = {"GET /api/v1/offers/{offer_id}/render": {"format": "html"}}


def _operation_path(template: str, values: Values) -> str:
    names = re.findall(r"{(\w+)}", template)
    missing = set(names) - values.keys()
    assert not missing, f"Give {sorted(missing)} a value for {template}"
    return re.sub(r"{(\w+)}", lambda match: str(values[match.group(1)]), template)


def _call(client: Client, case: str, values: Values, token: str | None) -> HttpResponseBase:
    method, template = case.split(" ", 1)
    renamed = API_VALUES.get(case, {})
    path = _operation_path(template, {**values, **{k: values[v] for k, v in renamed.items()}})
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if method == "GET":
        return client.get(path, QUERIES.get(case, {}), headers=headers)
    body = BODIES.get(case, lambda v: {})(values)
    return client.generic(
        method, path, json.dumps(body), content_type="application/json", headers=headers
    )


def _operation_kind(case: str) -> str:
    if "{" in case:
        return "object"
    return "names-b" if case in BODY_NAMES_B else "plain"


@pytest.mark.django_db
@pytest.mark.parametrize("case", _cases(sorted(OPERATIONS)))
def test_an_operation_answers_nothing_of_another_organisation(
    world: World, case: str, service_running: None
) -> None:
    kind = _operation_kind(case)
    needs_token = bool(OPERATIONS[case].get("security"))
    client = Client()
    problems = []
    for who in ("anonymous", *ROLES):
        token = world.a_tokens.get(who)
        response = _call(client, case, world.api_values, token)
        if who == "anonymous" and needs_token:
            if response.status_code != 401:
                problems.append(f"{case} without a token answered {response.status_code}")
            continue
        problem = _judge(kind if needs_token else "plain", who, response, anonymous_status={401})
        if problem:
            problems.append(f"{case} as {problem}")
    assert problems == []

    if kind == "object":
        answers = {
            who: _call(client, case, world.api_values, token).status_code
            for who, token in world.b_tokens.items()
        }
        assert set(answers.values()) != {404}, f"{case} names nothing B can reach: {answers}"


# Staff acting on the person's word (``tests/probes.py``): the same operations, with an
# ``on_behalf`` body, for B's Nia. Those whose path names no object name B's in the body.
ON_BEHALF_NAMES_B_IN_BODY = {"/api/v1/stop", "/api/v1/claims"}


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(ON_BEHALF))
def test_acting_on_the_word_of_another_organisations_person_is_refused(
    world: World, action: str
) -> None:
    ask = ON_BEHALF[action](world.api_values)
    kind = "names-b" if ask.path in ON_BEHALF_NAMES_B_IN_BODY else "object"
    body = json.dumps(ask.body)
    client = Client()
    problems = []
    for who in ("anonymous", *ROLES):
        token = world.a_tokens.get(who)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        with transaction.atomic():
            response = client.generic(
                ask.method, ask.path, body, content_type="application/json", headers=headers
            )
            transaction.set_rollback(True)
        problem = _judge(kind, who, response, anonymous_status={401})
        if problem:
            problems.append(f"{action} as {problem}")
    assert problems == []
    # And it names something B's own coordinator can act on.
    headers = {"Authorization": f"Bearer {world.b_tokens['coordinator']}"}
    with transaction.atomic():
        own = client.generic(
            ask.method, ask.path, body, content_type="application/json", headers=headers
        )
        transaction.set_rollback(True)
    assert 200 <= own.status_code < 300, (action, own.status_code, own.content)


# ---------------------------------------------------------------------------------------
# The battery itself.


def _api_paths(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _api_paths(entry, route)
        elif isinstance(entry, URLPattern):
            yield "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


# API routes that are not operations of the schema, each with the reason.
API_NOT_OPERATIONS = {
    "/api/v1/openapi.json": "the schema itself: the same for everyone, no organisation's data",
    "/api/v1": "django-ninja's root, used only to reverse the API's address; no view data",
}


def test_the_battery_walks_every_route_and_operation() -> None:
    """The cases above are made from the URL configuration and the schema when the tests
    are collected; here both are read again, and the API's own URL patterns are compared
    with the schema, so an operation left out of the schema is not left out of the test."""
    assert set(PAGE_ROUTES) == {name for name, _ in named_routes()}
    schema = api.get_openapi_schema()
    now = {f"{m.upper()} {p}" for p, methods in schema["paths"].items() for m in methods}
    assert set(OPERATIONS) == now
    api_resolver = next(
        entry
        for entry in get_resolver().url_patterns
        if isinstance(entry, URLResolver) and str(entry.pattern).startswith("api/")
    )
    in_urls = {path.rstrip("/") for path in _api_paths(api_resolver, "api/v1/")}
    in_schema = {path.rstrip("/") for path in schema["paths"]}
    hidden = in_urls - in_schema - set(API_NOT_OPERATIONS)
    assert hidden == set(), "API routes missing from the schema are not walked"
    assert len(PAGE_ROUTES) > 100
    assert len(OPERATIONS) > 60
    assert set(BODIES) <= set(OPERATIONS), "a body for an operation that no longer exists"


@pytest.mark.django_db
def test_b_sees_its_own_canaries(world: World) -> None:
    """Without this, a battery whose canaries were never written would pass."""
    coordinator = _clients(world.b_users)["coordinator"]
    values = world.page_values
    for path in (
        reverse("people:person", kwargs={"person_id": values["person_id"]}),
        reverse("opportunities:detail", kwargs={"opportunity_id": values["opportunity_id"]}),
        reverse("people:register"),
    ):
        assert CANARY.encode() in _body(coordinator.get(path)), path
    token = world.b_tokens["coordinator"]
    person = _call(Client(), "GET /api/v1/people/{person_id}", world.api_values, token)
    assert CANARY.encode() in _body(person)


def test_the_canary_is_written_only_where_it_may_be() -> None:
    """Codes, secrets and addresses are left alone; free text is written."""
    fields = {field.name for field in _free_text_fields(Person)}
    assert "preferred_name" in fields
    assert "email" not in fields
    assert "description" in {field.name for field in _free_text_fields(Claim)}
    assert _free_text_fields(apps.get_model("consent", "ConsentEvent")) == []

"""No input ever answers 500: every field of every JSON body the API takes, sent hostile.

For each operation with a body, a plausible body is built from the OpenAPI schema; then
each field in turn (nested ones too) is replaced by each hostile value of its kind: NUL
and other control characters, line breaks, text far over any limit, right-to-left marks,
integers and numbers out of every database's range, dates and times the database cannot
hold. Path ids name real objects (a person booked into a session of an accepted offer),
so requests reach the services, not only the schema. Each is sent as the coordinator and
as the expert. Every answer must be below 500; a refusal must be JSON with a ``detail``
and must write nothing (every table's row count is the same before and after).

Every field of every operation is sent at least one hostile value of its kind, the values
taken in turn so that each is used across the API, and each case as the coordinator or
the expert in turn; ``HOSTILE_ALL=1`` (``make fuzz``) sends every value to every field as
both. Hypothesis then adds generated text of any characters to the text fields.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerwith.accounts.models import Membership
from powerwith.api import api
from powerwith.people.models import Person
from tests.conftest import api_client_for
from tests.engagements.factories import booked, expert_membership

EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "60"))
SCHEMA = api.get_openapi_schema()

HOSTILE_TEXT = [
    "\x00",
    "before\x00after",
    "a line\nand another\r\nand a third\rend",
    "\x07\x1b[31mred\x1b[0m\x08\x7f",
    "\u202eright to left\u202c\u200b\ufeff",
    "x" * 100_000,
    "🙂" * 5_000,
    "0001-01-01",
    "10000-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999+14:00",
    "1180591620717411303424",
    "-1",
    "NaN",
    "",
    " ",
]
HOSTILE_NUMBERS: list[Any] = [
    2**70,
    -(2**70),
    2**63,
    -(2**63) - 1,
    1e308,
    -1,
    0,
    "\x00",
    "1\n2",
]
# For true/false fields: nothing here may be read as "yes" (an erasure must not be
# confirmed by a hostile value).
HOSTILE_OTHER: list[Any] = [2**70, "\x00", [], {"a": "\x00"}]
HOSTILE_DATES = [
    "0001-01-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "2026-02-30",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59-14:00",
    "2026-13-01T00:00:00Z",
    "\x00",
    "2026-01-01\n",
]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = SCHEMA["components"]["schemas"][name]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in node:
            choices = [resolve(part) for part in node[key]]
            useful = [part for part in choices if part.get("type") != "null"]
            return useful[0] if useful else choices[0]
    return node


def plausible(node: dict[str, Any]) -> Any:
    """A value of the schema's shape: not always valid, but well formed."""
    node = resolve(node)
    if "enum" in node:
        return node["enum"][0]
    if "const" in node:
        return node["const"]
    kind = node.get("type")
    form = node.get("format")
    if kind == "object" or "properties" in node:
        properties = node.get("properties", {})
        return {name: plausible(sub) for name, sub in properties.items()}
    if kind == "array":
        return [plausible(node.get("items", {}))]
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if form == "date":
        return (date.today() + timedelta(days=30)).isoformat()
    if form == "date-time":
        return f"{date.today() + timedelta(days=30)}T10:00:00Z"
    return "Plain words"


def hostile_values(node: dict[str, Any]) -> list[Any]:
    node = resolve(node)
    kind = node.get("type")
    if node.get("format") in {"date", "date-time"}:
        return HOSTILE_DATES
    if kind in {"integer", "number"}:
        return HOSTILE_NUMBERS
    if kind == "string" or "enum" in node:
        return HOSTILE_TEXT
    return HOSTILE_OTHER


def fields(node: dict[str, Any], path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every leaf of the body, as a path of keys and list indexes."""
    node = resolve(node)
    if "properties" in node:
        for name, sub in node["properties"].items():
            yield from fields(sub, (*path, name))
    elif node.get("type") == "array":
        yield from fields(node.get("items", {}), (*path, 0))
    else:
        yield path


def leaf(node: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    node = resolve(node)
    for key in path:
        node = resolve(node["items"] if isinstance(key, int) else node["properties"][key])
    return node


def replaced(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = json.loads(json.dumps(body))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy


Case = tuple[str, str, tuple[Any, ...], Any, str]


def body_schema(method: str, path: str) -> dict[str, Any] | None:
    content = SCHEMA["paths"][path][method].get("requestBody", {}).get("content", {})
    schema: dict[str, Any] | None = content.get("application/json", {}).get("schema")
    return schema


def cases(everything: bool) -> list[Case]:
    found: list[Case] = []
    turn = 0
    for path, operations in SCHEMA["paths"].items():
        for method in operations:
            body = body_schema(method, path)
            if body is None:
                continue
            for field in fields(body):
                values = hostile_values(leaf(body, field))
                if not values:
                    continue
                chosen = values if everything else [values[turn % len(values)]]
                people = ("coordinator", "expert") if everything else (PEOPLE[turn % 2],)
                found += [(method, path, field, value, who) for value in chosen for who in people]
                turn += 1
    return found


PEOPLE = ("coordinator", "expert")
CASES = cases(everything=os.environ.get("HOSTILE_ALL") == "1")
TEXT_FIELDS = [
    (method, path, field)
    for method, path, field, value, _ in cases(everything=True)
    if value is HOSTILE_TEXT[0]
]


TABLES = sorted({model._meta.db_table for model in apps.get_models() if not model._meta.proxy})


def row_counts() -> dict[str, int]:
    """Every table's row count, read in one query."""
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in TABLES)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        row = cursor.fetchone()
    return dict(zip(TABLES, row, strict=True))


@pytest.fixture
def world(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> tuple[dict[str, Client], dict[str, int]]:
    booking = booked(riverside_coordinator, expert_at_riverside)
    session = booking.session
    offer = expert_at_riverside.offers.get()
    check = booking.wellbeing_checks.first()
    me = expert_membership(expert_at_riverside, riverside_coordinator.organisation_id)
    ids = {
        "person_id": expert_at_riverside.pk,
        "erase_person_id": expert_at_riverside.pk,
        "opportunity_id": session.opportunity_id,
        "offer_id": offer.pk,
        "session_id": session.pk,
        "check_id": check.pk if check else 1,
        "user_id": riverside_coordinator.user_id,
    }
    clients = {"coordinator": api_client_for(riverside_coordinator), "expert": api_client_for(me)}
    return clients, ids


def test_every_operation_with_a_body_has_hostile_cases() -> None:
    operations = {(method, path) for method, path, *_ in CASES}
    with_bodies = {
        (method, path)
        for path, operations_of_path in SCHEMA["paths"].items()
        for method in operations_of_path
        if body_schema(method, path) is not None
    }
    assert operations == with_bodies
    assert len(CASES) > 200


def send(
    world: tuple[dict[str, Client], dict[str, int]],
    method: str,
    path: str,
    field: tuple[Any, ...],
    value: Any,
    who: str,
) -> None:
    clients, ids = world
    schema = body_schema(method, path)
    assert schema is not None
    body = replaced(plausible(schema), field, value)
    url = path.format(**{name: ids.get(name, 1) for name in _path_names(path)})
    before = row_counts()
    response = getattr(clients[who], method)(url, json.dumps(body), content_type="application/json")
    asked = f"{method.upper()} {url} as the {who} with {'.'.join(map(str, field))}={value!r:.60}"
    assert response.status_code < 500, asked
    if 400 <= response.status_code < 500:
        assert "detail" in response.json(), asked
        assert row_counts() == before, f"{asked} was refused but wrote"


@pytest.mark.django_db
def test_a_hostile_field_never_answers_500_and_a_refusal_writes_nothing(
    world: tuple[dict[str, Client], dict[str, int]],
) -> None:
    for method, path, field, value, who in CASES:
        send(world, method, path, field, value, who)


@pytest.mark.django_db
@given(
    target=st.sampled_from(TEXT_FIELDS),
    text=st.text(st.characters(codec="utf-8"), max_size=300),
    who=st.sampled_from(PEOPLE),
)
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_generated_text_in_any_text_field_never_answers_500(
    world: tuple[dict[str, Client], dict[str, int]],
    target: tuple[str, str, tuple[Any, ...]],
    text: str,
    who: str,
) -> None:
    method, path, field = target
    send(world, method, path, field, text, who)


def _path_names(path: str) -> list[str]:
    return [part[1:-1] for part in path.split("/") if part.startswith("{")]

"""The API fuzzed from its own OpenAPI schema with schemathesis, in-process over WSGI.

Each operation is sent generated requests (valid and invalid paths, queries and bodies)
with a Riverside coordinator's token, and each answer must be no server error, have the
content type and (for the documented statuses) the shape the schema promises, and the
same request without a token must answer 401. The number of examples per operation is
small here so ``make test`` stays quick, and reproducible (``derandomize``);
``make fuzz`` runs many more (``FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from ninja import Schema
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_schema_conformance,
)

from powerwith.accounts import services as accounts
from powerwith.accounts.models import Membership
from powerwith.api import api
from powerwith.consent.ledger import write_checkpoint
from powerwith.core.cache import note_worker_alive
from powerwith.people.models import Person
from tests.engagements.factories import booked

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance, ignored_auth]

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()


@pytest.fixture
def _keep_the_test_connection() -> Iterator[None]:
    """As Django's test client does: a request through the WSGI handler must not close
    the database connection that holds the test's transaction (PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(
    riverside_coordinator: Membership, expert_at_riverside: Person, _keep_the_test_connection: None
) -> str:
    """A coordinator's token, at an organisation with a person booked into a session (so
    small generated ids sometimes name real objects), on a site whose worker is beating
    and whose ledger is anchored (so /api/v1/health/ready answers 200, as when it is up)."""
    note_worker_alive()
    write_checkpoint()
    booked(riverside_coordinator, expert_at_riverside)
    user = riverside_coordinator.user
    _, secret = accounts.create_api_token(membership=riverside_coordinator, name="fuzz", actor=user)
    return f"Bearer {secret}"


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_survives_generated_requests(case: Any, token: str) -> None:
    response = case.call(headers={"Authorization": token})
    case.validate_response(response, checks=CHECKS, headers={"Authorization": token})
    if not case.operation.definition.raw.get("security"):
        return
    # The same request without a token (nor a generated Authorization header).
    case.headers = {k: v for k, v in (case.headers or {}).items() if k.lower() != "authorization"}
    anonymous = case.call()
    asked = f"{case.method} {case.formatted_path} without a token"
    assert not 200 <= anonymous.status_code < 300, f"{asked} answered {anonymous.status_code}"
    if case.method.upper() == case.operation.method.upper() and response.status_code != 404:
        # The operation's own method and a path that reached it: refused as unauthenticated.
        assert anonymous.status_code == 401, f"{asked} answered {anonymous.status_code}"


def _schemas(base: type[Schema]) -> Iterator[type[Schema]]:
    for sub in base.__subclasses__():
        yield sub
        yield from _schemas(sub)


def test_no_two_schemas_of_the_api_share_a_name() -> None:
    """The OpenAPI document names each schema by its class; two classes with one name
    are merged into one there, and the schema then describes one of them wrongly."""
    api.get_openapi_schema()  # imports every router
    modules: dict[str, set[str]] = defaultdict(set)
    for found in _schemas(Schema):
        if found.__module__.startswith("powerwith."):
            modules[found.__name__].add(found.__module__)
    assert {name: places for name, places in modules.items() if len(places) > 1} == {}

"""Who may do what, proven row by row from the capability table.

For every capability in ``powerwith.core.permissions.CAPABILITIES``, its probe
(``tests/probes.py``) is asked as each of the five roles at Riverside: the admin,
coordinator, contact person and auditor of the cast, and Alex, an expert by experience
with a login. Each request runs in a savepoint rolled back afterwards, so what one role
changed is not there for the next. Every answer must either go through (the probe's
``done``) or be refused (403, or 404 where the project hides a thing); the roles it went
through for must be exactly the roles the table names. A capability without a probe
fails, so a new row brings its proof with it.

And the table stays the only place role rules are written: a role compared by name
anywhere else in the product fails the last test, unless it is on its short list of
exceptions (which say why).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.http import HttpResponseBase
from django.test import Client, override_settings

from powerwith.accounts import services as accounts
from powerwith.accounts.models import Membership, User
from powerwith.consent.services.outputs import OutputInput, create_output
from powerwith.core.permissions import CAPABILITIES, Capability, can
from powerwith.core.roles import Role
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers.services import ask_question
from tests.conftest import make_expert, make_member
from tests.engagements.factories import booked
from tests.payments.factories import offer_of
from tests.probes import ON_BEHALF, ON_BEHALF_GOVERNED_BY, PROBES, Ask, Values
from tests.routes import route_values

ROLES = (Role.ADMIN, Role.COORDINATOR, Role.CONTACT, Role.AUDITOR, Role.EXPERT)
SOURCE = Path(__file__).resolve().parent.parent / "src" / "powerwith"


@dataclass(frozen=True)
class World:
    values: Values
    users: dict[Role, User]
    tokens: dict[Role, str]


def _plant() -> World:
    riverside = accounts.create_organisation(name="Riverside Care Partnership", slug="riverside")
    cast: dict[Role, Membership] = {
        role: make_member(riverside, f"{role}@riverside.example", role)
        for role in ROLES
        if role != Role.EXPERT
    }
    alex = make_expert("alex@people.example", "Alex", riverside)
    coordinator, contact = cast[Role.COORDINATOR], cast[Role.CONTACT]
    values = route_values(cast[Role.ADMIN], coordinator, contact, alex)
    sam = make_expert("sam@people.example", "Sam", riverside)
    assert alex.user is not None
    assert sam.user is not None
    appointed = booked(coordinator, sam, contact=contact.user)
    unappointed = booked(coordinator, sam)
    asked = offer_of(appointed)
    ask_question(asked, user=sam.user, text="Is there somewhere to park?")
    adjustment = request_adjustment(
        person=sam,
        opportunity=unappointed.session.opportunity,
        by=sam.user,
        details="A quiet room to take breaks in.",
    )
    output = create_output(
        by=coordinator,
        data=OutputInput(
            opportunity_id=asked.opportunity_id,
            title="Sam's story",
            kind="narrative",
            contributors=[sam.pk],
            uses=["share_internally"],
        ),
    )
    lee = make_member(riverside, "lee@riverside.example", Role.COORDINATOR)
    [task] = raise_action(
        organisation=riverside,
        assignees=[lee.user],
        kind=ActionKind.QUESTION,
        key="probe:lee",
        title="A question for Lee to answer",
    )
    values |= {
        "contact_user_id": contact.user_id,
        "sam_id": sam.pk,
        "asked_offer_id": asked.pk,
        "appointed_opportunity_id": asked.opportunity_id,
        "appointed_session_id": appointed.session_id,
        "sam_check_id": appointed.wellbeing_checks.earliest("due_at").pk,
        "unappointed_session_id": unappointed.session_id,
        "sam_adjustment_id": adjustment.pk,
        "appointed_output_id": output.pk,
        "others_task_id": task.pk,
    }
    memberships = {**cast, Role.EXPERT: alex.user.memberships.get()}
    return World(
        values=values,
        users={role: m.user for role, m in memberships.items()},
        tokens={
            role: accounts.create_api_token(membership=m, name="probe", actor=m.user)[1]
            for role, m in memberships.items()
        },
    )


@pytest.fixture(scope="module")
def world(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    """Planted once for the module, inside a transaction rolled back at its end."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=hashers, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        yield _plant()
        transaction.set_rollback(True)


def _answer(world: World, role: Role, ask: Ask, through_api: bool) -> HttpResponseBase:
    client = Client()
    with transaction.atomic():
        if through_api:
            headers = {"Authorization": f"Bearer {world.tokens[role]}"}
            body = json.dumps(ask.body) if ask.body is not None else ""
            response = client.generic(
                ask.method, ask.path, body, content_type="application/json", headers=headers
            )
        else:
            client.force_login(world.users[role])
            if ask.method == "GET":
                response = client.get(ask.path)
            else:
                response = client.post(ask.path, ask.body or {})
        transaction.set_rollback(True)
    return response


def _let_in(ask: Ask, response: HttpResponseBase) -> bool | None:
    """True when the answer went through, False when it refused; None when it did
    neither (a bad probe, or a server error)."""
    status = response.status_code
    if status in (403, 404):
        return False
    if status in ask.done:
        return ask.shown is None or ask.shown(response)
    return None


def test_every_capability_has_a_row_and_a_probe() -> None:
    assert set(CAPABILITIES) == set(Capability)
    assert set(PROBES) == set(Capability), "a capability without a probe in tests/probes.py"
    assert all(probe.page or probe.api for probe in PROBES.values())


@pytest.mark.django_db
@pytest.mark.parametrize("capability", sorted(Capability))
def test_a_capability_is_allowed_for_exactly_the_roles_the_table_names(
    world: World, capability: Capability
) -> None:
    expected = {role for role in ROLES if can(role, capability)}
    probe = PROBES[capability]
    problems = []
    for kind, make in (("page", probe.page), ("API", probe.api)):
        if make is None:
            continue
        ask = make(world.values)
        let_in = set()
        for role in ROLES:
            response = _answer(world, role, ask, through_api=kind == "API")
            verdict = _let_in(ask, response)
            if verdict is None:
                problems.append(
                    f"{kind} {ask.method} {ask.path} as {role}: answered "
                    f"{response.status_code}, neither done nor refused"
                )
            elif verdict:
                let_in.add(role)
        if let_in != expected:
            problems.append(
                f"{kind} {ask.method} {ask.path} let in {', '.join(sorted(let_in))}; "
                f"the table names {', '.join(sorted(expected))}"
            )
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize("action", sorted(ON_BEHALF))
def test_acting_on_a_persons_word_is_allowed_for_exactly_the_roles_the_table_names(
    world: World, action: str
) -> None:
    expected = {role for role in ROLES if can(role, ON_BEHALF_GOVERNED_BY)}
    ask = ON_BEHALF[action](world.values)
    let_in, problems = set(), []
    for role in ROLES:
        response = _answer(world, role, ask, through_api=True)
        verdict = _let_in(ask, response)
        if verdict is None:
            problems.append(f"as {role}: answered {response.status_code}")
        elif verdict:
            let_in.add(role)
    assert problems == []
    assert let_in == expected, f"{ask.method} {ask.path}"


# A role named in the product's code outside the table, and why that is not a rule of
# who may do what. Each entry is a file and the line as written there.
NAMED_ROLES = re.compile(
    r"Role\.(EXPERT|COORDINATOR|CONTACT|ADMIN|AUDITOR)"  # a role named in code
    r"|role\s*(==|!=)\s*[\"']"  # or as a string, in code or a template
    r"|\.role\s+(not\s+)?in\s"  # a role looked up in a set of roles
)
# The roles themselves and the table; the demo, which names roles to make its logins.
OUTSIDE = {"core/roles.py", "core/permissions.py"}
NOT_RULES = {
    ("views.py", "if membership.role == Role.EXPERT:"): "each role has a home page of its own",
    ("views.py", "if membership.role == Role.CONTACT:"): "each role has a home page of its own",
    (
        "accounts/services.py",
        ".filter(organisation_id=membership.organisation_id, role=Role.ADMIN)",
    ): "an organisation always keeps an admin",
    (
        "accounts/services.py",
        "if membership.role == Role.ADMIN and role != Role.ADMIN and admins == [membership.pk]:",
    ): "an organisation always keeps an admin",
    (
        "payments/queries/tasks.py",
        "for m in Membership.objects.filter(organisation=organisation, role=Role.COORDINATOR)",
    ): "who a travel advance is a task for, not who may do it",
    ("consent/emails.py", "RECIPIENTS = Role.AUDITOR"): (
        "who a ledger checkpoint is addressed to, not who may do it"
    ),
}


def test_no_role_rule_is_written_outside_the_table() -> None:
    """Templates ask ``can`` (from the membership context processor) too."""
    found = set()
    for path in [*SOURCE.rglob("*.py"), *SOURCE.rglob("*.html")]:
        relative = path.relative_to(SOURCE).as_posix()
        if "migrations" in path.parts or relative in OUTSIDE or relative.startswith("demo"):
            continue
        for line in path.read_text().splitlines():
            if NAMED_ROLES.search(line) and not line.lstrip().startswith("#"):
                found.add((relative, line.strip()))
    assert found == set(NOT_RULES)

"""The cast every test can use: named people in each role at two organisations.

Riverside Care Partnership and Hillview Health NHS Foundation Trust, as in the demo.
Data is made through the real services, as the product makes it: organisations and
memberships by the accounts services, accounts by Django's ``create_user`` (as accepting
an invitation makes them). An expert's own profile is the one exception: the register's
service adds people without an account, and no service yet links an account to a
profile, so ``make_expert`` writes the person and their links itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from django.test import Client

from powerwith.accounts import services
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.roles import Role
from powerwith.people.models import OrganisationLink, Person

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _environment_as_it_was() -> Iterator[None]:
    """Each test leaves the process's environment as it found it. The CLI sets the
    demo's variables when it finds the demo's key under ``var/``; called in the suite's
    own process, that would turn every later test's production server into a demo."""
    before = dict(os.environ)
    yield
    if os.environ != before:
        os.environ.clear()
        os.environ.update(before)


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest needs collectstatic; tests render pages without it.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _ledger_checkpoints_of_this_test(settings, tmp_path_factory) -> None:
    # Each test's checkpoints in a directory of its own, as each test has its own ledger.
    settings.LEDGER_CHECKPOINT_DIR = tmp_path_factory.mktemp("ledger-checkpoints")


@pytest.fixture(scope="session", autouse=True)
def _flush_lifts_the_sqlite_append_only_triggers() -> Iterator[None]:
    """A transactional test's teardown empties every table (flush); on SQLite that is
    DELETE, which the append-only triggers refuse, as they should in production. Here the
    triggers are lifted first; the flush's post_migrate puts them back. PostgreSQL's flush
    is TRUNCATE, which the triggers there do not refuse, so nothing is changed there."""
    from django.db import connection

    if connection.vendor != "sqlite":
        yield
        return

    from django.db.backends.sqlite3.operations import DatabaseOperations

    from powerwith.accounts.triggers import AUDIT_EVENTS
    from powerwith.consent.triggers import CONSENT_EVENTS
    from powerwith.privacy.triggers import ACCESS_LOG

    original = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self: DatabaseOperations, sql_list: list[str]) -> None:
        for table in (AUDIT_EVENTS, CONSENT_EVENTS, ACCESS_LOG):
            table.remove(self.connection)
        original(self, sql_list)

    DatabaseOperations.execute_sql_flush = execute_sql_flush  # type: ignore[method-assign,assignment]
    yield
    DatabaseOperations.execute_sql_flush = original  # type: ignore[method-assign]


@pytest.fixture
def tasks_in_the_database(settings) -> None:
    """Tasks queued in the database for a worker to run, as in production. The suite
    otherwise runs each task as it is queued (pyproject.toml's TASKS_BACKEND)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def make_user(email: str, full_name: str = "") -> User:
    return User.objects.create_user(email, PASSWORD, full_name=full_name)


def make_member(organisation: Organisation, email: str, role: str) -> Membership:
    user = User.objects.filter(email=email).first() or make_user(email)
    return services.add_member(organisation=organisation, user=user, role=role, actor=user)


def make_expert(email: str, name: str, *organisations: Organisation) -> Person:
    user = make_user(email, name)
    person = Person.objects.create(user=user, preferred_name=name, email=email)
    for organisation in organisations:
        services.add_member(organisation=organisation, user=user, role=Role.EXPERT, actor=user)
        OrganisationLink.objects.create(person=person, organisation=organisation)
    return person


@pytest.fixture
def riverside(db) -> Organisation:
    return services.create_organisation(name="Riverside Care Partnership", slug="riverside")


@pytest.fixture
def hillview(db) -> Organisation:
    return services.create_organisation(
        name="Hillview Health NHS Foundation Trust", slug="hillview"
    )


@pytest.fixture
def riverside_admin(riverside) -> Membership:
    return make_member(riverside, "admin@riverside.example", Role.ADMIN)


@pytest.fixture
def riverside_coordinator(riverside) -> Membership:
    return make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)


@pytest.fixture
def riverside_contact(riverside) -> Membership:
    return make_member(riverside, "contact@riverside.example", Role.CONTACT)


@pytest.fixture
def riverside_auditor(riverside) -> Membership:
    return make_member(riverside, "auditor@riverside.example", Role.AUDITOR)


@pytest.fixture
def hillview_admin(hillview) -> Membership:
    return make_member(hillview, "admin@hillview.example", Role.ADMIN)


@pytest.fixture
def hillview_coordinator(hillview) -> Membership:
    return make_member(hillview, "coordinator@hillview.example", Role.COORDINATOR)


@pytest.fixture
def expert_at_both(riverside, hillview) -> Person:
    """Sam works with both organisations."""
    return make_expert("sam@people.example", "Sam", riverside, hillview)


@pytest.fixture
def expert_at_riverside(riverside) -> Person:
    return make_expert("alex@people.example", "Alex", riverside)


def logged_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def api_client_for(membership: Membership) -> Client:
    _, token = services.create_api_token(membership=membership, name="tests", actor=membership.user)
    return Client(headers={"Authorization": f"Bearer {token}"})


def date_fields(name: str, day: date) -> dict[str, str]:
    """A date as the GOV.UK date input posts it: day, month and year in three boxes."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}

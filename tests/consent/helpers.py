"""Shared steps for the consent tests: an opportunity to tie consents to, and the way
each database lets a test tamper with a stored event."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from powerwith.accounts.models import Membership
from powerwith.consent.triggers import CONSENT_EVENTS
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services.terms import create_opportunity

TABLE = CONSENT_EVENTS.table
TRIGGER = CONSENT_EVENTS.name


def opportunity_of(coordinator: Membership, title: str = "Recruitment panel") -> Opportunity:
    return create_opportunity(by=coordinator, data={"title": title})


@contextmanager
def trigger_disabled() -> Iterator[None]:
    """On PostgreSQL the trigger refuses every change, so a tamper test must switch it off
    (inside the test's transaction, which is rolled back); SQLite has no trigger."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Foreign-key checks are deferred to commit; ALTER TABLE needs them done.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TRIGGER}")
    else:
        yield


def raw_execute(sql: str, params: list[str | int]) -> None:
    with trigger_disabled(), connection.cursor() as cursor:
        cursor.execute(sql, params)

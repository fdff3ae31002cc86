"""The audit log is append-only: the model refuses to change or delete an event, and so
does the database itself, even for a raw query, on PostgreSQL and SQLite alike (the one
removal, the retention sweep's, is tested in tests/privacy/test_audit_retention.py)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from powerwith.accounts import audit
from powerwith.accounts.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(riverside_admin) -> AuditEvent:
    return audit.record(
        actor=riverside_admin.user, action="member.added", organisation=riverside_admin.organisation
    )


def test_the_model_refuses_to_change_an_event(event):
    event.action = "nothing.happened"
    with pytest.raises(ValueError, match="append-only"):
        event.save()


def test_the_model_refuses_to_delete_an_event(event):
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE accounts_auditevent SET action = 'nothing.happened' WHERE id = %s",
        "DELETE FROM accounts_auditevent WHERE id = %s",
    ],
)
def test_the_database_refuses_to_change_an_event(event, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [event.pk])
    event.refresh_from_db()
    assert event.action == "member.added"


def test_a_bulk_update_through_the_orm_is_refused_too(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="nothing.happened")


def test_new_events_can_still_be_written(event, riverside_admin):
    before = AuditEvent.objects.count()  # the event, and the cast's own joining
    audit.record(actor=riverside_admin.user, action="member.removed")
    assert AuditEvent.objects.count() == before + 1

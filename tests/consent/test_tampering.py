"""Changing any stored event makes verification fail at that event, on both databases.
On PostgreSQL the trigger refuses the change first; the tamper tests switch it off, as
someone with full database rights could."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import verify_chain
from powerwith.consent.services import grant_consent, withdraw_consent
from tests.consent.tampering import raw_execute


@pytest.fixture
def ledger(expert_at_riverside, riverside) -> list[ConsentEvent]:
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    for scope in ("take_part", "publish", "monetise"):
        grant_consent(person=expert_at_riverside, scope=scope, actor=me)
    withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    return list(ConsentEvent.objects.order_by("id"))


def test_an_untouched_ledger_verifies(ledger):
    assert verify_chain().ok
    assert verify_chain().events == 4


@pytest.mark.parametrize(
    ("sql", "value"),
    [
        ("UPDATE consent_consentevent SET scope = %s WHERE id = %s", "distribute"),
        ("UPDATE consent_consentevent SET action = %s WHERE id = %s", "withdraw"),
        ("UPDATE consent_consentevent SET method = %s WHERE id = %s", "verbal"),
        ("UPDATE consent_consentevent SET hash = %s WHERE id = %s", "f" * 64),
    ],
)
def test_changing_a_stored_event_makes_verify_fail_at_that_event(ledger, sql, value):
    tampered = ledger[1]
    raw_execute(sql, [value, tampered.pk])
    result = verify_chain()
    assert not result.ok
    assert result.first_bad_event_id == tampered.pk


def test_removing_an_event_makes_verify_fail_at_the_next_one(ledger):
    raw_execute("DELETE FROM consent_consentevent WHERE id = %s", [ledger[1].pk])
    assert verify_chain().first_bad_event_id == ledger[2].pk


def test_removing_the_newest_event_is_noticed_through_the_chain_head(ledger):
    raw_execute("DELETE FROM consent_consentevent WHERE id = %s", [ledger[-1].pk])
    result = verify_chain()
    assert not result.ok
    assert result.first_bad_event_id == ledger[-2].pk


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE consent_consentevent SET scope = 'distribute' WHERE id = %s",
        "DELETE FROM consent_consentevent WHERE id = %s",
    ],
)
def test_on_postgresql_the_database_refuses_to_change_an_event(ledger, sql):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [ledger[0].pk])
    assert verify_chain().ok


def test_the_verify_command_reports_an_intact_ledger(ledger, capsys):
    call_command("verify_ledger")
    assert "4 events verified" in capsys.readouterr().out


def test_the_verify_command_fails_naming_the_broken_event(ledger):
    raw_execute(
        "UPDATE consent_consentevent SET scope = %s WHERE id = %s", ["distribute", ledger[2].pk]
    )
    with pytest.raises(CommandError, match=f"event {ledger[2].pk}"):
        call_command("verify_ledger")

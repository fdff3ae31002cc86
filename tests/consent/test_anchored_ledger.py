"""Someone who can write to the database rewrites the ledger as well as it can be done
without the ledger key: every hash recomputed, the chain head moved. The seals and the
checkpoints outside the database still show where it no longer matches, naming the first
event (docs/adr/018-anchored-ledger.md)."""

from __future__ import annotations

import json
import stat
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from powerwith.consent import anchoring, ledger
from powerwith.consent.models import ConsentChainHead, ConsentEvent
from powerwith.consent.queries import verify_chain
from powerwith.consent.services import grant_consent
from tests.conftest import api_client_for
from tests.consent.tampering import raw_execute

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger_events(expert_at_riverside, riverside) -> list[ConsentEvent]:
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    for scope in ("take_part", "publish", "monetise", "share_narrative"):
        grant_consent(person=expert_at_riverside, scope=scope, actor=me)
    return list(ConsentEvent.objects.order_by("id"))


def rewrite_from(events: list[ConsentEvent], index: int, **changes: str) -> None:
    """Change one event and recompute its hash, every later event's previous and own
    hash, and the chain head: everything but the seals, whose key is not in the database."""
    previous = events[index].previous_hash
    for position, stored in enumerate(events[index:], start=index):
        event = ConsentEvent.objects.get(pk=stored.pk)
        if position == index:
            for name, value in changes.items():
                setattr(event, name, value)
        event.previous_hash = previous
        event.hash = event.compute_hash()
        raw_execute(
            "UPDATE consent_consentevent SET action = %s, previous_hash = %s, hash = %s "
            "WHERE id = %s",
            [event.action, event.previous_hash, event.hash, event.pk],
        )
        previous = event.hash
    ConsentChainHead.objects.filter(pk=1).update(last_hash=previous)


def test_deleting_the_last_event_and_moving_the_head_back_is_caught_by_the_checkpoint(
    ledger_events,
):
    call_command("checkpoint_ledger")
    last, before = ledger_events[-1], ledger_events[-2]
    raw_execute("DELETE FROM consent_consentevent WHERE id = %s", [last.pk])
    ConsentChainHead.objects.filter(pk=1).update(last_hash=before.hash)

    result = verify_chain()
    assert not result.ok
    assert result.first_bad_event_id == last.pk
    with pytest.raises(CommandError, match=f"broken at event {last.pk}"):
        call_command("verify_ledger")


def test_turning_a_grant_into_a_withdrawal_and_recomputing_every_hash_is_caught(
    ledger_events,
):
    call_command("checkpoint_ledger")
    changed = ledger_events[1]
    rewrite_from(ledger_events, 1, action="withdraw")

    result = verify_chain()
    assert not result.ok
    assert result.first_bad_event_id == changed.pk
    with pytest.raises(CommandError, match=f"broken at event {changed.pk}"):
        call_command("verify_ledger")


def test_the_rewrite_is_caught_by_the_seal_even_before_any_checkpoint(ledger_events):
    rewrite_from(ledger_events, 2, action="withdraw")
    result = verify_chain()
    assert result.first_bad_event_id == ledger_events[2].pk
    assert "seal" in result.problem


def test_an_untouched_ledger_verifies_against_its_checkpoints(ledger_events, capsys):
    call_command("checkpoint_ledger")
    call_command("verify_ledger")
    assert "4 events verified" in capsys.readouterr().out


def test_a_checkpoint_is_a_new_read_only_file_and_a_forged_one_is_refused(ledger_events):
    first = ledger.write_checkpoint()
    second = ledger.write_checkpoint(timezone.now() + timedelta(seconds=1))
    assert first != second
    assert not first.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    forged = json.loads(first.read_text())
    forged["event_id"] = ledger_events[0].pk
    (first.parent / "checkpoint-99991231T000000000000Z-1.json").write_text(json.dumps(forged))
    result = verify_chain()
    assert not result.ok
    assert "not signed" in result.problem


def test_the_worker_writes_a_checkpoint_at_least_daily(ledger_events):
    now = timezone.now()
    assert anchoring.sweep(now) == 1
    assert anchoring.sweep(now + timedelta(hours=2)) == 0  # nothing changed since
    assert anchoring.sweep(now + timedelta(days=1, minutes=1)) == 1


def test_events_sealed_with_an_older_key_still_verify_after_rotation(ledger_events, settings):
    settings.LEDGER_KEYS = ["next:" + "n" * 40, *settings.LEDGER_KEYS]
    grant_consent(
        person=ledger_events[0].person,
        scope="be_recorded",
        actor=ledger_events[0].person.user.memberships.get(),
    )
    newest = ConsentEvent.objects.order_by("-id").first()
    assert newest is not None
    assert newest.key_id == "next"
    assert verify_chain().ok


def test_verification_for_an_organisation_counts_and_names_only_its_own_events(
    ledger_events, expert_at_both, hillview, riverside_admin, hillview_admin
):
    theirs = expert_at_both.user.memberships.get(organisation=hillview)
    grant_consent(person=expert_at_both, scope="take_part", actor=theirs)
    hillview_event = ConsentEvent.objects.get(organisation=hillview)
    riverside_answer = api_client_for(riverside_admin).get("/api/v1/consent-ledger/verify")
    assert riverside_answer.json() == {"ok": True, "events": 4}

    raw_execute(
        "UPDATE consent_consentevent SET action = 'withdraw' WHERE id = %s", [hillview_event.pk]
    )
    riverside_answer = api_client_for(riverside_admin).get("/api/v1/consent-ledger/verify")
    assert riverside_answer.json()["ok"] is False
    assert "first_bad_event" not in riverside_answer.json()
    assert str(hillview_event.pk) not in json.dumps(riverside_answer.json())
    hillview_answer = api_client_for(hillview_admin).get("/api/v1/consent-ledger/verify")
    assert hillview_answer.json()["first_bad_event"] == hillview_event.pk


def test_the_database_refuses_to_change_or_remove_an_event_on_either_database(ledger_events):
    for sql in (
        "UPDATE consent_consentevent SET action = 'withdraw' WHERE id = %s",
        "DELETE FROM consent_consentevent WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [ledger_events[0].pk])
    assert verify_chain().ok

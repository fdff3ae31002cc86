"""Two withdrawals racing each other end in one withdrawn state, never an error; two
appends racing each other never build on the same previous hash. Real threads need
PostgreSQL's row locks; on SQLite the same rule is shown sequentially (see
test_ledger.test_a_second_withdrawal_keeps_the_withdrawn_state_without_an_error), as
SQLite's IMMEDIATE transactions make writers take turns anyway."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import consents_of, verify_chain
from powerwith.consent.services import grant_consent, withdraw_consent

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


def run_together(*calls: Callable[[], object]) -> list[BaseException]:
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            call()
        except BaseException as error:  # collected for the assertion
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_two_racing_withdrawals_end_in_one_withdrawn_state(
    expert_at_riverside, riverside, riverside_coordinator
):
    own = expert_at_riverside.user.memberships.get(organisation=riverside)
    grant_consent(person=expert_at_riverside, scope="publish", actor=own)

    def by_person() -> object:
        return withdraw_consent(person=expert_at_riverside, scope="publish", actor=own)

    def by_staff() -> object:
        return withdraw_consent(
            person=expert_at_riverside,
            scope="publish",
            actor=riverside_coordinator,
            method="verbal",
        )

    assert run_together(by_person, by_staff) == []
    (state,) = consents_of(expert_at_riverside, riverside)
    assert state.state == "withdrawn"
    assert ConsentEvent.objects.filter(action="withdraw").count() == 1
    assert verify_chain().ok


def test_racing_appends_never_share_a_previous_hash(expert_at_riverside, riverside):
    own = expert_at_riverside.user.memberships.get(organisation=riverside)
    scopes = ["take_part", "publish", "monetise", "distribute", "be_quoted", "keep_contact"]

    def granting(scope: str) -> Callable[[], object]:
        return lambda: grant_consent(person=expert_at_riverside, scope=scope, actor=own)

    assert run_together(*(granting(scope) for scope in scopes)) == []
    previous = list(ConsentEvent.objects.values_list("previous_hash", flat=True))
    assert len(previous) == len(set(previous)) == len(scopes)
    assert verify_chain().ok

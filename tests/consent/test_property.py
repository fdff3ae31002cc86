"""For any sequence of grants, withdrawals and reconfirmations, the derived state of each
consent is the last action the ledger accepted for that scope and context."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerwith.consent.queries import consents_of, verify_chain
from powerwith.consent.services import ACTIONS
from powerwith.errors import Conflict
from tests.consent.helpers import opportunity_of

SCOPES = ["take_part", "publish", "be_recorded"]
ACTION_NAMES = ["grant", "withdraw", "reconfirm"]
STEPS = st.lists(
    st.tuples(
        st.sampled_from(SCOPES),
        st.booleans(),  # tied to the opportunity?
        st.sampled_from([None, 7]),  # output id
        st.sampled_from(ACTION_NAMES),
        st.booleans(),  # recorded by staff on the person's behalf?
    ),
    max_size=25,
)


@pytest.fixture
def cast(expert_at_riverside, riverside, riverside_coordinator):
    return (
        expert_at_riverside,
        expert_at_riverside.user.memberships.get(organisation=riverside),
        riverside_coordinator,
        opportunity_of(riverside_coordinator),
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_the_derived_state_is_the_last_accepted_action(cast, steps):
    person, own, coordinator, opportunity = cast
    expected: dict[tuple[str, int | None, int | None], str] = {}
    # Each example starts from an empty ledger: its writes are rolled back at the end.
    with transaction.atomic():
        for scope, tied, output_id, action, by_staff in steps:
            context = (scope, opportunity.pk if tied else None, output_id)
            before = expected.get(context)
            try:
                ACTIONS[action](
                    person=person,
                    scope=scope,
                    actor=coordinator if by_staff else own,
                    method="verbal" if by_staff else "",
                    opportunity=opportunity if tied else None,
                    output_id=output_id,
                )
            except Conflict:
                # The rules refuse withdrawing or reconfirming what is not given.
                assert before != "given"
                assert action != "grant"
                continue
            if action == "withdraw":
                assert before is not None  # never given is refused above
                expected[context] = "withdrawn"
            elif action == "reconfirm":
                assert before == "given"
                expected[context] = "given"
            else:
                expected[context] = "given"
        derived = {
            (s.scope, s.opportunity_id, s.output_id): s.state
            for s in consents_of(person, own.organisation)
        }
        assert derived == expected
        assert verify_chain().ok
        transaction.set_rollback(True)

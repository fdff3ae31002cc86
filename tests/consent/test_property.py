"""For any sequence of grants, withdrawals and reconfirmations:

- the derived state of each consent is the last action the ledger accepted for that
  scope and context, and
- no output is usable for a use whose consent is not currently given.

The model below states the rules on its own: a consent for an output is recorded with
the output's opportunity; withdrawing or reconfirming it for an output the person never
answered for on its own acts on what it inherits (the opportunity's consent, else the
organisation's); the most specific context decides, and a later withdrawal in a wider
context overrides it.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import consents_of, verify_chain
from powerwith.consent.services import ACTIONS
from powerwith.consent.usability import usability
from powerwith.core.errors import Conflict
from tests.consent.factories import opportunity_of, output_of

SCOPES = ["take_part", "publish", "share_narrative"]
ACTION_NAMES = ["grant", "withdraw", "reconfirm"]
WHERE = ["organisation", "opportunity", "output"]
STEPS = st.lists(
    st.tuples(
        st.sampled_from(SCOPES),
        st.sampled_from(WHERE),
        st.sampled_from(ACTION_NAMES),
        st.booleans(),  # recorded by staff on the person's behalf?
    ),
    max_size=25,
)
USE_OF = {"publish": "publish", "share_narrative": "share_internally"}


@pytest.fixture
def cast(expert_at_riverside, riverside, riverside_coordinator):
    opportunity = opportunity_of(riverside_coordinator)
    output = output_of(
        riverside_coordinator,
        expert_at_riverside,
        opportunity=opportunity,
        uses=["share_internally", "publish"],
    )
    return (
        expert_at_riverside,
        expert_at_riverside.user.memberships.get(organisation=riverside),
        riverside_coordinator,
        opportunity,
        output,
    )


Context = tuple[str, int | None, int | None]


class Model:
    """What the ledger should say: the last state and event number per context."""

    def __init__(self) -> None:
        self.last: dict[Context, tuple[int, str]] = {}
        self.seq = 0

    def standing(self, chain: list[Context]) -> str:
        for position, context in enumerate(chain):
            if context not in self.last:
                continue
            seq, state = self.last[context]
            for wider in chain[position + 1 :]:
                later = self.last.get(wider)
                if later and later[1] == "withdrawn" and later[0] > seq:
                    return "withdrawn"
            return state
        return "none"

    def record(self, context: Context, state: str) -> None:
        self.seq += 1
        self.last[context] = (self.seq, state)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS)
def test_the_derived_state_is_the_last_accepted_action_and_usability_follows_it(cast, steps):
    person, own, coordinator, opportunity, output = cast
    model = Model()

    def chain(scope: str) -> list[Context]:
        return [
            (scope, opportunity.pk, output.pk),
            (scope, opportunity.pk, None),
            (scope, None, None),
        ]

    # Each example starts from an empty ledger: its writes are rolled back at the end.
    with transaction.atomic():
        for scope, where, action, by_staff in steps:
            context: Context = {
                "organisation": (scope, None, None),
                "opportunity": (scope, opportunity.pk, None),
                "output": (scope, opportunity.pk, output.pk),
            }[where]
            before = model.last.get(context, (0, None))[1]
            # A context with no word of its own acts on what it inherits: an output from its
            # opportunity or the organisation, one piece of work from all the work.
            inherited = before is None and (
                (where == "output" and model.standing(chain(scope)[1:]) == "given")
                or (where == "opportunity" and model.standing(chain(scope)[2:]) == "given")
            )
            try:
                ACTIONS[action](
                    person=person,
                    scope=scope,
                    actor=coordinator if by_staff else own,
                    method="verbal" if by_staff else "",
                    opportunity=opportunity if where == "opportunity" else None,
                    output_id=output.pk if where == "output" else None,
                )
            except Conflict:
                # The rules refuse withdrawing or reconfirming what is not given.
                assert before != "given"
                assert not inherited
                assert action != "grant"
                continue
            if action == "withdraw":
                assert before is not None or inherited  # never given is refused above
                if before != "withdrawn":
                    model.record(context, "withdrawn")
            else:
                assert action == "grant" or before == "given" or inherited
                model.record(context, "given")
        derived = {
            (s.scope, s.opportunity_id, s.output_id): s.state
            for s in consents_of(person, own.organisation)
        }
        assert derived == {context: state for context, (_, state) in model.last.items()}
        assert verify_chain().ok

        found = usability(output)
        for scope, use in USE_OF.items():
            assert found.usable[use] == (model.standing(chain(scope)) == "given")
            # Independently of the model: a use is never usable when the person's latest
            # word on it, in any context the output sits in, is a withdrawal.
            if _latest_action(person, scope, output) == "withdraw":
                assert not found.usable[use]
        transaction.set_rollback(True)


def _latest_action(person, scope, output) -> str | None:
    events = ConsentEvent.objects.filter(person=person, scope=scope).order_by("-id")
    for event in events:
        if event.output_id in (None, output.pk):
            return event.action
    return None

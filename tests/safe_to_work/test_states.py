"""A check's state on a day, and why a person is blocked, at the boundary dates."""

from __future__ import annotations

from datetime import date

import pytest

from powerwith.safe_to_work import rules
from powerwith.safe_to_work.rules import Held, Requirement, State

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("expires_on", "state"),
    [
        (None, State.VALID),
        (date(2027, 1, 7), State.VALID),  # 31 days away
        (date(2027, 1, 6), State.EXPIRING),  # 30 days away
        (date(2026, 12, 8), State.EXPIRING),  # tomorrow
        (date(2026, 12, 7), State.EXPIRED),  # it expires today: no longer counts
        (date(2026, 3, 3), State.EXPIRED),
    ],
)
def test_a_checks_state_on_a_day(expires_on, state):
    assert rules.state_on(expires_on, TODAY) == state


def _dbs(level: str, expires_on: date | None = None) -> dict[tuple[str, str], Held]:
    return {("dbs", ""): Held(1, "dbs", level, "", date(2024, 3, 3), expires_on)}


def test_an_expired_dbs_check_blocks_with_the_date_in_words():
    reasons = rules.blocked(
        [Requirement("dbs", "enhanced")], _dbs("enhanced", date(2026, 3, 3)), TODAY
    )
    assert reasons == ["DBS check expired on 3 March 2026"]


def test_a_check_expiring_tomorrow_does_not_block_yet():
    assert (
        rules.blocked([Requirement("dbs", "basic")], _dbs("basic", date(2026, 12, 8)), TODAY) == []
    )


def test_a_higher_dbs_level_meets_a_lower_requirement_and_a_lower_one_does_not():
    assert rules.blocked([Requirement("dbs", "standard")], _dbs("enhanced_barred"), TODAY) == []
    assert rules.blocked([Requirement("dbs", "enhanced")], _dbs("basic"), TODAY) == [
        "The DBS check recorded is basic; this work needs an enhanced DBS check"
    ]


def test_missing_checks_are_named():
    reasons = rules.blocked(
        [Requirement("induction"), Requirement("training", name="Safeguarding adults")], {}, TODAY
    )
    assert reasons == ["No induction recorded", "No record of the training “Safeguarding adults”"]


def test_training_is_matched_by_its_name_whatever_the_case_and_spacing():
    held = {
        rules.key_of("training", "safeguarding  ADULTS"): Held(
            1, "training", "", "safeguarding  ADULTS", date(2026, 1, 1), None
        )
    }
    assert rules.blocked([Requirement("training", name="Safeguarding adults")], held, TODAY) == []

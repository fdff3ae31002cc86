"""Helpers for the tests of Wellness Action Plans, benefits advice and the earnings guard."""

from __future__ import annotations

from typing import Any

from powerwith.people.models import Person, WellnessActionPlan
from powerwith.people.services import wellness as services_wellness

PLAN_WORDS = "A walk at lunchtime keeps me well."


def plan_post(**changes: Any) -> dict[str, Any]:
    """The plan form as the person would send it."""
    return {
        "keeps_me_well": PLAN_WORDS,
        "warning_signs": "Going quiet.",
        "affects_work": "",
        "support_from_contact": "A call after each session.",
        "steps_i_can_take": "Take time out.",
        "review_date_0": "1",
        "review_date_1": "3",
        "review_date_2": "2027",
        **changes,
    }


def written_plan(person: Person, *readers: Any) -> WellnessActionPlan:
    """The person writes a plan and shares it with these users."""
    assert person.user is not None
    services_wellness.save_plan(
        person,
        user=person.user,
        sections={"keeps_me_well": PLAN_WORDS, "warning_signs": "Going quiet."},
        review_date=None,
    )
    return services_wellness.choose_readers(
        person, user=person.user, reader_ids=[reader.pk for reader in readers]
    )

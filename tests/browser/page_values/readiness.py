"""Every-page values for the readiness self-assessment: one assessment with an action."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from powerwith.evaluation.readiness import BARRIER, FACTORS
from powerwith.evaluation.services.readiness import add_action, complete_assessment
from tests.browser.page_values import PartCast

NOT_PAGES = {
    "evaluation:readiness_action_done": "a button's POST target: marks an action done",
}


def values(cast: PartCast) -> dict[str, Any]:
    today = timezone.localdate()
    assessment = complete_assessment(
        by=cast.coordinator,
        ratings={f.code: "big_barrier" if f.group == BARRIER else "not_yet" for f in FACTORS},
        notes={"grow.honesty": "We are working on it."},
        review_date=today + timedelta(days=10),
        summary="A first look.",
    )
    action = add_action(
        by=cast.coordinator,
        assessment=assessment,
        factor="grow.honesty",
        what="Publish the board minutes.",
        owner_id=cast.admin.user_id,
        due_date=today + timedelta(days=20),
    )
    return {"readiness_id": assessment.pk, "readiness_action_id": action.pk}

"""Readiness self-assessments made through the real service."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.evaluation.models.readiness import ReadinessAssessment
from powerwith.evaluation.readiness import BARRIER, FACTORS, NOT_A_BARRIER, PARTLY_IN_PLACE
from powerwith.evaluation.services.readiness import complete_assessment


def middling() -> dict[str, str]:
    """No big barriers and every enabler and grow factor partly in place."""
    return {f.code: NOT_A_BARRIER if f.group == BARRIER else PARTLY_IN_PLACE for f in FACTORS}


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def assessment(by: Membership, review_in_days: int = 180, **ratings: Any) -> ReadinessAssessment:
    """``ratings`` override the middling answers, by factor code with dots as ``__``."""
    chosen = middling()
    chosen.update({code.replace("__", "."): value for code, value in ratings.items()})
    return complete_assessment(by=by, ratings=chosen, review_date=in_days(review_in_days))

"""Fair, explainable matching of people to an opportunity.

The database ranks (see ``scoring``): essential experience is a hard filter, the rest is
a score between 0 and 1, computed, ordered and limited in SQL so that no register is
ever loaded into Python. Then, for the page returned only, each person gets reasons in
plain words and a list of what is missing, read from the same credit expressions as
the score, so the words always agree with the ranking.

Each thing the opportunity asks for is named once, in one list: under reasons when the
person has it, under missing when they do not. A desirable experience that is only
partly met (the same item elsewhere, or other experience of its kind) is missing, with
what partly meets it beside it: the page never says "counts for part of" an experience
in one column and "missing" in the next.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Sum
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.choices import Focus, LocationMode
from powerwith.engagements.queries import paid_attendance
from powerwith.matching.scoring import (
    EXACT_CREDIT,
    SAME_ITEM_CREDIT,
    Plan,
    candidates,
    experience_credits,
    fairness_factor,
    kind_of,
    plan_for,
    score_expression,
)
from powerwith.opportunities.models import Opportunity, RequiredExperience
from powerwith.opportunities.queries import require_matches
from powerwith.people.choices import Day
from powerwith.people.models import ExperienceEntry
from powerwith.people.schedule import INTERVENTION_LABELS, SETTING_LABELS, describe, item_label
from powerwith.safe_to_work.queries import blocked_for

MAX_LIMIT = 100
PAGE_FIELDS = ("pk", "preferred_name", "formats", "available_modes", "available_days", "interests")
DAY_LABELS = dict(Day.choices)
MODE_LABELS = dict(LocationMode.choices)
FOCUS_LABELS = dict(Focus.choices)


@dataclass(frozen=True)
class Match:
    person_id: int
    preferred_name: str
    formats: list[str]
    score: float
    reasons: list[str]
    missing: list[str]
    paid_hours: float
    # Why the person may not do this work yet (a check missing or expired): shown, never
    # dropped from the list, and not part of the ranking.
    blocked: list[str]


def matches_for(
    membership: Membership,
    opportunity: Opportunity,
    limit: int = 25,
    now: datetime | None = None,
) -> list[Match]:
    """The best ``limit`` people for the opportunity, best first (ties by name)."""
    require_matches(membership)
    if opportunity.organisation_id != membership.organisation_id:
        raise Http404("No such opportunity.")
    plan = plan_for(opportunity, now or timezone.now())
    page = list(
        candidates(membership, plan)
        .annotate(score=score_expression(plan))
        .order_by("-score", "preferred_name", "pk")
        .values(*PAGE_FIELDS, "score")[: max(1, min(limit, MAX_LIMIT))]
    )
    if not page:
        return []
    ids = [row["pk"] for row in page]
    credits = _credits(plan, ids)
    minutes = dict(
        paid_attendance(plan.organisation_id, plan.now)
        .filter(person_id__in=ids)
        .values("person_id")
        .annotate(minutes=Sum("session__minutes"))
        .values_list("person_id", "minutes")
    )
    blocked = blocked_for(opportunity, ids, today=timezone.localdate(plan.now))
    return [
        _explain(
            plan,
            row,
            credits.get(row["pk"], {}),
            int(minutes.get(row["pk"]) or 0),
            blocked[row["pk"]],
        )
        for row in page
    ]


def _credits(plan: Plan, person_ids: list[int]) -> dict[int, dict[str, Any]]:
    aggregates = experience_credits(plan)
    if not aggregates:
        return {}
    rows = (
        ExperienceEntry.objects.filter(person_id__in=person_ids)
        .values("person_id")
        .annotate(**aggregates)
    )
    return {row["person_id"]: dict(row) for row in rows}


def _explain(
    plan: Plan, row: dict[str, Any], credits: dict[str, Any], minutes: int, blocked: list[str]
) -> Match:
    reasons = [f"Has the essential experience: {_describe(r)}" for r in plan.essential]
    missing: list[str] = []
    for index, requirement in enumerate(plan.desirable):
        _desirable(requirement, credits.get(f"desirable_{index}") or 0.0, reasons, missing)
    has = [s for i, s in enumerate(plan.settings) if credits.get(f"setting_{i}")]
    lacks = [s for s in plan.settings if s not in has]
    if has:
        reasons.append(f"Has experience in: {_settings(has)}")
    if lacks:
        missing.append(f"No experience recorded in: {_settings(lacks)}")
    if plan.mode:
        how = MODE_LABELS[plan.mode].lower()
        if plan.mode in row["available_modes"]:
            reasons.append(f"Can take part {how}")
        else:
            missing.append(f"Has not said they can take part {how}")
    free = [d for d in plan.days if d in row["available_days"]]
    busy = [d for d in plan.days if d not in row["available_days"]]
    if free:
        reasons.append(f"Usually available on the days of the sessions: {_days(free)}")
    if busy:
        missing.append(f"Not known to be available on: {_days(busy)}")
    if plan.focus:
        shared = [code for code in plan.focus if code in row["interests"]]
        if shared:
            reasons.append(f"Interested in: {_join(FOCUS_LABELS[c].lower() for c in shared)}")
        else:
            missing.append("Has not said they are interested in this kind of work")
    reasons.extend(_fairness(plan.fairness_weight, minutes))
    return Match(
        person_id=row["pk"],
        preferred_name=row["preferred_name"],
        formats=list(row["formats"]),
        score=round(float(row["score"]), 3),
        reasons=reasons,
        missing=missing,
        paid_hours=round(minutes / 60, 1),
        blocked=blocked,
    )


def _desirable(
    requirement: RequiredExperience, credit: float, reasons: list[str], missing: list[str]
) -> None:
    wanted = _describe(requirement)
    if credit >= EXACT_CREDIT:
        reasons.append(f"Has the desirable experience: {wanted}")
    elif credit >= SAME_ITEM_CREDIT:
        missing.append(
            f"Desirable experience: {wanted} (partly met: has "
            f"{item_label(requirement.code).lower()}, but not recorded {_as_asked(requirement)})"
        )
    elif credit > 0:
        missing.append(
            f"Desirable experience: {wanted} (partly met by other {kind_of(requirement)} "
            "experience)"
        )
    else:
        missing.append(f"Desirable experience: {wanted}")


def _fairness(weight: float, minutes: int) -> list[str]:
    if weight <= 0:
        return []
    if minutes == 0:
        return ["No paid work here in the last 12 months, so ranked above people who have had more"]
    hours = round(minutes / 60, 1)
    return [
        f"{hours:g} paid hours here in the last 12 months, so the score is lowered by "
        f"{1 - fairness_factor(weight, minutes):.0%} to share out work fairly"
    ]


def _as_asked(requirement: RequiredExperience) -> str:
    words = []
    if requirement.intervention:
        words.append(f"as {INTERVENTION_LABELS[requirement.intervention].lower()}")
    if requirement.setting:
        words.append(f"in {SETTING_LABELS[requirement.setting].lower()}")
    return " ".join(words)


def _describe(requirement: RequiredExperience) -> str:
    return describe(requirement.code, requirement.setting, requirement.intervention)


def _settings(codes: list[str]) -> str:
    return _join(SETTING_LABELS[code].lower() for code in codes)


def _days(codes: list[str]) -> str:
    return _join(DAY_LABELS[code] for code in codes)


def _join(words: Iterable[str]) -> str:
    return ", ".join(words)

"""Matching as it ranked before it was narrowed: a frozen copy of ``scoring`` and
``matches`` (correlated subqueries per candidate), kept only so that a test can show the
narrowed ranking returns the same people, in the same order, with the same scores, reasons
and missing. Do not change it to follow the product: it is the reference."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Case,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.choices import Focus, LocationMode
from powerwith.engagements.models import Session
from powerwith.engagements.queries import paid_attendance
from powerwith.opportunities.models import Opportunity, RequiredExperience
from powerwith.opportunities.queries import require_matches
from powerwith.people.choices import Day
from powerwith.people.models import ExperienceEntry, Person, PersonStatus
from powerwith.people.queries import register_of
from powerwith.people.schedule import (
    INTERVENTION_LABELS,
    ITEMS,
    ITEMS_BY_CODE,
    SETTING_LABELS,
    describe,
    item_label,
)
from powerwith.safe_to_work.queries import blocked_for

WEIGHTS = {"desirable": 0.40, "settings": 0.15, "mode": 0.15, "days": 0.10, "interests": 0.20}
# Partial credit for a desirable requirement: the same item recorded in another setting
# (or of another type of intervention), or only other experience of the same kind.
EXACT_CREDIT = 1.0
SAME_ITEM_CREDIT = 0.6
KIND_CREDIT = 0.3
# Recent paid minutes at which the fairness factor has fallen half way (10 hours).
FAIRNESS_HALF_MINUTES = 600.0


@dataclass(frozen=True)
class Plan:
    """What the opportunity asks for, read once before the query."""

    essential: list[RequiredExperience]
    desirable: list[RequiredExperience]
    settings: list[str]
    mode: str
    days: list[str]
    focus: list[str]
    fairness_weight: float
    organisation_id: int
    now: datetime


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def session_days(opportunity: Opportunity) -> list[str]:
    """The days of the week the opportunity's sessions fall on, in the service's time zone."""
    zone = ZoneInfo(settings.TIME_ZONE)
    starts: list[datetime] = list(
        Session.objects.filter(opportunity=opportunity, cancelled_at=None).values_list(
            "starts_at", flat=True
        )
    )
    days = {WEEKDAYS[start.astimezone(zone).weekday()] for start in starts}
    return [day for day in WEEKDAYS if day in days]


def plan_for(opportunity: Opportunity, now: datetime) -> Plan:
    requirements = list(opportunity.required_experience.all())
    return Plan(
        essential=[r for r in requirements if r.essential],
        desirable=[r for r in requirements if not r.essential],
        settings=list(dict.fromkeys(r.setting for r in requirements if r.setting)),
        mode=opportunity.location_mode,
        days=session_days(opportunity),
        focus=list(opportunity.focus),
        fairness_weight=float(opportunity.organisation.fairness_weight),
        organisation_id=opportunity.organisation_id,
        now=now,
    )


def kind_of(requirement: RequiredExperience) -> str:
    return ITEMS_BY_CODE[requirement.code].kind


def is_qualified(requirement: RequiredExperience) -> bool:
    """It names a setting or a type of intervention, not only the item."""
    return bool(requirement.setting or requirement.intervention)


def _exactly(requirement: RequiredExperience) -> Q:
    condition = Q(code=requirement.code)
    if requirement.setting:
        condition &= Q(setting=requirement.setting)
    if requirement.intervention:
        condition &= Q(intervention=requirement.intervention)
    return condition


def candidates(membership: Membership, plan: Plan) -> QuerySet[Person]:
    """Active people on the organisation's register who have every essential experience.

    Each essential requirement is a set of people (those with an entry that meets it), so
    the database starts from the few who qualify instead of testing everyone in turn."""
    people = register_of(membership).filter(status=PersonStatus.ACTIVE)
    for requirement in plan.essential:
        meeting = ExperienceEntry.objects.filter(_exactly(requirement))
        people = people.filter(pk__in=meeting.values("person_id"))
    return people


def requirement_credit(requirement: RequiredExperience) -> Case:
    """What one experience entry earns towards a desirable requirement."""
    kind_codes = [item.code for item in ITEMS if item.kind == kind_of(requirement)]
    whens = [When(_exactly(requirement), then=Value(EXACT_CREDIT))]
    if is_qualified(requirement):
        whens.append(When(Q(code=requirement.code), then=Value(SAME_ITEM_CREDIT)))
    whens.append(When(Q(code__in=kind_codes), then=Value(KIND_CREDIT)))
    return Case(*whens, default=Value(0.0), output_field=FloatField())


def setting_credit(setting: str) -> Case:
    return Case(
        When(Q(setting=setting), then=Value(1.0)), default=Value(0.0), output_field=FloatField()
    )


def experience_credits(plan: Plan) -> dict[str, Max]:
    """Per person, over their entries: the best credit for each desirable requirement
    (``desirable_0``…) and whether they have experience in each setting (``setting_0``…)."""
    credits = {f"desirable_{i}": Max(requirement_credit(r)) for i, r in enumerate(plan.desirable)}
    credits.update({f"setting_{i}": Max(setting_credit(s)) for i, s in enumerate(plan.settings)})
    return credits


def _lists(field: str, code: str) -> Q:
    # JSON lists of codes: the quoted code matches one whole element, in SQLite and
    # PostgreSQL alike (a JSON "contains" lookup is not portable).
    return Q(**{f"{field}__icontains": f'"{code}"'})


def _when(condition: Q) -> Case:
    return Case(When(condition, then=Value(1.0)), default=Value(0.0), output_field=FloatField())


def _weights(plan: Plan) -> dict[str, float]:
    """The weight of each part the opportunity asks about, adding up to 1."""
    asked = {
        "desirable": bool(plan.desirable),
        "settings": bool(plan.settings),
        "mode": bool(plan.mode),
        "days": bool(plan.days),
        "interests": bool(plan.focus),
    }
    total = sum(WEIGHTS[part] for part, yes in asked.items() if yes)
    return {part: WEIGHTS[part] / total for part, yes in asked.items() if yes}


def _sum(terms: list[Any]) -> Any:
    total = terms[0]
    for term in terms[1:]:
        total = total + term
    return total


def _experience_fit(plan: Plan, weights: dict[str, float]) -> Combinable | None:
    terms: list[Combinable] = []
    for name, credit in experience_credits(plan).items():
        part, count = ("desirable", len(plan.desirable))
        if name.startswith("setting_"):
            part, count = ("settings", len(plan.settings))
        terms.append(Value(weights[part] / count) * credit)
    if not terms:
        return None
    per_person = (
        ExperienceEntry.objects.filter(person_id=OuterRef("pk"))
        .values("person_id")
        .annotate(fit=_sum(terms))
        .values("fit")
    )
    return Coalesce(Subquery(per_person, output_field=FloatField()), Value(0.0))


def _profile_fit(plan: Plan, weights: dict[str, float]) -> list[Combinable]:
    terms: list[Combinable] = []
    if plan.mode:
        terms.append(Value(weights["mode"]) * _when(_lists("available_modes", plan.mode)))
    for day in plan.days:
        share = weights["days"] / len(plan.days)
        terms.append(Value(share) * _when(_lists("available_days", day)))
    if plan.focus:
        any_interest = Q()
        for code in plan.focus:
            any_interest |= _lists("interests", code)
        terms.append(Value(weights["interests"]) * _when(any_interest))
    return terms


def fairness_factor(weight: float, minutes: float) -> float:
    """1 for no recent paid work, falling towards ``1 - weight`` for a lot of it."""
    return (1 - weight) + weight * FAIRNESS_HALF_MINUTES / (FAIRNESS_HALF_MINUTES + minutes)


def score_expression(plan: Plan) -> Combinable:
    weights = _weights(plan)
    terms = _profile_fit(plan, weights)
    experience = _experience_fit(plan, weights)
    if experience is not None:
        terms.insert(0, experience)
    fit: Combinable = _sum(terms) if terms else Value(1.0)
    w = plan.fairness_weight
    if w <= 0:
        return fit
    per_person = (
        paid_attendance(plan.organisation_id, plan.now)
        .filter(person_id=OuterRef("pk"))
        .values("person_id")
        .annotate(total=Sum("session__minutes"))
        .values("total")[:1]
    )
    minutes = Coalesce(Subquery(per_person, output_field=IntegerField()), 0)
    # fairness_factor(w, minutes), in SQL.
    factor = Value(1.0 - w) + Value(w * FAIRNESS_HALF_MINUTES) / (
        Value(FAIRNESS_HALF_MINUTES) + minutes
    )
    return fit * factor


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

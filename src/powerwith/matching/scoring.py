"""The matching score, as SQL expressions: who is a candidate, and how well they fit.

Essential requirements are a hard filter. Everyone left gets a *fit* between 0 and 1, a
weighted share of what else the opportunity asks for:

- desirable requirements covered (the exact item, in the setting and of the intervention
  named; partial credit for the same item elsewhere, less for other experience of the
  same kind, direct or indirect),
- experience in the settings the opportunity names,
- taking part in the opportunity's way (in person, phone, video),
- being available on the days of its sessions,
- interest in its kind of work (focus).

Parts the opportunity does not ask about are left out rather than scored as met. The
score is the fit times a *fairness factor*, so that work is not concentrated on the
usual few: people with no recent paid work here keep their whole fit, people with a lot
keep at least ``1 - fairness_weight`` of it (the organisation sets the weight).

Everything a person's experience earns is read in one pass over that person's own
entries (one aggregate per requirement and setting), rather than one lookup per
requirement: it keeps the work per candidate small on SQLite and PostgreSQL alike.

The work is narrowed before it is scored, without changing any score: the pass reads
only the entries that can earn credit (``earning_entries``: every other entry earns 0
towards everything, so leaving it out changes no maximum), and recent paid minutes are
looked up only for the people who have any (``recently_paid``), everyone else having 0.
``tests/matching/test_ranking_unchanged.py`` holds the ranking to a frozen copy of the
one before.
"""

from __future__ import annotations

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
    Value,
    When,
)
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.engagements.queries import paid_minutes_of_outer_person, recently_paid
from powerwith.opportunities.models import Opportunity, RequiredExperience
from powerwith.people.models import ExperienceEntry, Person, PersonStatus
from powerwith.people.queries import register_of
from powerwith.people.schedule import ITEMS, ITEMS_BY_CODE

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


def codes_of_kind(requirement: RequiredExperience) -> list[str]:
    return [item.code for item in ITEMS if item.kind == kind_of(requirement)]


def requirement_credit(requirement: RequiredExperience) -> Case:
    """What one experience entry earns towards a desirable requirement."""
    kind_codes = codes_of_kind(requirement)
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


def earning_entries(plan: Plan) -> Q:
    """The entries that can earn any credit in ``experience_credits``: of the kind of a
    desirable requirement (which takes in its exact item), or in a named setting. Every
    other entry earns 0 towards everything."""
    codes = sorted({code for r in plan.desirable for code in codes_of_kind(r)})
    condition = Q(code__in=codes) if codes else Q(pk__in=[])
    if plan.settings:
        condition |= Q(setting__in=plan.settings)
    return condition


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
        ExperienceEntry.objects.filter(earning_entries(plan), person_id=OuterRef("pk"))
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
    # Looked up only for the people with recent paid work here, found once; everyone
    # else has 0 minutes, as the lookup would have said.
    minutes = Case(
        When(
            pk__in=recently_paid(plan.organisation_id, plan.now),
            then=paid_minutes_of_outer_person(plan.organisation_id, plan.now),
        ),
        default=Value(0),
        output_field=IntegerField(),
    )
    # fairness_factor(w, minutes), in SQL.
    factor = Value(1.0 - w) + Value(w * FAIRNESS_HALF_MINUTES) / (
        Value(FAIRNESS_HALF_MINUTES) + minutes
    )
    return fit * factor

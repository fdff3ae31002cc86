"""Reads of Wellness Action Plans. A plan belongs to the person: it is read by the
person and by the users they chose, and by no one else, whatever their role. Everyone
else is answered 404, as if there were no plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, roles_with
from powerwith.people.models import BenefitsSituation, EarningsLimit, Person, WellnessActionPlan


@dataclass(frozen=True)
class Candidate:
    """A member of staff the person may let read their plan."""

    user_id: int
    name: str
    roles: str  # "Contact person at Riverside Care Partnership", one or several


def plan_of(person: Person) -> WellnessActionPlan | None:
    return WellnessActionPlan.objects.filter(person=person).first()


def own_plan(user: User) -> WellnessActionPlan | None:
    return WellnessActionPlan.objects.filter(person__user_id=user.pk).first()


def plan_shared_with(membership: Membership, person_id: int) -> WellnessActionPlan:
    """The plan of a person who works with this organisation and chose this user as a
    reader; 404 for everyone else, whatever their role."""
    # ``__pk``, not ``_id``: Django answers no rows for an id too large for the
    # database there, where ``_id`` fails on SQLite (a 500 for a made-up URL).
    found = (
        WellnessActionPlan.objects.select_related("person")
        .filter(
            person__pk=person_id,
            person__links__organisation_id=membership.organisation_id,
            readers=membership.user,
        )
        .first()
    )
    if found is None:
        raise Http404("No such plan.")
    return found


def is_reader(user: User, person: Person) -> bool:
    return WellnessActionPlan.objects.filter(person=person, readers=user).exists()


def readers_of(plan: WellnessActionPlan) -> list[User]:
    return list(plan.readers.order_by("full_name", "email"))


def reader_candidates(person: Person) -> list[Candidate]:
    """Staff of the organisations the person works with who look after people at work (not
    auditors: they read anonymised reports only), one line each, with every role they
    hold there."""
    memberships = (
        Membership.objects.filter(
            organisation__people_links__person=person,
            role__in=roles_with(Capability.CARE_FOR_PEOPLE),
            user__is_active=True,
        )
        .select_related("user", "organisation")
        .order_by("user__full_name", "user__email", "organisation__name")
    )
    if person.user_id is not None:
        memberships = memberships.exclude(user_id=person.user_id)
    roles: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for membership in memberships:
        names[membership.user_id] = str(membership.user)
        roles.setdefault(membership.user_id, []).append(
            f"{membership.get_role_display()} at {membership.organisation.name}"
        )
    return [Candidate(user_id, names[user_id], "; ".join(roles[user_id])) for user_id in names]


def earnings_limits_of(person: Person) -> list[EarningsLimit]:
    """The person's own weekly earnings limits, newest first: the full history."""
    return list(EarningsLimit.objects.filter(person=person).order_by("-valid_from", "-id"))


def limit_in_force(limits: list[EarningsLimit], day: dt.date) -> EarningsLimit | None:
    current = [limit for limit in limits if limit.valid_from <= day]
    return max(current, key=lambda limit: (limit.valid_from, limit.pk)) if current else None


def benefits_situation_of(person: Person) -> BenefitsSituation | None:
    """What the person said about their benefits, for the person's own eyes and for the
    warnings on their own offers; None when they would rather not say."""
    return BenefitsSituation.objects.filter(person=person).first()

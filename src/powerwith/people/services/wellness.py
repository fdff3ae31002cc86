"""Writes of Wellness Action Plans: only the person writes their own plan and chooses
who may read it.

The audit log records that a plan changed, which sections and who may now read it, never
what the plan says: the words are the person's, kept for the readers they chose.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import User
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.people.models import Person, WellnessActionPlan
from powerwith.people.queries import wellness as queries_wellness

SECTIONS = (
    "keeps_me_well",
    "warning_signs",
    "affects_work",
    "support_from_contact",
    "steps_i_can_take",
)
MAX_SECTION = 4000
OLDEST_REVIEW_YEARS = 1
FURTHEST_REVIEW_YEARS = 5


def _require_owner(person: Person, user: User) -> None:
    if person.user_id is None or person.user_id != user.pk:
        raise NotAllowed("Only the person can change their own Wellness Action Plan.")


def _check_review_date(review_date: dt.date | None, today: dt.date) -> None:
    if review_date is None:
        return
    if review_date < today.replace(year=today.year - OLDEST_REVIEW_YEARS):
        raise InvalidInput(
            "The review date must be within the last year, or in the future.", field="review_date"
        )
    if review_date.year > today.year + FURTHEST_REVIEW_YEARS:
        raise InvalidInput(
            f"The review date must be within {FURTHEST_REVIEW_YEARS} years from now.",
            field="review_date",
        )


@transaction.atomic
def save_plan(
    person: Person, *, user: User, sections: dict[str, str], review_date: dt.date | None
) -> WellnessActionPlan:
    """Save the person's plan: each section's words and the review date."""
    _require_owner(person, user)
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise InvalidInput(f"There is no section called '{sorted(unknown)[0]}'.")
    for name, text in sections.items():
        if len(text) > MAX_SECTION:
            raise InvalidInput(f"Each section can be up to {MAX_SECTION} characters.", field=name)
    plan, created = WellnessActionPlan.objects.select_for_update().get_or_create(person=person)
    if review_date != plan.review_date:
        _check_review_date(review_date, timezone.localdate())
    changed = [
        name for name in SECTIONS if name in sections and getattr(plan, name) != sections[name]
    ]
    for name in changed:
        setattr(plan, name, sections[name])
    review_changed = review_date != plan.review_date
    plan.review_date = review_date
    if changed or review_changed or created:
        plan.updated_at = timezone.now()
        plan.save()
        audit.record(
            actor=user,
            action="wellness_plan.created" if created else "wellness_plan.changed",
            target=plan,
            sections=changed,
            review_date=review_date.isoformat() if review_date else None,
        )
    return plan


@transaction.atomic
def choose_readers(person: Person, *, user: User, reader_ids: Iterable[int]) -> WellnessActionPlan:
    """The readers are exactly these users, each a member of staff of an organisation the
    person works with. Anyone left out can no longer read the plan."""
    _require_owner(person, user)
    allowed = {candidate.user_id for candidate in queries_wellness.reader_candidates(person)}
    wanted = set(reader_ids)
    if wanted - allowed:
        raise InvalidInput(
            "You can only choose staff of the organisations you work with.", field="readers"
        )
    plan, _ = WellnessActionPlan.objects.select_for_update().get_or_create(person=person)
    current = set(plan.readers.values_list("pk", flat=True))
    added, removed = wanted - current, current - wanted
    if added:
        plan.readers.add(*User.objects.filter(pk__in=added))
    if removed:
        plan.readers.remove(*User.objects.filter(pk__in=removed))
    for reader_id in sorted(added):
        audit.record(actor=user, action="wellness_plan.reader_added", target=plan, reader=reader_id)
    for reader_id in sorted(removed):
        audit.record(
            actor=user, action="wellness_plan.reader_removed", target=plan, reader=reader_id
        )
    return plan


@transaction.atomic
def remove_reader(person: Person, *, user: User, reader: User) -> WellnessActionPlan:
    """Stop one reader reading the plan, at once."""
    _require_owner(person, user)
    plan, _ = WellnessActionPlan.objects.select_for_update().get_or_create(person=person)
    if plan.readers.filter(pk=reader.pk).exists():
        plan.readers.remove(reader)
        audit.record(
            actor=user, action="wellness_plan.reader_removed", target=plan, reader=reader.pk
        )
    return plan

"""Wellness Action Plans over the API.

``/me/wellness-action-plan`` is the person's own plan, to read and change. Staff read a
plan at ``/people/{id}/wellness-action-plan`` only when the person chose them as a
reader; for everyone else it is a 404, as if there were no plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import Http404
from ninja import Field, Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.people import queries
from powerwith.people.choices import What
from powerwith.people.models import Person, WellnessActionPlan
from powerwith.people.queries import wellness as queries_wellness
from powerwith.people.reads import record_read
from powerwith.people.services import wellness as services_wellness
from powerwith.people.services.wellness import MAX_SECTION, SECTIONS

router = Router(tags=["wellness"])


class ReaderOut(Schema):
    user_id: int
    name: str


class WellnessPlanOut(Schema):
    person_id: int
    keeps_me_well: str
    warning_signs: str
    affects_work: str
    support_from_contact: str
    steps_i_can_take: str
    review_date: dt.date | None
    updated_at: dt.datetime | None
    # Who may read it: for the person only; null for a reader.
    readers: list[ReaderOut] | None = None


class WellnessPlanIn(Schema):
    """Sections left out stay as they are; ``readers`` (user ids), when given, replaces
    the list of who may read the plan."""

    keeps_me_well: str | None = Field(None, max_length=MAX_SECTION)
    warning_signs: str | None = Field(None, max_length=MAX_SECTION)
    affects_work: str | None = Field(None, max_length=MAX_SECTION)
    support_from_contact: str | None = Field(None, max_length=MAX_SECTION)
    steps_i_can_take: str | None = Field(None, max_length=MAX_SECTION)
    review_date: dt.date | None = None
    readers: list[int] | None = None


def _own_person(request: Request) -> Person:
    person = queries.person_of(membership_of(request).user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person


def _out(person: Person, plan: WellnessActionPlan | None, *, own: bool) -> dict[str, Any]:
    readers = None
    if own:
        readers = [
            {"user_id": reader.pk, "name": str(reader)}
            for reader in (queries_wellness.readers_of(plan) if plan else [])
        ]
    return {
        "person_id": person.pk,
        **{name: getattr(plan, name) if plan else "" for name in SECTIONS},
        "review_date": plan.review_date if plan else None,
        "updated_at": plan.updated_at if plan else None,
        "readers": readers,
    }


@router.get("/me/wellness-action-plan", response=WellnessPlanOut)
def my_plan(request: Request) -> dict[str, Any]:
    person = _own_person(request)
    return _out(person, queries_wellness.plan_of(person), own=True)


@router.put("/me/wellness-action-plan", response=WellnessPlanOut)
def change_my_plan(request: Request, payload: WellnessPlanIn) -> dict[str, Any]:
    person = _own_person(request)
    user = membership_of(request).user
    given = payload.model_dump(exclude_unset=True)
    sections = {name: given[name] or "" for name in SECTIONS if name in given}
    plan = queries_wellness.plan_of(person)
    review_date = given.get("review_date", plan.review_date if plan else None)
    # One change: a refused reader leaves the plan's words unchanged too.
    with transaction.atomic():
        plan = services_wellness.save_plan(
            person, user=user, sections=sections, review_date=review_date
        )
        if payload.readers is not None:
            plan = services_wellness.choose_readers(person, user=user, reader_ids=payload.readers)
    return _out(person, plan, own=True)


@router.get("/people/{person_id}/wellness-action-plan", response=WellnessPlanOut)
def person_plan(request: Request, person_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    own = queries.person_of(membership.user)
    if own is not None and own.pk == person_id:
        plan = queries_wellness.plan_of(own)
        if plan is None:
            raise Http404("No such plan.")
        return _out(own, plan, own=True)
    plan = queries_wellness.plan_shared_with(membership, person_id)
    record_read(
        viewer=membership, person=plan.person, what=What.WELLNESS_ACTION_PLAN, where=request.path
    )
    return _out(plan.person, plan, own=False)

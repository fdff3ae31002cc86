"""Helpers for opportunity and matching tests: people and opportunities made through the
services, sessions and attendance through the engagements models (no services yet)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, Session
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import RequirementInput, create_opportunity
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput, create_person

SECLUSION = RequirementInput(
    "direct.restrictive_interventions", "mental_health", "seclusion", essential=True
)


def person(by: Membership, name: str, *experience: tuple[str, str], **profile: Any) -> Person:
    """Someone on ``by``'s register with experience given as (code, setting) pairs."""
    return create_person(
        by=by,
        profile={"preferred_name": name, **profile},
        experience=[ExperienceInput(code=code, setting=setting) for code, setting in experience],
    )


def opportunity(by: Membership, *requirements: RequirementInput, **data: Any) -> Opportunity:
    fields = {"title": "Co-design restraint reduction training", "reward_basis": "hourly"}
    return create_opportunity(by=by, data={**fields, **data}, requirements=requirements)


def worked(
    who: Person,
    on: Opportunity,
    minutes: int,
    *,
    days_ago: int = 30,
    attended: bool = True,
    now: datetime | None = None,
) -> Session:
    """``who`` took part in a session of ``on`` that started ``days_ago`` days ago."""
    starts = (now or timezone.now()) - timedelta(days=days_ago)
    session = Session.objects.create(opportunity=on, starts_at=starts, minutes=minutes)
    Attendance.objects.create(session=session, person=who, attended=attended)
    return session

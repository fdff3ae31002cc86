"""Helpers for opportunity and matching tests: people and opportunities made through the
services, sessions and attendance through the engagements models (no services yet)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, Session
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import RequirementInput, SessionInput, create_opportunity
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput, create_person
from powerwith.workflows import changing_work

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


def future(days: int = 30, hour: int = 10) -> datetime:
    """``hour`` o'clock on the service's clock, ``days`` from now."""
    return (timezone.localtime() + timedelta(days=days)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def complete_terms(contact: Membership, **overrides: Any) -> dict[str, Any]:
    """Every term an offer needs from an opportunity, as the services take them."""
    return {
        "title": "Co-design restraint reduction training",
        "purpose": "Design a one-day course for ward staff on reducing restraint.",
        "goal_type": "emancipatory",
        "commitment": "specified_project",
        "level": "co_production",
        "focus": ["designing_training"],
        "outcomes": ["training_resource"],
        "success_measures": "The course is approved and delivered twice by March.",
        "input_expected": "Share what helped you and design the course activities with us.",
        "location_mode": "in_person",
        "location_address": "Riverside House, 1 Mill Lane, Leeds",
        "reward_basis": "hourly",
        "reward_amount": "25.00",
        "paid_within_days": 14,
        "expenses": {"travel": True, "travel_in_advance": True, "subsistence": True},
        "contact_user_id": contact.user_id,
        "output_use": {"share_internally": True},
        **overrides,
    }


def complete_opportunity(
    by: Membership, contact: Membership, *requirements: RequirementInput, **overrides: Any
) -> Opportunity:
    """An opportunity an offer can be sent from, with one session a month from now."""
    return changing_work.create_opportunity(
        by=by,
        data=complete_terms(contact, **overrides),
        requirements=requirements,
        sessions=[SessionInput(future(), 180)],
    )


def design_example(contact_user_id: int, starts_at: str) -> dict[str, Any]:
    """DESIGN.md's example body, word for word but for a real contact, experience code and
    setting, and a session date that is still to come."""
    return {
        "title": "Co-design restraint reduction training",
        "purpose": "Design a one-day course for ward staff on reducing restraint.",
        "goal_type": "emancipatory",
        "commitment": "specified_project",
        "level": "co_production",
        "focus": ["designing_training"],
        "required_experience": [
            {
                "code": "direct.restrictive_interventions",
                "setting": "mental_health",
                "essential": True,
            }
        ],
        "outcomes": ["training_resource"],
        "success_measures": "The course is approved and delivered twice by March.",
        "input_expected": "Share what helped you and design the course activities with us.",
        "location": {"mode": "in_person", "address": "Riverside House, 1 Mill Lane, Leeds"},
        "sessions": [{"starts_at": starts_at, "minutes": 180}],
        "reward": {"basis": "hourly", "amount": "25.00", "paid_within_days": 14},
        "expenses": {
            "travel": True,
            "travel_in_advance": True,
            "subsistence": True,
            "care": True,
            "support_worker": True,
        },
        "contact_user_id": contact_user_id,
        "output_use": {
            "share_internally": True,
            "publish": False,
            "distribute": False,
            "monetise": False,
        },
    }

"""The demo's readiness self-assessment at Riverside, with an action plan, and the
Training Standard 1.5 record for Riverside's restraint reduction training course.

Made through the services, as Riverside's coordinator would. Idempotent: an organisation
that already has a self-assessment, or a course that already has its record, is left as
it is, so a second load adds nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.evaluation.models.readiness import ReadinessAssessment
from powerwith.evaluation.models.training import TrainingCourseEvidence
from powerwith.evaluation.readiness import FACTORS
from powerwith.evaluation.services.readiness import (
    add_action,
    complete_assessment,
    mark_action_done,
)
from powerwith.evaluation.services.training import record_lived_experience_first
from powerwith.opportunities.models import Opportunity

COORDINATOR = "coordinator@riverside.example"
ADMIN = "admin@riverside.example"
COURSE = "Co-design restraint reduction training"
RATINGS = {
    "barrier.uncertainty": "some_barrier",
    "barrier.time_and_cost": "big_barrier",
    "barrier.welfare_and_benefits": "some_barrier",
    "barrier.resistance_to_change": "not_a_barrier",
    "barrier.counter_demands": "big_barrier",
    "enabler.fertile_ground": "partly",
    "enabler.leaders": "in_place",
    "enabler.ethic_of_care": "in_place",
    "enabler.commissioners_on_board": "not_yet",
    "grow.structures": "partly",
    "grow.extra_support": "in_place",
    "grow.feedback_loop": "partly",
    "grow.honesty": "in_place",
    "grow.benefits_shown": "not_yet",
    "grow.conflict": "partly",
}
NOTES = {
    "barrier.time_and_cost": "Budgets for paid involvement are agreed a year at a time.",
    "barrier.counter_demands": "Ward cover makes it hard to release staff for co-design.",
    "enabler.commissioners_on_board": "We have not yet shared our co-production plans with "
    "the commissioners.",
}
# (factor, what we will do, owner, due in days, done)
ACTIONS = [
    (
        "barrier.time_and_cost",
        "Put a three-year line for paid involvement in next year's budget bid.",
        ADMIN,
        60,
        False,
    ),
    (
        "enabler.commissioners_on_board",
        "Invite the commissioners to the next co-design session, with the experts' agreement.",
        COORDINATOR,
        30,
        True,
    ),
    (
        "grow.benefits_shown",
        "Publish a short “you said, we did” summary each quarter.",
        COORDINATOR,
        90,
        False,
    ),
]
HOW = (
    "The day opened with two experts by experience describing, in their own words, what "
    "being restrained was like for them and what would have helped. No technique was "
    "taught until after that session and a break. Both had a debrief with their contact "
    "person afterwards."
)


def _member(email: str, role: str) -> Membership | None:
    return (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=email, role=role)
        .first()
    )


def _assessment(coordinator: Membership) -> int:
    if ReadinessAssessment.objects.filter(organisation_id=coordinator.organisation_id).exists():
        return 0
    owners = {
        email: m.user_id
        for email in (COORDINATOR, ADMIN)
        if (
            m := Membership.objects.filter(
                user__email=email, organisation_id=coordinator.organisation_id
            ).first()
        )
    }
    assert set(RATINGS) == {f.code for f in FACTORS}
    today = timezone.localdate()
    with transaction.atomic():
        assessment = complete_assessment(
            by=coordinator,
            ratings=RATINGS,
            notes=NOTES,
            review_date=today + timedelta(days=180),
            summary="Leaders and staff are ready; money and cover are what hold us back.",
        )
        for factor, what, owner, due_in, done in ACTIONS:
            action = add_action(
                by=coordinator,
                assessment=assessment,
                factor=factor,
                what=what,
                owner_id=owners.get(owner, coordinator.user_id),
                due_date=today + timedelta(days=due_in),
            )
            if done:
                mark_action_done(by=coordinator, action=action)
    return 1


def _training_record(coordinator: Membership) -> int:
    course = (
        Opportunity.objects.filter(organisation_id=coordinator.organisation_id, title=COURSE)
        .order_by("id")
        .first()
    )
    if course is None or TrainingCourseEvidence.objects.filter(opportunity=course).exists():
        return 0
    now = timezone.now()
    session = (
        course.sessions.filter(cancelled_at__isnull=True, starts_at__lte=now)
        .order_by("starts_at", "id")
        .first()
    )
    record_lived_experience_first(
        by=coordinator,
        opportunity=course,
        lived_experience_first=True,
        how=HOW,
        session_id=session.pk if session else None,
    )
    return 1


def add_readiness() -> int:
    """Add what is missing; returns how many things were added."""
    coordinator = _member(COORDINATOR, Role.COORDINATOR)
    if coordinator is None:
        return 0
    return _assessment(coordinator) + _training_record(coordinator)

"""The demo's development plans: expert1's goals, what Riverside and Hillview offer them,
how it is going, and a comment of their own.

Made through the services, as the coordinators and the person would. Idempotent: an
action already offered (same organisation, person and kind) is left as it is, with its
history, so a second load adds nothing.
"""

from __future__ import annotations

from django.db import transaction

from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.evaluation.models.development import DevelopmentAction
from powerwith.evaluation.services.development import (
    comment_on_action,
    offer_action,
    record_progress,
)
from powerwith.people.models import Person
from powerwith.people.services import update_person

EXPERT = "expert1@people.example"
PERSONAL_GOALS = "Feel confident speaking to a room of people I do not know."
PROFESSIONAL_GOALS = "Co-deliver restraint reduction training alongside a clinician."
# (coordinator, code, details, progress, staff note, the person's comment)
ACTIONS = [
    (
        "coordinator@riverside.example",
        "public_speaking",
        "Six one-to-one sessions with a speaking coach, in the quiet room at Riverside House.",
        "under_way",
        "Two sessions done. They led the introductions at the last co-design session.",
        "The coach is helping. Could the next session be on video?",
    ),
    (
        "coordinator@riverside.example",
        "it_support",
        "A laptop on loan and help setting up video calls.",
        "done",
        "Laptop handed over and video calls tested together.",
        "",
    ),
    (
        "coordinator@hillview.example",
        "training",
        "A place on the two-day Training the Trainers course in the spring.",
        "not_started",
        "",
        "",
    ),
]


def add_development() -> int:
    """Add the demo development plan where it is missing; returns how many actions."""
    person = Person.objects.select_related("user").filter(email=EXPERT).first()
    if person is None or person.user is None:
        return 0
    added = 0
    with transaction.atomic():
        if not person.personal_goals and not person.professional_goals:
            update_person(
                person,
                user=person.user,
                membership=None,
                changes={
                    "personal_goals": PERSONAL_GOALS,
                    "professional_goals": PROFESSIONAL_GOALS,
                },
            )
        for email, code, details, progress, note, comment in ACTIONS:
            coordinator = (
                Membership.objects.select_related("organisation", "user")
                .filter(
                    user__email=email,
                    role=Role.COORDINATOR,
                    organisation__people_links__person=person,
                )
                .first()
            )
            if coordinator is None:
                continue
            if DevelopmentAction.objects.filter(
                organisation_id=coordinator.organisation_id, person=person, code=code
            ).exists():
                continue
            action = offer_action(by=coordinator, person=person, code=code, details=details)
            if progress != "not_started" or note:
                record_progress(by=coordinator, action=action, status=progress, note=note)
            if comment:
                comment_on_action(user=person.user, action=action, text=comment)
            added += 1
    return added

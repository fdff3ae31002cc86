"""Demo data for privacy: expert1's "who has looked at my information" has a few entries
(Riverside's coordinator opening their profile, the contact person reading the Wellness
Action Plan they were given), and Riverside has saved its retention periods.

Idempotent: an entry or a policy that exists already is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from powerwith.privacy.models import AccessLogEntry, RetentionPolicy, What
from powerwith.privacy.services import set_retention

# Who looked at expert1's records, and when: (days ago, time of day), so the access log
# reads as recent whatever day the demo is loaded.
LOOKS = [
    (
        "coordinator@riverside.example",
        What.PROFILE,
        "/people/{id}/",
        (20, dt.time(10, 15)),
    ),
    (
        "contact@riverside.example",
        What.WELLNESS_ACTION_PLAN,
        "/people/{id}/wellness-action-plan/",
        (13, dt.time(9, 40)),
    ),
    (
        "coordinator@riverside.example",
        What.ADJUSTMENTS,
        "/sessions/",
        (5, dt.time(14, 5)),
    ),
]


def _membership(email: str, slug: str) -> Membership | None:
    return (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=email, organisation__slug=slug)
        .first()
    )


def add_privacy() -> int:
    """Add what is missing; returns how many things were added."""
    added = 0
    with transaction.atomic():
        expert1 = Person.objects.filter(email="expert1@people.example").first()
        today, zone = timezone.localdate(), timezone.get_current_timezone()
        for email, what, where, (days_ago, time) in LOOKS:
            viewer = _membership(email, "riverside")
            if expert1 is None or viewer is None:
                continue
            if AccessLogEntry.objects.filter(
                person=expert1, viewer=viewer.user, what=what
            ).exists():
                continue
            AccessLogEntry.objects.create(
                person=expert1,
                organisation=viewer.organisation,
                viewer=viewer.user,
                viewer_role=viewer.role,
                what=what,
                where=where.format(id=expert1.pk),
                created_at=dt.datetime.combine(
                    today - dt.timedelta(days=days_ago), time, tzinfo=zone
                ),
            )
            added += 1
        admin = _membership("admin@riverside.example", "riverside")
        if (
            admin is not None
            and not RetentionPolicy.objects.filter(organisation=admin.organisation).exists()
        ):
            set_retention(
                admin,
                wellbeing_note_months=12,
                access_log_months=24,
                left_person_months=24,
                feedback_text_months=36,
                payment_months=84,
            )
            added += 1
    return added

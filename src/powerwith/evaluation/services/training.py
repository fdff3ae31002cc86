"""Training Standard 1.5: the coordinator records whether the staff on a course heard what
it is like to be restrained before any technique was taught, how, and in which session.
One record per course; recording again replaces it, and the audit log keeps each one."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.audit import record
from powerwith.accounts.models import Membership
from powerwith.core.choices import Focus
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.engagements.models import Session
from powerwith.evaluation.models.training import TrainingCourseEvidence
from powerwith.opportunities.models import Opportunity

TRAINING_FOCUS = frozenset({Focus.DESIGNING_TRAINING, Focus.DELIVERING_TRAINING})
HOW_LENGTH = 4000


def record_lived_experience_first(
    *,
    by: Membership,
    opportunity: Opportunity,
    lived_experience_first: bool | None,
    how: str = "",
    session_id: int | None = None,
) -> TrainingCourseEvidence:
    if not can(by, Capability.RECORD_TRAINING_EVIDENCE):
        raise NotAllowed("Only coordinators and admins can record training evidence.")
    if opportunity.organisation_id != by.organisation_id:
        raise InvalidInput("That course is not your organisation's.")
    if not any(code in TRAINING_FOCUS for code in opportunity.focus or []):
        raise InvalidInput("That opportunity is not a training course.")
    if lived_experience_first is None:
        raise InvalidInput(
            "Say whether staff heard what it is like to be restrained before any technique "
            "was taught.",
            field="lived_experience_first",
        )
    how = (how or "").strip()
    if len(how) > HOW_LENGTH:
        raise InvalidInput(f"Must be {HOW_LENGTH} characters or fewer.", field="how")
    if lived_experience_first and not how:
        raise InvalidInput(
            "Say how it was done, for example who spoke and how the session was run.",
            field="how",
        )
    session = None
    if session_id is not None:
        session = Session.objects.filter(
            pk=session_id, opportunity=opportunity, cancelled_at__isnull=True
        ).first()
        if session is None:
            raise InvalidInput("Choose one of this course's sessions.", field="session")
    with transaction.atomic():
        evidence, _ = TrainingCourseEvidence.objects.update_or_create(
            opportunity=opportunity,
            defaults={
                "lived_experience_first": lived_experience_first,
                "how": how,
                "session": session,
                "recorded_by": by.user,
                "recorded_at": timezone.now(),
            },
        )
        record(
            actor=by.user,
            action="training.lived_experience_first_recorded",
            organisation=by.organisation,
            target=opportunity,
            lived_experience_first=lived_experience_first,
            session_id=session.pk if session else None,
        )
    return evidence

"""The readiness self-assessment: filling it in (all answers at once, written once),
adding an action to its plan, and marking an action done."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.audit import record
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.evaluation.models.readiness import (
    ActionStatus,
    ReadinessAction,
    ReadinessAnswer,
    ReadinessAssessment,
)
from powerwith.evaluation.readiness import FACTORS, FACTORS_BY_CODE, is_valid_rating

NOTE_LENGTH = 2000
SUMMARY_LENGTH = 4000


def _require_writer(by: Membership) -> None:
    if not can(by, Capability.ASSESS_READINESS):
        raise NotAllowed("Only coordinators and admins can change the self-assessment.")


def _text(value: str, length: int, field: str, what: str) -> str:
    value = (value or "").strip()
    if len(value) > length:
        raise InvalidInput(f"{what} must be {length} characters or fewer.", field=field)
    return value


def _future(day: date | None, field: str, what: str, today: date) -> date:
    if day is None:
        raise InvalidInput(f"Enter {what}.", field=field)
    if day <= today:
        raise InvalidInput(f"{what.capitalize()} must be in the future.", field=field)
    return day


def complete_assessment(
    *,
    by: Membership,
    ratings: dict[str, str],
    review_date: date | None,
    notes: dict[str, str] | None = None,
    summary: str = "",
) -> ReadinessAssessment:
    """A new assessment with an answer for every factor; earlier ones are kept as they were."""
    _require_writer(by)
    notes = notes or {}
    unknown = sorted((set(ratings) | set(notes)) - set(FACTORS_BY_CODE))
    if unknown:
        raise InvalidInput(f"{unknown[0]} is not one of the charter's factors.")
    for factor in FACTORS:
        rating = ratings.get(factor.code, "")
        if not rating:
            raise InvalidInput(
                f"Say how far this is true for you: {factor.text}", field=factor.code
            )
        if not is_valid_rating(factor.code, rating):
            raise InvalidInput(
                f"Choose one of the answers given for: {factor.text}", field=factor.code
            )
    cleaned = {
        code: _text(note, NOTE_LENGTH, f"{code}.note", "A note") for code, note in notes.items()
    }
    day = _future(
        review_date, "review_date", "the date you will look at this again", timezone.localdate()
    )
    summary = _text(summary, SUMMARY_LENGTH, "summary", "The summary")
    with transaction.atomic():
        assessment = ReadinessAssessment.objects.create(
            organisation_id=by.organisation_id,
            completed_by=by.user,
            review_date=day,
            summary=summary,
        )
        ReadinessAnswer.objects.bulk_create(
            ReadinessAnswer(
                assessment=assessment,
                factor=factor.code,
                rating=ratings[factor.code],
                note=cleaned.get(factor.code, ""),
            )
            for factor in FACTORS
        )
        record(
            actor=by.user,
            action="readiness.assessed",
            organisation=by.organisation,
            target=assessment,
            review_date=day.isoformat(),
        )
    return assessment


def add_action(
    *,
    by: Membership,
    assessment: ReadinessAssessment,
    factor: str,
    what: str,
    owner_id: int | None,
    due_date: date | None,
) -> ReadinessAction:
    """Add to the action plan what the organisation will do about one factor."""
    _require_writer(by)
    if assessment.organisation_id != by.organisation_id:
        raise InvalidInput("That self-assessment is not your organisation's.")
    if factor not in FACTORS_BY_CODE:
        raise InvalidInput("Choose the factor the action is about.", field="factor")
    what = _text(what, NOTE_LENGTH, "what", "What you will do")
    if not what:
        raise InvalidInput("Say what you will do.", field="what")
    owner = (
        Membership.objects.filter(
            organisation_id=by.organisation_id, user_id=owner_id, user__is_active=True
        )
        .select_related("user")
        .first()
        if owner_id
        else None
    )
    if owner is None:
        raise InvalidInput("Choose who owns the action, from your organisation.", field="owner")
    if due_date is None:
        raise InvalidInput("Enter the date it is due.", field="due_date")
    if due_date < timezone.localdate():
        raise InvalidInput("The date it is due cannot be in the past.", field="due_date")
    with transaction.atomic():
        action = ReadinessAction.objects.create(
            assessment=assessment,
            factor=factor,
            what=what,
            owner=owner.user,
            due_date=due_date,
            created_by=by.user,
        )
        record(
            actor=by.user,
            action="readiness.action_added",
            organisation=by.organisation,
            target=action,
            factor=factor,
            owner_id=owner.user_id,
        )
    return action


def mark_action_done(*, by: Membership, action: ReadinessAction) -> ReadinessAction:
    _require_writer(by)
    with transaction.atomic():
        locked = (
            ReadinessAction.objects.select_for_update()
            .filter(pk=action.pk, assessment__organisation_id=by.organisation_id)
            .first()
        )
        if locked is None:
            raise InvalidInput("That action is not your organisation's.")
        if locked.status == ActionStatus.DONE:
            raise Conflict("This action is already marked done.")
        locked.status = ActionStatus.DONE
        locked.done_by = by.user
        locked.done_at = timezone.now()
        locked.save(update_fields=["status", "done_by", "done_at"])
        record(
            actor=by.user,
            action="readiness.action_done",
            organisation=by.organisation,
            target=locked,
        )
    return locked

"""Reminders of reviews, from the task worker.

- A Wellness Action Plan: an e-mail to the person, and to no one else, when its review
  date is within ``REMIND_DAYS`` (or has passed).
- An opportunity or enduring role: an e-mail to whoever created it, in the same window.
  It is also listed on the reviews page. There is no "review" kind of action-needed task
  (adding one would change the engagements app's choices), and none of the existing kinds
  says honestly what this is, so no task is raised.
- A readiness self-assessment: an e-mail to whoever completed the organisation's latest
  one, in the same window before its review date.
- A readiness action: an e-mail to its owner once it is overdue and still open.
- Consents: ``consent.reminders`` already e-mails the person before a consent lapses and
  gives the contact person a "reconfirm" task once it has; nothing is repeated here.

Each reminder is noted in ``ReviewReminder`` under a key naming the thing and its review
date, so each review date is reminded once, however often the sweep runs; a new review
date is reminded afresh. The sweep notes what is due and queues a message that reads the
thing afresh when it is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.tasks import Task
from django.utils import timezone

from powerwith.core import mail
from powerwith.evaluation.models.readiness import (
    ActionStatus,
    ReadinessAction,
    ReadinessAssessment,
)
from powerwith.evaluation.models.reviews import ReviewKind, ReviewReminder
from powerwith.evaluation.queries.reviews import NOTHING_TO_REVIEW
from powerwith.evaluation.reminders.review_messages import (
    address_of,
    opportunity_review_due,
    plan_review_due,
    readiness_action_overdue,
    readiness_review_due,
)
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import WellnessActionPlan

REMIND_DAYS = 7


def _note(kind: str, key: str, review_date: date, now: datetime) -> bool:
    """Note the reminder; False when it was already sent (by this run or another)."""
    try:
        with transaction.atomic():
            _, created = ReviewReminder.objects.get_or_create(
                key=key, defaults={"kind": kind, "review_date": review_date, "sent_at": now}
            )
    except IntegrityError:
        return False
    return created


def _already(keys: list[str]) -> set[str]:
    return set(ReviewReminder.objects.filter(key__in=keys).values_list("key", flat=True))


@dataclass(frozen=True)
class _Due:
    key: str  # names the thing and its review date: each is sent once
    kind: str
    due: date
    message: Task[[int], str]
    thing_id: int
    addressed: bool  # False when there is no one to send it to


def _send(reminders: list[_Due], now: datetime) -> int:
    done = _already([r.key for r in reminders])
    count = 0
    for reminder in reminders:
        if reminder.key in done or not reminder.addressed:
            continue
        with transaction.atomic():
            if not _note(reminder.kind, reminder.key, reminder.due, now):
                continue
            mail.send_on_commit(reminder.message, reminder.thing_id)
        count += 1
    return count


def _plans(today: date) -> list[_Due]:
    return [
        _Due(
            key=f"wap:{plan.pk}:{plan.review_date.isoformat()}",
            kind=ReviewKind.WELLNESS_ACTION_PLAN,
            due=plan.review_date,
            message=plan_review_due,
            thing_id=plan.pk,
            addressed=bool(plan.person.email),
        )
        for plan in WellnessActionPlan.objects.filter(
            review_date__isnull=False, review_date__lte=today + timedelta(days=REMIND_DAYS)
        ).select_related("person")
        if plan.review_date is not None
    ]


def _opportunities(today: date) -> list[_Due]:
    return [
        _Due(
            key=f"opportunity:{opportunity.pk}:{opportunity.review_date.isoformat()}",
            kind=ReviewKind.OPPORTUNITY,
            due=opportunity.review_date,
            message=opportunity_review_due,
            thing_id=opportunity.pk,
            addressed=bool(address_of(opportunity.created_by)),
        )
        for opportunity in Opportunity.objects.filter(
            review_date__isnull=False, review_date__lte=today + timedelta(days=REMIND_DAYS)
        )
        .exclude(status__in=NOTHING_TO_REVIEW)
        .select_related("created_by")
        if opportunity.review_date is not None
    ]


def _latest_assessments(today: date) -> list[ReadinessAssessment]:
    """Each organisation's latest self-assessment, when its review is within the window:
    an earlier one's review date was replaced by the newer one's."""
    newer = ReadinessAssessment.objects.filter(organisation_id=OuterRef("organisation_id")).filter(
        Q(created_at__gt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk"))
    )
    return list(
        ReadinessAssessment.objects.filter(review_date__lte=today + timedelta(days=REMIND_DAYS))
        .exclude(Exists(newer))
        .select_related("completed_by")
    )


def _readiness(today: date) -> list[_Due]:
    return [
        _Due(
            key=f"readiness:{a.pk}:{a.review_date.isoformat()}",
            kind=ReviewKind.READINESS,
            due=a.review_date,
            message=readiness_review_due,
            thing_id=a.pk,
            addressed=bool(address_of(a.completed_by)),
        )
        for a in _latest_assessments(today)
    ]


def _readiness_actions(today: date) -> list[_Due]:
    return [
        _Due(
            key=f"readiness_action:{action.pk}:{action.due_date.isoformat()}",
            kind=ReviewKind.READINESS_ACTION,
            due=action.due_date,
            message=readiness_action_overdue,
            thing_id=action.pk,
            addressed=bool(address_of(action.owner)),
        )
        for action in ReadinessAction.objects.filter(
            status=ActionStatus.OPEN, due_date__lt=today
        ).select_related("owner")
    ]


def sweep(now: datetime) -> int:
    """Queue the review reminders due at ``now``; how many."""
    today = timezone.localdate(now)
    return _send(
        [*_plans(today), *_opportunities(today), *_readiness(today), *_readiness_actions(today)],
        now,
    )

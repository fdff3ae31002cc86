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
date is reminded afresh.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts.models import User
from powerwith.core.choices import Commitment
from powerwith.evaluation.models.readiness import (
    ActionStatus,
    ReadinessAction,
    ReadinessAssessment,
)
from powerwith.evaluation.models.reviews import ReviewKind, ReviewReminder
from powerwith.evaluation.queries.reviews import NOTHING_TO_REVIEW
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import WellnessActionPlan

logger = logging.getLogger(__name__)

REMIND_DAYS = 7


def _send_on_commit(message: EmailMessage, what: str) -> None:
    def send() -> None:
        try:
            message.send()
        except Exception:
            logger.exception("Could not send a review reminder for %s", what)

    transaction.on_commit(send)


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


def _when(day: date, today: date) -> str:
    words = date_format(day, "j F Y")
    return f"was due on {words}" if day < today else f"is due on {words}"


@dataclass(frozen=True)
class _Reminder:
    key: str  # names the thing and its review date: each is sent once
    kind: str
    due: date
    to: str  # empty when there is no one to send it to
    subject: str
    body: str


def _send(reminders: list[_Reminder], now: datetime) -> int:
    done = _already([r.key for r in reminders])
    count = 0
    for reminder in reminders:
        if reminder.key in done or not reminder.to:
            continue
        with transaction.atomic():
            if not _note(reminder.kind, reminder.key, reminder.due, now):
                continue
            message = EmailMessage(subject=reminder.subject, body=reminder.body, to=[reminder.to])
            _send_on_commit(message, reminder.key)
        count += 1
    return count


def _address(user: User) -> str:
    return user.email if user.is_active else ""


def _plans(today: date) -> list[_Reminder]:
    link = settings.SITE_URL + reverse("people:my_wellness_plan")
    reminders = []
    for plan in WellnessActionPlan.objects.filter(
        review_date__isnull=False, review_date__lte=today + timedelta(days=REMIND_DAYS)
    ).select_related("person"):
        assert plan.review_date is not None
        person = plan.person
        reminders.append(
            _Reminder(
                key=f"wap:{plan.pk}:{plan.review_date.isoformat()}",
                kind=ReviewKind.WELLNESS_ACTION_PLAN,
                due=plan.review_date,
                to=person.email,
                subject="Time to review your Wellness Action Plan",
                body=(
                    f"Hello {person.preferred_name},\n\n"
                    f"You chose to look again at your Wellness Action Plan: the review "
                    f"{_when(plan.review_date, today)}.\n\n"
                    "You can read it, change anything that has changed for you, and choose "
                    f"a new review date here:\n{link}\n\n"
                    "Your plan is yours. Only you, and the people you chose, can read it.\n"
                ),
            )
        )
    return reminders


def _opportunities(today: date) -> list[_Reminder]:
    reminders = []
    for opportunity in (
        Opportunity.objects.filter(
            review_date__isnull=False, review_date__lte=today + timedelta(days=REMIND_DAYS)
        )
        .exclude(status__in=NOTHING_TO_REVIEW)
        .select_related("created_by", "organisation")
    ):
        assert opportunity.review_date is not None
        what = (
            "enduring role" if opportunity.commitment == Commitment.ENDURING_ROLE else "opportunity"
        )
        link = settings.SITE_URL + reverse("opportunities:edit", args=[opportunity.pk])
        reminders.append(
            _Reminder(
                key=f"opportunity:{opportunity.pk}:{opportunity.review_date.isoformat()}",
                kind=ReviewKind.OPPORTUNITY,
                due=opportunity.review_date,
                to=_address(opportunity.created_by),
                subject=f"Review due: {opportunity.title}",
                body=(
                    f"The review of the {what} “{opportunity.title}” at "
                    f"{opportunity.organisation.name} "
                    f"{_when(opportunity.review_date, today)}.\n\n"
                    "Look again at how it is going with the experts by experience involved, "
                    "then mark it reviewed or set the next review date:\n"
                    f"{link}\n\n"
                    f"All reviews due: {settings.SITE_URL}{reverse('evaluation:reviews')}\n"
                ),
            )
        )
    return reminders


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
        .select_related("completed_by", "organisation")
    )


def _readiness(today: date) -> list[_Reminder]:
    return [
        _Reminder(
            key=f"readiness:{a.pk}:{a.review_date.isoformat()}",
            kind=ReviewKind.READINESS,
            due=a.review_date,
            to=_address(a.completed_by),
            subject="Review due: your readiness self-assessment",
            body=(
                f"The review of {a.organisation.name}'s readiness self-assessment "
                f"{_when(a.review_date, today)}.\n\n"
                "Look again at the barriers, enablers and grow factors, and at the action "
                "plan, then start a new self-assessment:\n"
                f"{settings.SITE_URL}{reverse('evaluation:readiness_detail', args=[a.pk])}\n"
            ),
        )
        for a in _latest_assessments(today)
    ]


def _readiness_actions(today: date) -> list[_Reminder]:
    return [
        _Reminder(
            key=f"readiness_action:{action.pk}:{action.due_date.isoformat()}",
            kind=ReviewKind.READINESS_ACTION,
            due=action.due_date,
            to=_address(action.owner),
            subject="Overdue: an action in your readiness plan",
            body=(
                f"An action you own in {action.assessment.organisation.name}'s readiness "
                f"plan {_when(action.due_date, today)} and is not marked done:\n\n"
                f"{action.what}\n\n"
                "Mark it done, or talk to the team about it:\n"
                f"{settings.SITE_URL}"
                f"{reverse('evaluation:readiness_detail', args=[action.assessment_id])}\n"
            ),
        )
        for action in ReadinessAction.objects.filter(
            status=ActionStatus.OPEN, due_date__lt=today
        ).select_related("owner", "assessment__organisation")
    ]


def sweep(now: datetime) -> int:
    """Send the review reminders due at ``now``; how many were sent."""
    today = timezone.localdate(now)
    return _send(
        [*_plans(today), *_opportunities(today), *_readiness(today), *_readiness_actions(today)],
        now,
    )

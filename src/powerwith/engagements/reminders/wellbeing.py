"""Wellbeing check reminders, run by the worker every quarter of an hour.

A person is e-mailed once when a check falls due (``reminded_at`` notes it). A check
still not answered a day after it fell due goes on the contact person's "action needed"
list, once: a task that was closed is not raised again for the same check.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.core import mail
from powerwith.engagements.models import BookingStatus, WellbeingCheck
from powerwith.engagements.queries.wellbeing import OVERDUE_AFTER
from powerwith.engagements.services.wellbeing import (
    contacts_of,
    kind_words,
    overdue_key,
    staff_check_link,
)
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.inbox.services import raise_action

# A check that fell due long ago (a worker that was down for a week) is not worth an
# e-mail now; it still reaches the contact person's list.
REMIND_WITHIN = timedelta(days=3)
# The check before a session falls due at midnight; nobody is e-mailed about their
# wellbeing in the night. Reminders wait for the morning (local time).
WAKING_HOURS = range(8, 21)


@mail.message
def check_due(check_id: int) -> mail.Letter | None:
    check = WellbeingCheck.objects.select_related(
        "attendance__person", "attendance__session__opportunity__organisation"
    ).get(pk=check_id)
    person = check.attendance.person
    opportunity = check.attendance.session.opportunity
    link = reverse("engagements:my_wellbeing_check", kwargs={"check_id": check.pk})
    body = (
        f"Hello {person.preferred_name},\n\n"
        f"It is time for your wellbeing check {kind_words(check.kind)} "
        f"({opportunity.title}, with {opportunity.organisation.name}).\n\n"
        "It takes a minute: tell us how you are, and whether you would like support. "
        "You never have to explain your answer.\n\n"
        f"{settings.SITE_URL}{link}\n\n"
        "If you would like to stop, take time out or ask for support, you can do that at "
        "any time. Your pay for the booked time is not affected.\n"
    )
    return mail.Letter(
        EmailMessage(subject="Your wellbeing check", body=body, to=[person.email]),
        mail.Undelivered(
            organisation_id=opportunity.organisation_id,
            assignee_ids=tuple(user.pk for user in contacts_of(opportunity)),
            about=f"a wellbeing check for {opportunity.title}",
            to=person.preferred_name,
            link=staff_check_link(check),
            person_id=person.pk,
        ),
        mail.Recipient(person.pk, "wellbeing_check", link=link, reminder=True),
    )


def remind_due(now: datetime) -> int:
    if timezone.localtime(now).hour not in WAKING_HOURS:
        return 0
    due = WellbeingCheck.objects.filter(
        completed_at=None,
        reminded_at=None,
        attendance__status=BookingStatus.BOOKED,
        due_at__lte=now,
        due_at__gt=now - REMIND_WITHIN,
    ).values_list("pk", flat=True)
    sent = 0
    for check_id in due:
        with transaction.atomic():
            # Claimed with one conditional update, so two workers never both send it.
            claimed = WellbeingCheck.objects.filter(pk=check_id, reminded_at=None).update(
                reminded_at=now
            )
            if claimed:
                mail.send_on_commit(check_due, check_id)
                sent += 1
    return sent


def flag_overdue(now: datetime) -> int:
    overdue = list(
        WellbeingCheck.objects.filter(
            completed_at=None,
            attendance__status=BookingStatus.BOOKED,
            due_at__lte=now - OVERDUE_AFTER,
        ).select_related(
            "attendance__person",
            "attendance__session__opportunity__organisation",
            "attendance__session__opportunity__contact_user",
            "attendance__session__opportunity__backup_contact_user",
            "attendance__session__opportunity__created_by",
        )
    )
    keys = {overdue_key(c) for c in overdue}
    raised_before = set(ActionNeeded.objects.filter(key__in=keys).values_list("key", flat=True))
    raised = 0
    for check in overdue:
        if overdue_key(check) in raised_before:
            continue
        opportunity = check.attendance.session.opportunity
        person = check.attendance.person
        with transaction.atomic():
            raise_action(
                organisation=opportunity.organisation,
                assignees=contacts_of(opportunity),
                kind=ActionKind.CHECK_OVERDUE,
                key=overdue_key(check),
                title=(
                    f"{person.preferred_name}'s wellbeing check "
                    f"({check.get_kind_display().lower()}) is overdue: {opportunity.title}"
                ),
                link=staff_check_link(check),
                person=person,
            )
        raised += 1
    return raised


def sweep(now: datetime) -> int:
    """Send the reminders and raise the tasks that are due at ``now``; how many."""
    return remind_due(now) + flag_overdue(now)

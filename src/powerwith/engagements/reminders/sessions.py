"""Flag reasonable adjustments still unconfirmed close to a session.

Run every 15 minutes by the worker. Each session is flagged once to each person (the
opportunity's creator, the organisation's coordinators and the contact person): the
task's key names the session, and an open task with the same key is never raised twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from powerwith.accounts.models import User
from powerwith.engagements.models import Session
from powerwith.engagements.queries.sessions import unconfirmed_adjustments
from powerwith.engagements.services.adjustments import unconfirmed_key
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.inbox.services import raise_action

AHEAD = timedelta(days=3)


def _assignees(session: Session) -> list[User | None]:
    opportunity = session.opportunity
    return [
        opportunity.created_by,
        opportunity.contact_user,
        opportunity.backup_contact_user,
    ]


def sweep(now: datetime) -> int:
    """Raise the tasks due at ``now``; how many were new."""
    raised = 0
    soon = Session.objects.filter(
        starts_at__gt=now, starts_at__lte=now + AHEAD, cancelled_at=None
    ).select_related(
        "opportunity__organisation",
        "opportunity__created_by",
        "opportunity__contact_user",
        "opportunity__backup_contact_user",
    )
    for session in soon:
        waiting = unconfirmed_adjustments(session).count()
        if not waiting:
            continue
        opportunity = session.opportunity
        key = unconfirmed_key(session)
        before = ActionNeeded.objects.filter(key=key, done_at=None).count()
        raise_action(
            organisation=opportunity.organisation,
            assignees=_assignees(session),
            kind=ActionKind.ADJUSTMENT,
            key=key,
            title=f"{waiting} reasonable adjustment{'s' if waiting != 1 else ''} not yet "
            f"confirmed for the session of {opportunity.title} on "
            f"{timezone.localtime(session.starts_at):%-d %B}",
            link=f"/sessions/{session.pk}/",
        )
        raised += ActionNeeded.objects.filter(key=key, done_at=None).count() - before
    return raised

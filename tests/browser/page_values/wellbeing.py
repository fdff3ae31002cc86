"""Every-page values for wellbeing checks, the power to stop and the action needed list.

The Riverside expert is booked into a session of their own here (``stop_session_id``,
apart from the sessions part's ``session_id``), their check before it opens today so the
form itself is audited, and they have taken time out once, which puts a task on the
contact person's list (``action_id``).
"""

from __future__ import annotations

from typing import Any

from powerwith.engagements.models import CheckKind, WellbeingCheck
from powerwith.engagements.queries.wellbeing import opens_at
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.inbox.models import ActionKind
from tests.browser.page_values import PartCast
from tests.engagements.factories import booked, expert_membership

NOT_PAGES: dict[str, str] = {}


def values(cast: PartCast) -> dict[str, Any]:
    booking = booked(cast.coordinator, cast.expert, contact=cast.contact.user)
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    WellbeingCheck.objects.filter(pk=check.pk).update(due_at=opens_at(booking.booked_at))
    session = booking.session
    stop_or_time_out(
        person=cast.expert,
        session=session,
        opportunity=session.opportunity,
        kind="time_out",
        by=expert_membership(cast.expert, cast.coordinator.organisation_id),
    )
    # Theirs about Alex stopping: the contact person has other tasks, about other people.
    task = cast.contact.user.actions_needed.get(kind=ActionKind.STOPPED, person=cast.expert)
    return {"check_id": check.pk, "stop_session_id": session.pk, "action_id": task.pk}

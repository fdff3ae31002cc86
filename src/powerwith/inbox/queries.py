"""Reads of the action-needed list: one's own tasks in the organisation; an admin may
reach any of the organisation's."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, can
from powerwith.inbox.models import ActionNeeded

# How long a task that is done stays on the list, under "recently done".
RECENT = timedelta(days=30)


def open_actions(membership: Membership) -> QuerySet[ActionNeeded]:
    """The member's own open tasks here, newest first."""
    return (
        ActionNeeded.objects.select_related("person")
        .filter(
            assignee_id=membership.user_id,
            organisation_id=membership.organisation_id,
            done_at=None,
        )
        .order_by("-created_at", "-id")
    )


def recently_done_actions(membership: Membership, now: datetime) -> QuerySet[ActionNeeded]:
    return (
        ActionNeeded.objects.select_related("person", "done_by")
        .filter(
            assignee_id=membership.user_id,
            organisation_id=membership.organisation_id,
            done_at__gte=now - RECENT,
        )
        .order_by("-done_at", "-id")
    )


def get_action_for(membership: Membership, action_id: int) -> ActionNeeded:
    """One's own task, or for an admin any of the organisation's; 404 otherwise."""
    tasks = ActionNeeded.objects.filter(pk=action_id, organisation_id=membership.organisation_id)
    if not can(membership, Capability.CLOSE_ANYONES_TASKS):
        tasks = tasks.filter(assignee_id=membership.user_id)
    found = tasks.first()
    if found is None:
        raise Http404("No such task.")
    return found

"""The "action needed" list: tasks for members of staff that other actions raise."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.errors import NotAllowed
from powerwith.core.mail import Undelivered
from powerwith.core.permissions import Capability, can, roles_with
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.people.models import Person


def raise_action(
    *,
    organisation: Organisation,
    assignees: Iterable[User | None],
    kind: str,
    key: str,
    title: str,
    link: str = "",
    person: Person | None = None,
) -> list[ActionNeeded]:
    """Put a task on each assignee's list, once: an open task with the same key is left
    as it is. Missing assignees (no contact person appointed) are skipped."""
    made = []
    seen: set[int] = set()
    for user in assignees:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        item, _ = ActionNeeded.objects.get_or_create(
            assignee=user,
            key=key,
            done_at=None,
            defaults={
                "organisation": organisation,
                "kind": kind,
                "title": title,
                "link": link,
                "person": person,
            },
        )
        made.append(item)
    return made


def report_undelivered(
    undelivered: Undelivered, *, reason: str, key: str, by: str = "e-mail"
) -> list[ActionNeeded]:
    """A message the worker gave up sending, on the list of whoever its sender named (still
    a member of the organisation), or of the organisation's admins when none of them is."""
    organisation = Organisation.objects.get(pk=undelivered.organisation_id)
    members = User.objects.filter(is_active=True, memberships__organisation=organisation)
    assignees = list(members.filter(pk__in=[i for i in undelivered.assignee_ids if i]))
    if not assignees:
        # Those who may close anyone's task here: one condition on the same membership.
        assignees = list(
            User.objects.filter(
                is_active=True,
                memberships__organisation=organisation,
                memberships__role__in=roles_with(Capability.CLOSE_ANYONES_TASKS),
            ).distinct()
        )
    person = None
    if undelivered.person_id is not None:
        person = Person.objects.filter(pk=undelivered.person_id).first()
    return raise_action(
        organisation=organisation,
        assignees=assignees,
        kind=ActionKind.MESSAGE_FAILED,
        key=key,
        title=undelivered.title(reason, by=by),
        link=undelivered.link,
        person=person,
    )


@transaction.atomic
def mark_done(item: ActionNeeded, *, by: Membership) -> ActionNeeded:
    """The assignee (or an admin of the organisation) says the task is done."""
    if item.organisation_id != by.organisation_id:
        raise NotAllowed("That task belongs to another organisation.")
    if item.assignee_id != by.user_id and not can(by, Capability.CLOSE_ANYONES_TASKS):
        raise NotAllowed("Only the person the task was given to, or an admin, can close it.")
    if item.done_at is None:
        item.done_at = timezone.now()
        item.done_by = by.user
        item.save(update_fields=["done_at", "done_by"])
    return item


def close_actions(*, key: str, by: User) -> int:
    """Close every open task about one thing, for example when the thing is resolved."""
    return ActionNeeded.objects.filter(key=key, done_at=None).update(
        done_at=timezone.now(), done_by=by
    )

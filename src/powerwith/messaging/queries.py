"""Reads of messages, scoped to the asking membership."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, can, require
from powerwith.messaging.models import Channel, Message, Status
from powerwith.people.queries import get_person_for


def messages_to(membership: Membership, person_id: int) -> QuerySet[Message]:
    """The messages to a person: all of them for the person themself, those this
    organisation sent for its staff; 404 for a person the membership may not see."""
    person = get_person_for(membership, person_id)
    found = Message.objects.filter(person=person)
    if can(membership, Capability.WORK_AS_STAFF):
        found = found.filter(organisation_id=membership.organisation_id)
    return found.order_by("-created_at", "-id")


def _staff_messages(membership: Membership) -> QuerySet[Message]:
    require(
        membership,
        Capability.CARE_FOR_PEOPLE,
        "Only the staff who look after people can see the messages sent to them.",
    )
    return Message.objects.filter(organisation_id=membership.organisation_id).select_related(
        "person"
    )


def letters_to_post(membership: Membership) -> QuerySet[Message]:
    return (
        _staff_messages(membership)
        .filter(channel=Channel.LETTER, status=Status.QUEUED)
        .order_by("created_at", "id")
    )


def letters_posted(membership: Membership) -> QuerySet[Message]:
    return (
        _staff_messages(membership)
        .filter(channel=Channel.LETTER, status=Status.POSTED)
        .order_by("-done_at", "-id")
    )


def letter_for(membership: Membership, message_id: int) -> Message:
    found = _staff_messages(membership).filter(pk=message_id, channel=Channel.LETTER).first()
    if found is None:
        raise Http404("No such letter.")
    return found


def call_for(membership: Membership, message_id: int) -> Message:
    found = _staff_messages(membership).filter(pk=message_id, channel=Channel.PHONE).first()
    if found is None:
        raise Http404("No such call.")
    return found


def outbox(membership: Membership) -> QuerySet[Message]:
    """Everything the organisation sent, newest first (the demo's outbox)."""
    return _staff_messages(membership).select_related("supporter")

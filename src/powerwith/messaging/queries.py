"""Reads of messages, scoped to the asking membership."""

from __future__ import annotations

import re

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


# The reference a message is sent to Notify with (messaging.routing): the message, and
# for a copy to a supporter, which supporter.
_REFERENCE = re.compile(r"^message-(\d{1,12})(-supporter-\d{1,12})?$")


def message_for_receipt(reference: str, provider_id: str) -> Message | None:
    """The message a provider's delivery receipt is about, by the reference we sent it
    with; the person's own copy must also carry the provider's id for it."""
    found = _REFERENCE.match(reference)
    if found is None:
        return None
    message = Message.objects.select_related("person").filter(pk=int(found[1])).first()
    if message is None or (found[2] is None and message.provider_id != provider_id):
        return None
    return message

"""What staff do with a message that needs hands: post a letter, make a call."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.core.permissions import Capability, require
from powerwith.inbox.services import close_actions
from powerwith.messaging.models import Channel, Message, Status


def _done(message: Message, by: Membership, status: str, detail: str) -> None:
    message.status = status
    message.detail = detail[:300]
    message.done_at = timezone.now()
    message.done_by = by.user
    message.attempt(detail)


@transaction.atomic
def mark_posted(message: Message, *, by: Membership) -> Message:
    require(by, Capability.CARE_FOR_PEOPLE, "Only the staff who look after people post letters.")
    if message.channel != Channel.LETTER:
        raise InvalidInput("Only a letter can be posted.")
    if message.status == Status.POSTED:
        raise Conflict("This letter is already marked as posted.")
    name = by.user.full_name or by.user.email
    _done(message, by, Status.POSTED, f"Posted by {name}.")
    message.save()
    audit.record(
        actor=by.user, action="letter.posted", organisation=by.organisation, target=message
    )
    return message


@transaction.atomic
def mark_called(message: Message, *, by: Membership, note: str) -> Message:
    require(by, Capability.CARE_FOR_PEOPLE, "Only the staff who look after people make calls.")
    if message.channel != Channel.PHONE:
        raise InvalidInput("Only a phone call can be marked as called.")
    if message.status == Status.CALLED:
        raise Conflict("This call is already marked as made.")
    note = note.strip()
    if not note:
        raise InvalidInput("Write down what was said on the call.", field="note")
    if len(note) > 2000:
        raise InvalidInput("What was said must be 2000 characters or fewer.", field="note")
    name = by.user.full_name or by.user.email
    _done(message, by, Status.CALLED, f"Called by {name}.")
    message.call_note = note
    message.save()
    close_actions(key=f"call:{message.pk}", by=by.user)
    audit.record(actor=by.user, action="call.made", organisation=by.organisation, target=message)
    return message

"""What staff do with a message that needs hands (post a letter, make a call), and what
a provider's delivery receipt says about one that was sent."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.core.permissions import Capability, require
from powerwith.inbox.services import close_actions, report_undelivered
from powerwith.messaging.models import Channel, Message, Status
from powerwith.messaging.routing import BY


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


# GOV.UK Notify's final statuses for an e-mail or a text, in words for staff.
NOT_DELIVERED = {
    "permanent-failure": "the address or number does not exist, or is blocked",
    "temporary-failure": "the inbox was full or the phone was off, for too long",
    "technical-failure": "GOV.UK Notify had a technical problem",
}
DELIVERED = "delivered"


@transaction.atomic
def record_delivery(message: Message, *, outcome: str) -> Message:
    """What the provider says became of a message it sent: delivered, or not, with a
    task for staff to reach the person another way. Anything else (still sending) and a
    message that was not sent through it (a letter, a call) change nothing."""
    if outcome != DELIVERED and outcome not in NOT_DELIVERED:
        return message
    message = Message.objects.select_for_update().select_related("person").get(pk=message.pk)
    if message.channel not in (Channel.EMAIL, Channel.TEXT, Channel.SUPPORTER):
        return message
    if message.status == Status.DELIVERED and outcome == DELIVERED:
        return message
    if outcome == DELIVERED:
        message.status = Status.DELIVERED
        message.detail = "Delivered."
        message.attempt("Delivered.")
        message.save(update_fields=["status", "detail", "attempts"])
        return message
    reason = NOT_DELIVERED[outcome]
    message.status = Status.FAILED
    message.detail = f"Not delivered: {reason}."
    message.attempt(message.detail)
    message.save(update_fields=["status", "detail", "attempts"])
    person = message.person
    report_undelivered(
        mail.Undelivered(
            organisation_id=message.organisation_id,
            assignee_ids=(),
            about=message.about,
            to=person.preferred_name,
            link=reverse("people:person", args=[person.pk]) + "#messages",
            person_id=person.pk,
        ),
        reason=f"it was not delivered: {reason}",
        key=f"undelivered:message:{message.pk}",
        by=BY[Channel(message.channel)],
    )
    return message

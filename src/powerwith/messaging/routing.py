"""Sending a person's message by the channel they chose (the router powerwith.core.mail
calls for every message that names a :class:`~powerwith.core.mail.Recipient`).

The builder writes the e-mail; this decides how it reaches the person: the e-mail itself,
a short text pointing to it, a letter to print, a call for their contact person to make,
or the message to the supporters they named. Each message is one :class:`Message` row,
whichever attempt or wait it is on, with every attempt written on it.
"""

from __future__ import annotations

import copy

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Organisation, User
from powerwith.core import mail
from powerwith.core.permissions import Capability, roles_with
from powerwith.core.phones import is_mobile
from powerwith.core.times import day_and_clock
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.messaging import backends
from powerwith.messaging.models import Channel, Message, Status
from powerwith.messaging.texts import phone_script, text_for
from powerwith.messaging.timing import wait_until
from powerwith.people.choices import Channel as Chosen
from powerwith.people.choices import SupporterMay
from powerwith.people.models import Person, Supporter
from powerwith.people.queries.supporters import supporters_who_may

CHOSEN = {
    Chosen.EMAIL: Channel.EMAIL,
    Chosen.TEXT: Channel.TEXT,
    Chosen.POST: Channel.LETTER,
    Chosen.PHONE: Channel.PHONE,
    Chosen.SUPPORTER: Channel.SUPPORTER,
}
BY = {
    Channel.EMAIL: "e-mail",
    Channel.TEXT: "text message",
    Channel.LETTER: "letter",
    Channel.PHONE: "phone call",
    Channel.SUPPORTER: "message through a supporter",
}


class Unreachable(Exception):
    """The person cannot be reached by this channel until someone changes their profile."""


def channel_for(person: Person) -> Channel:
    """The channel the person chose; with none chosen, e-mail, or else whatever their
    profile makes possible (a mobile number, then a postal address)."""
    if person.preferred_channel in CHOSEN:
        return CHOSEN[Chosen(person.preferred_channel)]
    if not person.email and person.phone and is_mobile(person.phone):
        return Channel.TEXT
    if not person.email and person.postal_address.strip():
        return Channel.LETTER
    return Channel.EMAIL


def why_unreachable(person: Person, channel: Channel | None = None) -> str | None:
    """Why a message cannot reach the person by their channel (or ``channel``), in words
    for the sender; None when it can. The router and the pages that send ask the same."""
    channel = channel or channel_for(person)
    if channel == Channel.EMAIL and not person.email:
        return "there is no e-mail address on their profile"
    if channel == Channel.TEXT and not (person.phone and is_mobile(person.phone)):
        return "there is no mobile number on their profile"
    if channel == Channel.LETTER and not person.postal_address.strip():
        return "there is no postal address on their profile"
    if channel == Channel.PHONE and not person.phone:
        return "there is no phone number on their profile"
    if channel == Channel.SUPPORTER and not supporters_who_may(
        person, SupporterMay.RECEIVE_MESSAGES
    ):
        return "they have no supporter who may get messages for them"
    return None


def _full_link(link: str) -> str:
    return f"{settings.SITE_URL}{link}" if link.startswith("/") else link


def _new_message(letter: mail.Letter, person: Person, key: str) -> Message:
    recipient = letter.recipient
    undelivered = letter.undelivered
    assert recipient is not None
    assert undelivered is not None
    return Message.objects.create(
        organisation_id=undelivered.organisation_id,
        person=person,
        channel=channel_for(person),
        about=undelivered.about[:300],
        topic=recipient.topic,
        reminder=recipient.reminder,
        key=key[:120],
        subject=str(letter.email.subject)[:300],
        body=str(letter.email.body),
        formats=list(person.formats),
        link=_full_link(recipient.link or undelivered.link),
        enclosure=recipient.enclosure[:120],
    )


def route(
    letter: mail.Letter,
    *,
    key: str,
    attempt: int,
    message_id: int | None,
    last: bool,
    may_wait: bool,
) -> mail.Routed:
    recipient = letter.recipient
    assert recipient is not None
    if letter.undelivered is None:
        raise TypeError("A message for a person must say who hears if it cannot be sent.")
    person = Person.objects.get(pk=recipient.person_id)
    message = Message.objects.filter(pk=message_id).first() if message_id else None
    if message is None:
        if recipient.reminder and not person.wants_reminders:
            return mail.Routed("not sent: the person has stopped reminders")
        message = _new_message(letter, person, key)
    if message.status in (Status.SENT, Status.DELIVERED, Status.POSTED, Status.CALLED):
        return mail.Routed("already sent", message.pk)

    # A supporter may be reached by text too: their phone is kept as quiet at night.
    by_text = message.channel in (Channel.TEXT, Channel.SUPPORTER)
    wait = wait_until(
        now=timezone.now(),
        by_text=by_text,
        reminder=message.reminder,
        reminder_time=person.reminder_time,
    )
    if wait is not None and may_wait:
        message.detail = f"Waiting until {day_and_clock(wait, 'j F')}."
        message.save(update_fields=["detail"])
        return mail.Routed("waiting", message.pk, wait)

    try:
        outcome = _send(message, letter, person)
    except Unreachable as error:
        _record(message, Status.FAILED, f"Not sent: {error}.")
        raise mail.NotDelivered(
            str(error), message_id=message.pk, by=BY[Channel(message.channel)], retry=False
        ) from None
    except backends.CannotSend as error:
        _record(message, Status.FAILED, f"Not sent: {error}.")
        raise mail.NotDelivered(
            str(error), message_id=message.pk, by=BY[Channel(message.channel)], retry=False
        ) from None
    except Exception as error:
        reason = (
            str(error) if isinstance(error, backends.ProviderRefused) else mail.reason_for(error)
        )
        more = "" if last else " Trying again later."
        _record(message, Status.FAILED, f"Attempt {attempt} failed: {reason}.{more}")
        raise mail.NotDelivered(
            reason, message_id=message.pk, by=BY[Channel(message.channel)]
        ) from None
    return mail.Routed(outcome, message.pk)


def _record(message: Message, status: str, detail: str) -> None:
    message.status = status
    message.detail = detail[:300]
    message.attempt(detail)
    message.save()


def _send(message: Message, letter: mail.Letter, person: Person) -> str:
    organisation = message.organisation.name
    reference = f"message-{message.pk}"
    channel = Channel(message.channel)
    problem = why_unreachable(person, channel)
    if problem is not None:
        raise Unreachable(problem)
    if channel == Channel.EMAIL:
        email = copy.copy(letter.email)
        email.to = [person.email]
        message.to = person.email
        message.provider_id = backends.send_email(email, reference=reference)
        _record(message, Status.SENT, "Sent by e-mail.")
        return "sent"
    if channel == Channel.TEXT:
        message.body = text_for(
            message.topic, name=person.preferred_name, organisation=organisation, link=message.link
        )
        message.to = person.phone
        message.provider_id = backends.send_text(person.phone, message.body, reference=reference)
        _record(message, Status.SENT, "Sent by text message.")
        return "sent"
    if channel == Channel.LETTER:
        message.postal_address = person.postal_address
        _record(message, Status.QUEUED, "Waiting to be printed and posted.")
        return "queued for post"
    if channel == Channel.PHONE:
        return _call_task(message, letter, person)
    return _to_supporters(message, letter, person)


def _contacts(letter: mail.Letter, organisation: Organisation) -> list[User]:
    assert letter.recipient is not None
    assert letter.undelivered is not None
    wanted = [i for i in letter.recipient.contact_ids or letter.undelivered.assignee_ids if i]
    members = User.objects.filter(is_active=True, memberships__organisation=organisation)
    found = list(members.filter(pk__in=wanted))
    if not found:
        found = list(
            members.filter(
                memberships__role__in=roles_with(Capability.CLOSE_ANYONES_TASKS)
            ).distinct()
        )
    return found


def _call_task(message: Message, letter: mail.Letter, person: Person) -> str:
    script = phone_script(
        message.topic,
        name=person.preferred_name,
        organisation=message.organisation.name,
        about=message.about,
    )
    message.body = f"{script}\n\nWhat the message says:\n\n{letter.email.body}"
    message.to = person.phone
    with transaction.atomic():
        _record(message, Status.QUEUED, "A call to make, on the contact person's list.")
        raise_action(
            organisation=message.organisation,
            assignees=_contacts(letter, message.organisation),
            kind=ActionKind.CALL,
            key=f"call:{message.pk}",
            title=f"Phone {person.preferred_name} about {message.about}"[:300],
            link=reverse("messaging:call", kwargs={"call_id": message.pk}),
            person=person,
        )
    return "call to make"


def _to_supporters(message: Message, letter: mail.Letter, person: Person) -> str:
    supporters = supporters_who_may(person, SupporterMay.RECEIVE_MESSAGES)
    sent_to = []
    for supporter in supporters:
        _to_supporter(message, letter, person, supporter)
        sent_to.append(supporter.name)
    message.supporter = supporters[0]
    message.to = ", ".join(sent_to)[:254]
    _record(message, Status.SENT, f"Sent to {message.to}, for {person.preferred_name}.")
    return "sent"


def _to_supporter(
    message: Message, letter: mail.Letter, person: Person, supporter: Supporter
) -> None:
    reference = f"message-{message.pk}-supporter-{supporter.pk}"
    if supporter.email:
        email = copy.copy(letter.email)
        email.to = [supporter.email]
        email.subject = f"For {person.preferred_name}: {letter.email.subject}"
        email.body = (
            f"This message is for {person.preferred_name}, who named you as their "
            f"supporter. Please pass it on to them.\n\n{letter.email.body}"
        )
        backends.send_email(email, reference=reference)
    elif supporter.phone and is_mobile(supporter.phone):
        body = text_for(
            message.topic,
            name=person.preferred_name,
            organisation=message.organisation.name,
            link=message.link,
            for_supporter=person.preferred_name,
        )
        backends.send_text(supporter.phone, body, reference=reference)
    else:
        raise Unreachable(
            f"their supporter {supporter.name} has no e-mail address or mobile number"
        )

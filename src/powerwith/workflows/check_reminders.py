"""Reminders before a safe-to-work check expires, to the person and their contact person.

A person's contact person is the contact (and backup contact) of the work they were
offered with the organisation; without one, whoever recorded the check. ``REMIND_DAYS``
before a check expires, the person is sent a reminder by the channel they chose and their
contact person an e-mail, once for each record (``CheckReminder``): a renewal is a new
record, reminded afresh. Here, in workflows, because it reads offers and checks together.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts.models import User
from powerwith.core import mail
from powerwith.offers.models import Offer
from powerwith.people.models import Person
from powerwith.safe_to_work import rules
from powerwith.safe_to_work.models import CheckRecord, CheckReminder
from powerwith.safe_to_work.queries import held_by

REMIND_DAYS = 30


def who_to_ask(organisation_id: int, person: Person) -> list[User]:
    """Who the person asks about renewing a check: their contact people at the
    organisation, else whoever recorded their latest check."""
    found: dict[int, User] = {}
    offers = (
        Offer.objects.filter(person=person, organisation_id=organisation_id)
        .select_related("opportunity__contact_user", "opportunity__backup_contact_user")
        .order_by("-pk")
    )
    for offer in offers:
        for user in (offer.opportunity.contact_user, offer.opportunity.backup_contact_user):
            if user is not None and user.is_active:
                found.setdefault(user.pk, user)
    if found:
        return list(found.values())
    latest = (
        CheckRecord.objects.filter(person=person, organisation_id=organisation_id)
        .select_related("recorded_by")
        .order_by("-pk")
        .first()
    )
    return [latest.recorded_by] if latest is not None and latest.recorded_by.is_active else []


def _what(record: CheckRecord) -> str:
    return rules.label_of(record.kind, record.level, record.name)


def _load(record_id: int) -> CheckRecord:
    return CheckRecord.objects.select_related("person", "organisation").get(pk=record_id)


@mail.message
def check_expires_soon(record_id: int) -> mail.Letter | None:
    """To the person, by the channel they chose."""
    record = _load(record_id)
    person, organisation = record.person, record.organisation
    if record.expires_on is None:
        return None
    contacts = who_to_ask(organisation.pk, person)
    ask = ", ".join(user.full_name or user.email for user in contacts) or organisation.name
    link = settings.SITE_URL + reverse("safe_to_work:my_checks")
    body = (
        f"Hello {person.preferred_name},\n\n"
        f"Your {_what(record)} with {organisation.name} ends on "
        f"{date_format(record.expires_on, 'j F Y')}.\n"
        "Until it is renewed, you cannot be booked for work that needs it.\n\n"
        f"To renew it, or if you have questions, ask {ask}. They can help you.\n\n"
        f"You can see your checks here:\n{link}\n"
    )
    return mail.Letter(
        EmailMessage(
            subject=f"A check for your work with {organisation.name} ends soon",
            body=body,
            to=[person.email],
        ),
        mail.Undelivered(
            organisation_id=organisation.pk,
            assignee_ids=tuple(user.pk for user in contacts),
            about="a check that ends soon",
            to=person.preferred_name,
            link=reverse("safe_to_work:person_checks", args=[person.pk]),
            person_id=person.pk,
        ),
        mail.Recipient(
            person.pk,
            "check_expires",
            link=link,
            reminder=True,
            contact_ids=tuple(user.pk for user in contacts),
        ),
    )


@mail.message
def contact_check_expires_soon(record_id: int, user_id: int) -> mail.Letter | None:
    """To one of the person's contact people."""
    record = _load(record_id)
    user = User.objects.get(pk=user_id)
    if record.expires_on is None or not user.is_active or not user.email:
        return None
    person, organisation = record.person, record.organisation
    link = settings.SITE_URL + reverse("safe_to_work:person_checks", args=[person.pk])
    body = (
        f"The {_what(record)} of {person.preferred_name} at {organisation.name} ends on "
        f"{date_format(record.expires_on, 'j F Y')}.\n\n"
        f"Until it is renewed, {person.preferred_name} cannot be sent offers or booked for "
        "work that needs it. They have been told too. You can help them renew it, and "
        f"record the renewal here:\n{link}\n"
    )
    return mail.Letter(
        EmailMessage(
            subject=f"A check of {person.preferred_name} ends soon", body=body, to=[user.email]
        ),
        mail.Undelivered(
            organisation_id=organisation.pk,
            assignee_ids=(user.pk,),
            about=f"a check of {person.preferred_name} that ends soon",
            to="you",
            link=reverse("safe_to_work:person_checks", args=[person.pk]),
        ),
    )


def _due(today: datetime) -> list[CheckRecord]:
    """The records that expire within the window and are still each person's current
    record of that check, not yet reminded of."""
    day = timezone.localdate(today)
    candidates = list(
        CheckRecord.objects.filter(
            held=True, expires_on__gt=day, expires_on__lte=day + timedelta(days=REMIND_DAYS)
        )
        .exclude(pk__in=CheckReminder.objects.values("record_id"))
        .select_related("person")
        .order_by("pk")
    )
    people: dict[int, set[int]] = defaultdict(set)
    for record in candidates:
        people[record.organisation_id].add(record.person_id)
    current = {
        held.record_id
        for organisation_id, ids in people.items()
        for checks in held_by(organisation_id, ids).values()
        for held in checks.values()
    }
    return [record for record in candidates if record.pk in current]


def _note(record: CheckRecord, now: datetime) -> bool:
    try:
        with transaction.atomic():
            _, made = CheckReminder.objects.get_or_create(record=record, defaults={"sent_at": now})
    except IntegrityError:
        return False
    return made


def sweep(now: datetime) -> int:
    """Queue the reminders due at ``now``; how many checks were reminded of."""
    count = 0
    for record in _due(now):
        with transaction.atomic():
            if not _note(record, now):
                continue
            mail.send_on_commit(check_expires_soon, record.pk)
            for user in who_to_ask(record.organisation_id, record.person):
                mail.send_on_commit(contact_check_expires_soon, record.pk, user.pk)
        count += 1
    return count

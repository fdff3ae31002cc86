"""E-mails about the consent ledger: each checkpoint the worker writes goes to the auditors
of every organisation that asked for it (``Organisation.checkpoints_to_auditors``, off
unless an admin turns it on), so the anchor also lives in a mailbox outside this service
(docs/adr/018-anchored-ledger.md).

A checkpoint holds no one's personal details: the newest event's id and hash, how many
events the whole ledger holds, when it was written, the id of the key and the signature.
The message carries the signed file itself, so an auditor can check it later; the task
takes the auditor's membership id and the checkpoint's time as a number, nothing else.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.consent import ledger
from powerwith.core import mail
from powerwith.core.permissions import Capability, roles_with
from powerwith.core.roles import Role
from powerwith.core.times import day_and_clock

# Who a checkpoint is sent to (an address, not a permission): the organisation's auditors.
RECIPIENTS = Role.AUDITOR
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)


def stamp_of(moment: datetime) -> int:
    """A checkpoint's time as whole microseconds since 1970: the task's handle on it."""
    return (moment.astimezone(UTC) - EPOCH) // MICROSECOND


def queue_checkpoint(written_at: datetime) -> int:
    """Queue the checkpoint written at ``written_at`` for each auditor of each
    organisation that asked for them: one message each, so no auditor sees another's
    address. Answers how many were queued."""
    auditors = list(
        Membership.objects.filter(
            role=RECIPIENTS,
            organisation__checkpoints_to_auditors=True,
            user__is_active=True,
        ).values_list("pk", flat=True)
    )
    stamp = stamp_of(written_at)
    for membership_id in auditors:
        mail.send_on_commit(checkpoint_to_auditor, membership_id, stamp)
    return len(auditors)


@mail.message
def checkpoint_to_auditor(membership_id: int, stamp: int) -> mail.Letter | None:
    """Not sent when the organisation has turned it off since, the member is no longer
    an auditor, or the checkpoint's file is gone or no longer signed."""
    membership = Membership.objects.select_related("organisation", "user").get(pk=membership_id)
    organisation = membership.organisation
    if (
        membership.role != RECIPIENTS
        or not organisation.checkpoints_to_auditors
        or not membership.user.is_active
    ):
        return None
    found = next(
        (
            c
            for c in ledger.checkpoints()
            if c.signed and c.written_at is not None and stamp_of(c.written_at) == stamp
        ),
        None,
    )
    if found is None or found.written_at is None:
        return None
    text = found.path.read_text(encoding="utf-8")
    signed = json.loads(text)
    context = {
        "organisation": organisation,
        "checkpoint": found,
        "key_id": signed.get("key_id", ""),
        "signature": signed.get("signature", ""),
    }
    email = EmailMessage(
        subject=f"Consent ledger checkpoint, {day_and_clock(found.written_at, 'j F Y')}",
        body=render_to_string("consent/email/checkpoint.txt", context),
        to=[membership.user.email],
    )
    email.attach(found.path.name, text, "application/json")
    # Those who can turn it off hear when it cannot be sent.
    admins = Membership.objects.filter(
        organisation=organisation, role__in=roles_with(Capability.CHANGE_SETTINGS)
    )
    return mail.Letter(
        email,
        mail.Undelivered(
            organisation_id=organisation.pk,
            assignee_ids=tuple(admins.values_list("user_id", flat=True)),
            about="the consent ledger's checkpoint",
            to="an auditor",
            link=reverse("accounts:organisation_settings"),
        ),
    )

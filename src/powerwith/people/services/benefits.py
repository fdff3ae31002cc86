"""Writes for benefits: the organisation's benefits-advice page, kept by its admins, and
the weekly earnings limits a person chooses to record for themself.

A limit is never changed in place: a new limit is a new row from its own date, so the
history of what applied when is kept.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.people.models import EarningsLimit, Person

MAX_ADVICE = 8000
MAX_WEEKLY = Decimal("100000")
MAX_NOTE = 200


@transaction.atomic
def set_benefits_advice(*, by: Membership, text: str) -> Organisation:
    if not can(by, Capability.CHANGE_SETTINGS):
        raise NotAllowed("Only an organisation admin can change the benefits advice.")
    text = text.strip()
    if len(text) > MAX_ADVICE:
        raise InvalidInput(
            f"The benefits advice can be up to {MAX_ADVICE} characters.", field="benefits_advice"
        )
    organisation = Organisation.objects.select_for_update().get(pk=by.organisation_id)
    if organisation.benefits_advice != text:
        organisation.benefits_advice = text
        organisation.benefits_advice_updated_at = timezone.now()
        organisation.save(update_fields=["benefits_advice", "benefits_advice_updated_at"])
        audit.record(
            actor=by.user,
            action="organisation.benefits_advice_changed",
            organisation=organisation,
            target=organisation,
            characters=len(text),
        )
    return organisation


@transaction.atomic
def add_earnings_limit(
    person: Person, *, user: User, weekly_amount: Decimal, valid_from: dt.date, note: str = ""
) -> EarningsLimit:
    """Record a weekly earnings limit from a date. Only the person records their own."""
    if person.user_id is None or person.user_id != user.pk:
        raise NotAllowed("Only the person can record their own earnings limit.")
    if weekly_amount < 0 or weekly_amount > MAX_WEEKLY:
        raise InvalidInput("Enter a weekly limit from 0 to 100,000 pounds.", field="weekly_amount")
    if weekly_amount != weekly_amount.quantize(Decimal("0.01")):
        raise InvalidInput(
            "Enter the weekly limit in pounds and pence, like 195.50.", field="weekly_amount"
        )
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"The note can be up to {MAX_NOTE} characters.", field="note")
    limit = EarningsLimit.objects.create(
        person=person, weekly_amount=weekly_amount, valid_from=valid_from, note=note.strip()
    )
    # The amount is the person's own business: the audit says only that one was recorded.
    audit.record(actor=user, action="earnings_limit.added", target=limit)
    return limit

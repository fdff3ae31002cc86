"""Writes for benefits: the organisation's benefits-advice page, kept by its admins, the
weekly earnings limits a person chooses to record for themself, and which benefit's rules
apply to them, if they choose to say.

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
from powerwith.people.choices import Benefit
from powerwith.people.models import BenefitsSituation, EarningsLimit, Person

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


RATHER_NOT_SAY = ""


@transaction.atomic
def choose_benefit(
    person: Person, *, user: User, benefit: str, shared: bool = False
) -> BenefitsSituation | None:
    """The person says which benefit's rules about earnings apply to them, and whether the
    organisations they share their details with may see it. ``RATHER_NOT_SAY`` removes
    whatever they said before: nothing about their benefits is kept. Only the person
    chooses; the date of each change is kept with the choice and in the audit log, which
    never names the benefit."""
    if person.user_id is None or person.user_id != user.pk:
        raise NotAllowed("Only the person can say which benefit they get.")
    if benefit != RATHER_NOT_SAY and benefit not in Benefit.values:
        raise InvalidInput("Choose one of the answers, or I'd rather not say.", field="benefit")
    current = BenefitsSituation.objects.select_for_update().filter(person=person).first()
    if benefit == RATHER_NOT_SAY:
        if current is not None:
            current.delete()
            audit.record(actor=user, action="benefits_situation.changed", target=person)
        return None
    if current is not None and current.benefit == benefit and current.shared == shared:
        return current
    if current is None:
        current = BenefitsSituation(person=person)
    current.benefit = benefit
    current.shared = shared
    current.chosen_at = timezone.now()
    current.save()
    audit.record(actor=user, action="benefits_situation.changed", target=person)
    return current

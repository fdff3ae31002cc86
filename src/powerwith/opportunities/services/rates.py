"""The organisation's rate card: dated rates, added and never edited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.choices import RewardBasis
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.opportunities import rules
from powerwith.opportunities.models import RateCard


@transaction.atomic
def set_rate(
    *, by: Membership, basis: str, amount: Any, valid_from: dt.date, note: str = ""
) -> RateCard:
    """A new rate from a date. Rates are never edited: an offer already accepted keeps
    the amount it was accepted at, and an old rate stays on the record."""
    if not can(by, Capability.SET_RATES):
        raise NotAllowed("Only an organisation admin can change the rate card.")
    if basis not in rules.PAID_BASES:
        raise InvalidInput(
            f"Unknown basis for a rate '{basis}'. Use one of: {rules.valid(rules.PAID_BASES)}.",
            field="basis",
        )
    cleaned = rules.check_amount(basis, rules.number("amount", amount, "25.00"), field="amount")
    if cleaned is None:
        raise InvalidInput("Enter the amount in pounds, like 25.00.", field="amount")
    if not isinstance(valid_from, dt.date) or valid_from < timezone.localdate():
        raise InvalidInput(
            "A new rate starts today or later: rates already in use are never changed.",
            field="valid_from",
        )
    note = str(note or "").strip()
    if len(note) > 200:
        raise InvalidInput("The note must be 200 characters or fewer.", field="note")
    rate = RateCard.objects.create(
        organisation=by.organisation,
        basis=RewardBasis(basis),
        amount=cleaned,
        valid_from=valid_from,
        note=note,
        created_by=by.user,
    )
    audit.record(
        actor=by.user,
        action="rate_card.rate_added",
        organisation=by.organisation,
        target=rate,
        basis=basis,
        amount=str(cleaned),
        valid_from=valid_from.isoformat(),
    )
    return rate

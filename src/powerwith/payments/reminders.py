"""Overdue claims: a claim not paid (still waiting for approval, or approved) longer than
the organisation's payment target is put on the "action needed" list of each of its
coordinators and admins.

Each claim is flagged once (``claim_overdue:<id>``): running the sweep again, or after
someone has ticked the task off, adds nothing. Paying, rejecting or withdrawing the
claim closes the task.
"""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.formats import date_format

from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.payments import queries


def sweep(now: datetime) -> int:
    """Flag the claims that became overdue by ``now``; how many were flagged."""
    flagged = 0
    for organisation in queries.organisations_with_unpaid_claims():
        overdue = queries.overdue_claims(organisation, now)
        already = queries.flagged_overdue(organisation)
        managers = queries.managers_of(organisation)
        for claim in overdue.exclude(pk__in=already):
            raised = raise_action(
                organisation=organisation,
                assignees=managers,
                kind=ActionKind.CLAIM_OVERDUE,
                key=queries.OVERDUE_KEY.format(claim.pk),
                title=(
                    f"{claim.person.preferred_name}'s claim of £{claim.amount} from "
                    f"{date_format(queries.claimed_on(claim), 'j F Y')} is not paid: the "
                    f"target is {organisation.payment_target_days} days"
                ),
                link=reverse("payments:claim", kwargs={"claim_id": claim.pk}),
                person=claim.person,
            )
            flagged += 1 if raised else 0
    return flagged

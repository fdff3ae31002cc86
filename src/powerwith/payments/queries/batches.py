"""Payment batches of approved claims."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.payments.models import (
    BatchClaim,
    Claim,
    ClaimStatus,
    PaymentBatch,
)
from powerwith.payments.queries.claims import require_manager


def claims_to_batch(membership: Membership) -> QuerySet[Claim]:
    """The organisation's approved claims not in a live payment batch: never put in one,
    or put in one that was set aside."""
    require_manager(membership)
    in_batches = BatchClaim.objects.filter(
        batch__organisation=membership.organisation, set_aside=False
    )
    return Claim.objects.filter(
        organisation=membership.organisation, status=ClaimStatus.APPROVED
    ).exclude(pk__in=in_batches.values("claim_id"))


def batches_of(membership: Membership) -> QuerySet[PaymentBatch]:
    require_manager(membership)
    return PaymentBatch.objects.filter(organisation=membership.organisation).select_related(
        "prepared_by", "paid_by", "set_aside_by"
    )


def get_batch_for(membership: Membership, batch_id: int) -> PaymentBatch:
    found = batches_of(membership).filter(pk=batch_id).first()
    if found is None:
        raise Http404("No such payment batch.")
    return found


def lines_of(batch: PaymentBatch) -> QuerySet[BatchClaim]:
    return BatchClaim.objects.filter(batch=batch).select_related(
        "claim__person", "claim__offer__opportunity", "claim__organisation"
    )


def my_paid_lines(user: User) -> QuerySet[BatchClaim]:
    """What each paid batch paid this person, from every organisation they work with:
    only their own claims' lines, in batches marked paid and not set aside."""
    return (
        BatchClaim.objects.filter(
            claim__person__user=user, batch__paid_on__isnull=False, set_aside=False
        )
        .select_related("batch__organisation", "claim__person", "claim__offer__opportunity")
        .order_by("-batch__paid_on", "batch_id", "claim_id")
    )


def my_remittances(user: User) -> list[tuple[PaymentBatch, Decimal]]:
    """The person's remittance advices, newest first: each paid batch and what it paid them."""
    totals: dict[int, Decimal] = {}
    found: dict[int, PaymentBatch] = {}
    for line in my_paid_lines(user):
        found.setdefault(line.batch_id, line.batch)
        totals[line.batch_id] = totals.get(line.batch_id, Decimal("0.00")) + line.amount
    return [(batch, totals[batch_id]) for batch_id, batch in found.items()]


def my_remittance_lines(user: User, batch_id: int) -> list[BatchClaim]:
    """The person's own lines of one paid batch; 404 for a batch that paid them nothing."""
    # Looked up by its own key first: a number too large for the database finds nothing.
    batch = PaymentBatch.objects.filter(pk=batch_id).first()
    lines = list(my_paid_lines(user).filter(batch=batch)) if batch is not None else []
    if not lines:
        raise Http404("No remittance advice for you in that payment.")
    return lines

"""Payment batches of approved claims."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership
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

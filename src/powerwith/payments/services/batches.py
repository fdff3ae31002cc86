"""Payment batches: gathering the approved claims for the finance team, marking a batch
paid, which records every claim's payment step in one transaction, once, and setting aside
a batch that will not be paid, which releases its claims for a new batch."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.payments import queries
from powerwith.payments.models import BatchClaim, Claim, ClaimStatus, PaymentBatch
from powerwith.payments.services.steps import record_payment


class BatchChanged(Conflict):
    """A batch whose claims changed since it was prepared: it is set aside, and its claims
    go into a new batch as they are now."""


@transaction.atomic
def prepare_batch(*, by: Membership) -> PaymentBatch:
    """Every approved claim of the organisation not yet in a batch, with its amount and
    route as they are now."""
    queries.require_manager(by)
    claims = list(
        queries.claims_to_batch(by).select_for_update(of=("self",)).order_by("person_id", "id")
    )
    if not claims:
        raise Conflict("There are no approved claims waiting to be paid.")
    batch = PaymentBatch.objects.create(organisation=by.organisation, prepared_by=by.user)
    BatchClaim.objects.bulk_create(
        BatchClaim(batch=batch, claim=c, amount=c.amount, route=c.route) for c in claims
    )
    audit.record(
        actor=by.user,
        action="payment_batch.prepared",
        organisation=by.organisation,
        target=batch,
        claims=len(claims),
    )
    return batch


def _changes(batch: PaymentBatch) -> list[str]:
    """What changed in the batch's claims since it was prepared, in words."""
    changes = []
    for line in queries.lines_of(batch):
        claim: Claim = line.claim
        who = claim.person.preferred_name
        if claim.status != ClaimStatus.APPROVED:
            changes.append(f"Claim {claim.pk} ({who}) is now {claim.get_status_display().lower()}.")
        elif claim.amount != line.amount:
            changes.append(f"Claim {claim.pk} ({who}) is now £{claim.amount}, not £{line.amount}.")
        elif claim.route != line.route:
            changes.append(
                f"Claim {claim.pk} ({who}) is now paid by {claim.get_route_display().lower()}."
            )
    return changes


@transaction.atomic
def mark_batch_paid(
    batch: PaymentBatch, *, by: Membership, paid_on: date | None, note: str = ""
) -> PaymentBatch:
    """Record the payment of every claim in the batch on ``paid_on``, all or none. A batch
    is paid once; one whose claims changed since it was prepared is refused, saying what
    changed, so the finance team pays only what the files they have say."""
    queries.require_manager(by)
    locked = PaymentBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.paid_on is not None:
        raise Conflict(
            f"This batch was already marked paid on {date_format(locked.paid_on, 'j F Y')}: "
            "it cannot be paid twice."
        )
    if locked.set_aside_at is not None:
        raise Conflict(
            "This batch was set aside on "
            f"{date_format(timezone.localtime(locked.set_aside_at), 'j F Y')}: it cannot be "
            "paid. Its claims can go into a new batch."
        )
    if paid_on is None:
        raise InvalidInput("Enter the date the batch was paid.", field="paid_on")
    if paid_on > timezone.localdate():
        raise InvalidInput("The date paid cannot be in the future.", field="paid_on")
    changes = _changes(locked)
    if changes:
        raise BatchChanged(
            "The batch changed since it was prepared, so it is not marked paid. Set this "
            "batch aside, then prepare a new batch with the claims as they are now. "
            + " ".join(changes)
        )
    for line in queries.lines_of(locked):
        record_payment(line.claim, by=by, paid_on=paid_on, note=note or f"Batch {locked.pk}")
    locked.paid_on = paid_on
    locked.paid_by = by.user
    locked.save(update_fields=["paid_on", "paid_by"])
    audit.record(
        actor=by.user,
        action="payment_batch.paid",
        organisation=by.organisation,
        target=locked,
        paid_on=paid_on.isoformat(),
    )
    return locked


@transaction.atomic
def set_batch_aside(batch: PaymentBatch, *, by: Membership) -> PaymentBatch:
    """Set aside a batch that has not been paid (refused because its claims changed, or
    abandoned): recorded with who and when, it can no longer be paid, and its claims may go
    into a new batch. A paid batch is never set aside: its claims' payments stand."""
    queries.require_manager(by)
    locked = PaymentBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.paid_on is not None:
        raise Conflict(
            f"This batch was paid on {date_format(locked.paid_on, 'j F Y')}: a paid batch "
            "cannot be set aside."
        )
    if locked.set_aside_at is not None:
        raise Conflict(
            "This batch was already set aside on "
            f"{date_format(timezone.localtime(locked.set_aside_at), 'j F Y')}."
        )
    locked.set_aside_at = timezone.now()
    locked.set_aside_by = by.user
    locked.save(update_fields=["set_aside_at", "set_aside_by"])
    released = BatchClaim.objects.filter(batch=locked).update(set_aside=True)
    audit.record(
        actor=by.user,
        action="payment_batch.set_aside",
        organisation=by.organisation,
        target=locked,
        claims=released,
    )
    return locked

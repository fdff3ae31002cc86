"""Approved claims gathered for the finance team to pay together."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.payments.models.claims import Claim
from powerwith.payments.models.routes import PayRoute


class PaymentBatch(models.Model):
    """Approved claims gathered for the finance team to pay together (``payments.batches``):
    the exports are made from it, and marking it paid records each claim's payment in one
    transaction. Paid once. A batch not paid may be set aside instead (recorded with who
    and when), which releases its claims for a new batch."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="payment_batches"
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    prepared_at = models.DateTimeField(default=timezone.now)
    paid_on = models.DateField(null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    set_aside_at = models.DateTimeField(null=True, blank=True)
    set_aside_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-prepared_at", "-id"]

    def __str__(self) -> str:
        return f"Payment batch {self.pk}"


class BatchClaim(models.Model):
    """A claim in a batch, with its amount and route as they were when it was prepared:
    a batch whose claims changed since is refused when marked paid. ``set_aside`` follows
    its batch's, so that the database itself keeps a claim in one live batch at most."""

    batch = models.ForeignKey(PaymentBatch, on_delete=models.PROTECT, related_name="lines")
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    route = models.CharField(max_length=16, choices=PayRoute.choices)
    set_aside = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]
        constraints = [
            # A claim is in one live batch only, so it is paid once; a batch set aside
            # lets its claims go into a new one.
            models.UniqueConstraint(
                fields=["claim"],
                condition=models.Q(set_aside=False),
                name="claim_in_one_live_batch",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim} in {self.batch}"

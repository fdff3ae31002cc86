"""Payment timeliness: of the claims paid in a period, how many were paid within the
organisation's target, and the median days from claim to payment. One definition for
the claims page and ``GET /api/v1/payments/timeliness`` (over the last 12 months:
``powerwith.core.figures.last_twelve_months``) and the dashboard (its page, report, CSV and
API, over its months), so the two agree over the same months.

A claim counts when it was paid in the period (``paid_on`` within it); its days are from
the day it was made (local date) to the day it was paid, and it is within the target
when they are no more than the organisation's ``payment_target_days``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.figures import Period, Share
from powerwith.payments.models import Claim, ClaimStatus


@dataclass(frozen=True)
class PaymentTimeliness:
    target_days: int
    paid: int
    within_target: int
    median_days: float | None

    @property
    def share(self) -> Share:
        return Share(self.within_target, self.paid)


def payment_timeliness(organisation: Organisation, period: Period) -> PaymentTimeliness:
    paid = Claim.objects.filter(
        organisation=organisation,
        status=ClaimStatus.PAID,
        paid_on__gte=period.first,
        paid_on__lt=period.end.date(),
    ).values_list("created_at", "paid_on")
    days = [(paid_on - timezone.localdate(made)).days for made, paid_on in paid if paid_on]
    target = organisation.payment_target_days
    return PaymentTimeliness(
        target_days=target,
        paid=len(days),
        within_target=sum(1 for d in days if d <= target),
        median_days=float(statistics.median(days)) if days else None,
    )

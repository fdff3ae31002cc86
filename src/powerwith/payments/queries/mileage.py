"""The mileage rate card, for those who read rates."""

from __future__ import annotations

from django.db.models import QuerySet

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, require
from powerwith.payments.models import MileageRate


def mileage_rates_of(membership: Membership) -> QuerySet[MileageRate]:
    """The organisation's own lines of the mileage rate card, for those who read rates."""
    require(membership, Capability.READ_RATES, "Only coordinators and admins can see rates.")
    return MileageRate.objects.filter(organisation=membership.organisation).select_related(
        "created_by"
    )

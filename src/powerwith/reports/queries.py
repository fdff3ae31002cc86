"""Reads for reports, scoped to the membership's organisation. Coordinators, admins and
auditors (read-only) see scorecards; experts and contact people do not; another
organisation's opportunity is a 404."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, require
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.reports.scorecard import Scorecard, scorecard


def scorecard_for(
    membership: Membership, opportunity_id: int, now: datetime | None = None
) -> Scorecard:
    require(
        membership,
        Capability.READ_SCORECARDS,
        "Only coordinators, admins and auditors can see scorecards.",
    )
    opportunity = get_opportunity_for(membership, opportunity_id)
    return scorecard(opportunity, now or timezone.now())

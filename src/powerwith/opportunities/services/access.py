"""Who may change an opportunity."""

from __future__ import annotations

from powerwith.accounts.models import Membership
from powerwith.core.errors import NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.opportunities.models import Opportunity


def require_manager(by: Membership, opportunity: Opportunity | None = None) -> None:
    if not can(by, Capability.MANAGE_OPPORTUNITIES):
        raise NotAllowed("Only coordinators and admins can create or change opportunities.")
    if opportunity is not None and opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That opportunity belongs to another organisation.")

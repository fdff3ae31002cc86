"""Who may change an opportunity."""

from __future__ import annotations

from powerwith.accounts.models import Membership
from powerwith.core.errors import NotAllowed
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.queries import can_manage_opportunities


def require_manager(by: Membership, opportunity: Opportunity | None = None) -> None:
    if not can_manage_opportunities(by):
        raise NotAllowed("Only coordinators and admins can create or change opportunities.")
    if opportunity is not None and opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That opportunity belongs to another organisation.")

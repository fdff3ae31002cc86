"""Who is asking, and whether they may change opportunities."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can


def require_manager(request: Request) -> Membership:
    membership = membership_of(request)
    if not can(membership, Capability.MANAGE_OPPORTUNITIES):
        raise PermissionDenied("Only coordinators and admins can create or change opportunities.")
    return membership

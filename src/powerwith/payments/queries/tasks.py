"""Who a claim's tasks and notices go to, and the tasks raised already."""

from __future__ import annotations

from django.db.models import QuerySet

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.permissions import Capability, roles_with
from powerwith.core.roles import Role
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.payments.models import UNPAID_STATUSES


def coordinators_of(organisation: Organisation) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(organisation=organisation, role=Role.COORDINATOR)
        .select_related("user")
        .order_by("user__email")
    ]


def managers_of(organisation: Organisation) -> list[User]:
    """The coordinators and admins: who hears of overdue claims."""
    return [
        m.user
        for m in Membership.objects.filter(
            organisation=organisation, role__in=roles_with(Capability.MANAGE_CLAIMS)
        )
        .select_related("user")
        .order_by("user__email")
    ]


def organisations_with_unpaid_claims() -> QuerySet[Organisation]:
    return Organisation.objects.filter(claims__status__in=UNPAID_STATUSES).distinct()


# The "action needed" keys of a claim's tasks, named once.
OVERDUE_KEY = "claim_overdue:{}"


TRAVEL_KEY = "travel_advance:{}"


def flagged_overdue(organisation: Organisation) -> list[int]:
    """The claims already put on someone's list as overdue, open or ticked off."""
    keys = ActionNeeded.objects.filter(
        organisation=organisation,
        kind=ActionKind.CLAIM_OVERDUE,
        key__startswith=OVERDUE_KEY.format(""),
    ).values_list("key", flat=True)
    return [int(key.split(":", 1)[1]) for key in keys]

from typing import Any

from powerwith.accounts.queries import memberships_of
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can


def membership(request: Request) -> dict[str, Any]:
    current = getattr(request, "membership", None)
    if current is None:
        return {"membership": None}
    return {
        "membership": current,
        "is_staff_member": can(current, Capability.WORK_AS_STAFF),
        "other_memberships": [m for m in memberships_of(request.user) if m.pk != current.pk],
    }

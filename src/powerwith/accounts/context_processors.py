from typing import Any

from powerwith.accounts.queries import memberships_of
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can


def _memberships(request: Request) -> list[Any]:
    """The user's memberships, as the middleware read them with the current one."""
    found = getattr(request, "memberships", None)
    return list(memberships_of(request.user)) if found is None else list(found)


def membership(request: Request) -> dict[str, Any]:
    """The acting membership, and what it may do (``{% if can.read_register %}``), so
    templates ask the capability table instead of naming roles."""
    current = getattr(request, "membership", None)
    if current is None:
        return {"membership": None}
    memberships = _memberships(request)
    others = [m for m in memberships if m.pk != current.pk]
    staff = any(can(m, Capability.WORK_AS_STAFF) for m in memberships)
    return {
        "membership": current,
        "can": {capability.value: can(current, capability) for capability in Capability},
        "other_memberships": others,
        # An expert by experience with several organisations sees all of them together on
        # their own pages (docs/adr/022): "at Hillview" would say otherwise.
        "signed_in_at": current.organisation.name if staff or not others else "",
    }

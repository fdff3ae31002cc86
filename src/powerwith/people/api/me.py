"""Who the token speaks for, over the API: the user, their role and their own profile.

The answer names the person's profile in the organisation, so it lives with the register
(people) rather than with accounts, which sits below it.
"""

from __future__ import annotations

from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.people.queries import person_id_for

router = Router(tags=["accounts"])


class MeOut(Schema):
    id: int
    email: str
    role: str
    organisation_id: int
    person_id: int | None


# The operation keeps the id it had when accounts served it (docs/adr/011-layers-and-layout.md).
@router.get("/me", response=MeOut, operation_id="powerwith_accounts_api_me")
def me(request: Request) -> dict[str, object]:
    membership = membership_of(request)
    return {
        "id": membership.user_id,
        "email": membership.user.email,
        "role": membership.role,
        "organisation_id": membership.organisation_id,
        "person_id": person_id_for(membership),
    }

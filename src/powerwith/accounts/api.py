from __future__ import annotations

from ninja import Router, Schema

from powerwith.accounts import queries, services
from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.roles import Role

router = Router(tags=["accounts"])


class MemberOut(Schema):
    user_id: int
    email: str
    role: str
    full_name: str


class RoleIn(Schema):
    role: Role


def _member_out(member: Membership) -> dict[str, object]:
    return {
        "user_id": member.user_id,
        "email": member.user.email,
        "role": member.role,
        "full_name": member.user.full_name,
    }


@router.get("/members", response=list[MemberOut])
def members(request: Request) -> list[dict[str, object]]:
    return [_member_out(m) for m in queries.members_of(membership_of(request))]


@router.get("/members/{user_id}", response=MemberOut)
def member(request: Request, user_id: int) -> dict[str, object]:
    return _member_out(queries.get_member_for(membership_of(request), user_id))


@router.patch("/members/{user_id}", response=MemberOut)
def change_member_role(request: Request, user_id: int, payload: RoleIn) -> dict[str, object]:
    membership = membership_of(request)
    member = queries.get_member_for(membership, user_id)
    services.change_role(membership=member, role=payload.role, by=membership)
    return _member_out(member)

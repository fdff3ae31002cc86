"""Reads of accounts data, always scoped to the organisation of the membership asking, or
to the user whose own login sessions and second factor they are."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from powerwith.accounts import tokens
from powerwith.accounts.models import (
    ApiToken,
    AuditEvent,
    Invitation,
    Membership,
    RecoveryCode,
    RecoveryCodeDevice,
    User,
    UserSession,
)
from powerwith.core.permissions import Capability, can, require, roles_with


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation")


def membership_of(user: User, organisation_id: int | None) -> Membership | None:
    """The user's membership of that organisation, else their first; None when they have none."""
    memberships = memberships_of(user).order_by("organisation__name")
    if organisation_id is not None:
        chosen = memberships.filter(organisation_id=organisation_id).first()
        if chosen is not None:
            return chosen
    return memberships.first()


def own_membership(user: User, organisation_id: str | None, current: Membership) -> Membership:
    """The membership a person acts in on their own pages: the organisation a form or link
    names (``organisation_id``), which must be one they work with, else the current one.
    A person who works with several organisations never has to switch to act on their own
    things; naming an organisation they do not work with is a 404."""
    if not organisation_id:
        return current
    if not organisation_id.isdigit() or len(organisation_id) > 18:
        raise Http404("You do not work with that organisation.")
    found = memberships_of(user).filter(organisation_id=int(organisation_id)).first()
    if found is None:
        raise Http404("You do not work with that organisation.")
    return found


def memberships_and_current(
    user: User, organisation_id: int | None
) -> tuple[list[Membership], Membership | None]:
    """All the user's memberships (by organisation name) and the one they act in, as
    ``membership_of`` chooses it, in one query: every page needs both (the header offers
    the others), and they used to be read separately on each request."""
    memberships = list(memberships_of(user).order_by("organisation__name"))
    chosen = next((m for m in memberships if m.organisation_id == organisation_id), None)
    if chosen is None and memberships:
        chosen = memberships[0]
    return memberships, chosen


def members_of(membership: Membership) -> QuerySet[Membership]:
    require(
        membership, Capability.SEE_MEMBERS, "Only staff of the organisation can see its members."
    )
    members = Membership.objects.filter(organisation_id=membership.organisation_id)
    if not can(membership, Capability.SEE_NAMES):
        members = members.filter(role__in=roles_with(Capability.WORK_AS_STAFF))
    return members.select_related("user").order_by("user__email")


def get_member_for(membership: Membership, user_id: int) -> Membership:
    """Another member of the same organisation; 404 for anyone else's."""
    # ``__pk``, not ``_id``: Django answers no rows for an id too large for the
    # database there, where ``_id`` fails on SQLite (a 500 for a made-up URL).
    found = members_of(membership).filter(user__pk=user_id).first()
    if found is None:
        raise Http404("No such member in this organisation.")
    return found


def open_invitations_of(membership: Membership) -> QuerySet[Invitation]:
    require(
        membership, Capability.MANAGE_MEMBERS, "Only an organisation admin can see invitations."
    )
    return Invitation.objects.filter(
        organisation_id=membership.organisation_id,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).select_related("invited_by")


def get_invitation_for(membership: Membership, invitation_id: int) -> Invitation:
    found = open_invitations_of(membership).filter(pk=invitation_id).first()
    if found is None:
        raise Http404("No such invitation.")
    return found


def invitation_by_secret(secret: str) -> Invitation | None:
    if not secret or len(secret) > 100:
        return None
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=tokens.digest(secret))
        .first()
    )


def tokens_of(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(membership__user=user).select_related("membership__organisation")


def get_token_for(user: User, token_id: int) -> ApiToken:
    found = tokens_of(user).filter(pk=token_id).first()
    if found is None:
        raise Http404("No such token.")
    return found


def active_token(raw: str) -> ApiToken | None:
    """The live token matching ``raw``, or None for an unknown, malformed or revoked one."""
    parts = tokens.split_api_token(raw)
    if parts is None:
        return None
    prefix, secret = parts
    token = (
        ApiToken.objects.select_related("membership__user", "membership__organisation")
        .filter(prefix=prefix, revoked_at__isnull=True, membership__user__is_active=True)
        .first()
    )
    if token is None or not tokens.matches(secret, token.secret_hash):
        return None
    return token


def audit_log_of(membership: Membership) -> QuerySet[AuditEvent]:
    require(
        membership, Capability.READ_AUDIT_LOG, "Only an organisation admin can read the audit log."
    )
    return AuditEvent.objects.filter(organisation_id=membership.organisation_id).select_related(
        "actor"
    )


def user_exists(email: str) -> bool:
    return User.objects.filter(email=email).exists()


def login_sessions_of(user: User) -> QuerySet[UserSession]:
    return UserSession.objects.filter(user=user)


def login_session_with_key(session_key: str | None) -> QuerySet[UserSession]:
    """The row kept for one browser's session, found by its key (a login makes it)."""
    return UserSession.objects.filter(session_key=session_key)


def authenticators_of(user: User) -> QuerySet[TOTPDevice]:
    found: QuerySet[TOTPDevice] = TOTPDevice.objects.filter(user=user)
    return found


def recovery_devices_of(user: User) -> QuerySet[RecoveryCodeDevice]:
    return RecoveryCodeDevice.objects.filter(user=user)


def recovery_codes_of(user: User) -> QuerySet[RecoveryCode]:
    return RecoveryCode.objects.filter(device__user=user)

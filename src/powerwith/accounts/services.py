"""Every change to accounts, organisations, memberships and tokens: one function per action.

Each runs in a transaction and writes its audit record; e-mail goes out after commit.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from powerwith.accounts import audit, emails, tokens
from powerwith.accounts.models import (
    ApiToken,
    Invitation,
    Membership,
    Organisation,
    TextSize,
    User,
    normalise_email,
)
from powerwith.core import mail
from powerwith.core.errors import Conflict, DomainError, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.core.roles import Role

INVITATION_LIFETIME = timedelta(days=14)


def create_organisation(*, name: str, slug: str = "") -> Organisation:
    name = name.strip()
    if not name:
        raise DomainError("Enter the organisation's name.", field="name")
    return Organisation.objects.create(name=name, slug=slug or slugify(name)[:60])


@transaction.atomic
def add_member(*, organisation: Organisation, user: User, role: str, actor: User) -> Membership:
    if role not in Role.values:
        raise DomainError("Choose a role from the list.", field="role")
    membership, created = Membership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    if not created:
        raise Conflict(f"{user.email} is already a member of {organisation.name}.")
    audit.record(
        actor=actor, action="member.added", organisation=organisation, target=membership, role=role
    )
    return membership


def _require_manager(actor_membership: Membership) -> None:
    if not can(actor_membership, Capability.MANAGE_MEMBERS):
        raise NotAllowed("Only an organisation admin can change members and roles.")


@transaction.atomic
def change_role(*, membership: Membership, role: str, by: Membership) -> Membership:
    """Give a member another role. An organisation always keeps at least one admin."""
    _require_manager(by)
    if membership.organisation_id != by.organisation_id:
        raise NotAllowed("That member belongs to another organisation.")
    if role not in Role.values:
        raise DomainError("Choose a role from the list.", field="role")
    # Lock the organisation's admin rows so two admins demoting each other cannot
    # leave it with none.
    admins = list(
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
        .values_list("pk", flat=True)
    )
    if membership.role == Role.ADMIN and role != Role.ADMIN and admins == [membership.pk]:
        raise Conflict(
            "This is the organisation's only admin. Make someone else an admin first.",
            field="role",
        )
    if membership.role == role:
        return membership
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    audit.record(
        actor=by.user,
        action="member.role_changed",
        organisation=membership.organisation,
        target=membership,
        previous=previous,
        role=role,
    )
    return membership


@transaction.atomic
def invite_member(*, email: str, role: str, by: Membership) -> tuple[Invitation, str]:
    """Invite someone to join the organisation. Returns the invitation and its one-time link
    secret, which is e-mailed and never stored."""
    _require_manager(by)
    email = normalise_email(email)
    if role not in Role.values:
        raise DomainError("Choose a role from the list.", field="role")
    if Membership.objects.filter(organisation_id=by.organisation_id, user__email=email).exists():
        raise Conflict(f"{email} is already a member of this organisation.", field="email")
    secret = tokens.new_secret()
    invitation = Invitation.objects.create(
        organisation=by.organisation,
        email=email,
        role=role,
        token_hash=tokens.digest(secret),
        invited_by=by.user,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    audit.record(
        actor=by.user,
        action="member.invited",
        organisation=by.organisation,
        target=invitation,
        email=email,
        role=role,
    )
    mail.send_on_commit(emails.invitation_sent, invitation.pk, mail.seal(secret))
    return invitation, secret


@transaction.atomic
def cancel_invitation(*, invitation: Invitation, by: Membership) -> None:
    _require_manager(by)
    if invitation.organisation_id != by.organisation_id:
        raise NotAllowed("That invitation belongs to another organisation.")
    if not invitation.is_open:
        raise Conflict("This invitation has already been used, cancelled or has expired.")
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    audit.record(
        actor=by.user,
        action="member.invitation_cancelled",
        organisation=invitation.organisation,
        target=invitation,
    )


@transaction.atomic
def accept_invitation(
    *, invitation: Invitation, user: User | None, full_name: str = "", password: str = ""
) -> Membership:
    """Join the organisation an invitation is for, creating the account when it is new.

    ``user`` is the person already logged in, if any; the invitation must be theirs.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise Conflict("This invitation has already been used, cancelled or has expired.")
    if user is None:
        user = User.objects.filter(email=invitation.email).first()
        if user is None:
            if not password:
                raise DomainError("Choose a password.", field="password")
            user = User.objects.create_user(invitation.email, password, full_name=full_name.strip())
        elif password:
            raise Conflict(
                "You already have an account. Log in, then open the invitation link again."
            )
    if user.email != invitation.email:
        raise NotAllowed("This invitation was sent to a different email address.")
    if Membership.objects.filter(user=user, organisation=invitation.organisation).exists():
        raise Conflict(f"You are already a member of {invitation.organisation.name}.")
    membership = Membership.objects.create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    audit.record(
        actor=user,
        action="member.joined",
        organisation=invitation.organisation,
        target=membership,
        role=invitation.role,
    )
    return membership


@transaction.atomic
def create_api_token(*, membership: Membership, name: str, actor: User) -> tuple[ApiToken, str]:
    """Create a token for ``membership``. Returns the row and the token, shown only once."""
    if actor.pk != membership.user_id:
        raise NotAllowed("You can only create API tokens for yourself.")
    name = name.strip()
    if not name:
        raise DomainError("Give the token a name, so you can recognise it later.", field="name")
    if len(name) > 100:
        raise DomainError("The name must be 100 characters or fewer.", field="name")
    prefix, secret, full = tokens.new_api_token()
    token = ApiToken.objects.create(
        membership=membership, name=name, prefix=prefix, secret_hash=tokens.digest(secret)
    )
    audit.record(
        actor=actor,
        action="api_token.created",
        organisation=membership.organisation,
        target=token,
        name=name,
    )
    return token, full


@transaction.atomic
def revoke_api_token(*, token: ApiToken, actor: User) -> ApiToken:
    if token.membership.user_id != actor.pk:
        raise NotAllowed("You can only revoke your own API tokens.")
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(
        actor=actor,
        action="api_token.revoked",
        organisation=token.membership.organisation,
        target=token,
    )
    return token


@transaction.atomic
def revoke_every_api_token(user: User, *, actor: User, reason: str) -> int:
    """Every live token of ``user`` stops working: a token is as strong as the password
    that made it, so a password reset (someone else may have known the old one) and an
    erasure end them all. ``reason`` is a code (``password_reset``, ``erasure``), never
    free text."""
    now = timezone.now()
    live = list(
        ApiToken.objects.select_related("membership__organisation").filter(
            membership__user=user, revoked_at__isnull=True
        )
    )
    for token in live:
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            action="api_token.revoked",
            organisation=token.membership.organisation,
            target=token,
            reason=reason,
        )
    return len(live)


def note_token_used(token: ApiToken) -> None:
    """Keep "last used" to the minute without a write on every request."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


@transaction.atomic
def set_fairness_weight(*, by: Membership, weight: float) -> Organisation:
    """How strongly matching favours people with less recent paid work (0 to 1)."""
    if not can(by, Capability.CHANGE_SETTINGS):
        raise NotAllowed("Only an organisation admin can change the organisation's settings.")
    if not isinstance(weight, int | float) or math.isnan(weight) or not 0 <= weight <= 1:
        raise DomainError(
            "Enter a fairness weight from 0 to 1, like 0.3. 0 ignores recent work; 1 "
            "favours people with the least recent work most strongly.",
            field="fairness_weight",
        )
    organisation = Organisation.objects.select_for_update().get(pk=by.organisation_id)
    previous = organisation.fairness_weight
    if previous != weight:
        organisation.fairness_weight = float(weight)
        organisation.save(update_fields=["fairness_weight"])
        audit.record(
            actor=by.user,
            action="organisation.fairness_weight_changed",
            organisation=organisation,
            target=organisation,
            previous=previous,
            fairness_weight=float(weight),
        )
    return organisation


DISPLAY_SETTINGS = ("text_size", "high_contrast", "easy_read_first", "reduce_motion")


def change_display_settings(*, user: User, changes: dict[str, Any]) -> User:
    """Keep how someone wants pages shown with their own account; only they change it."""
    unknown = changes.keys() - set(DISPLAY_SETTINGS)
    if unknown:
        raise DomainError(f"These are not display settings: {', '.join(sorted(unknown))}.")
    if "text_size" in changes and changes["text_size"] not in TextSize.values:
        raise DomainError("Choose a text size from the list.", field="text_size")
    with transaction.atomic():
        for name, value in changes.items():
            setattr(user, name, value)
        user.save(update_fields=list(changes))
        audit.record(actor=user, action="display_settings.changed", target=user, **changes)
    return user


WORK_SETTING_LIMITS = {
    "follow_up_days": (1, 28, "Enter the days before the follow-up wellbeing check, from 1 to 28."),
    "payment_target_days": (1, 90, "Enter the days to pay a claim in, from 1 to 90."),
    "reconfirm_months": (
        1,
        60,
        "Enter the months a consent holds before it is reconfirmed, from 1 to 60.",
    ),
}


@transaction.atomic
def set_work_settings(*, by: Membership, **values: int) -> Organisation:
    """How the work runs: when the follow-up wellbeing check falls, how fast claims are
    paid, how long a consent holds before it must be reconfirmed. Each from a range."""
    if not can(by, Capability.CHANGE_SETTINGS):
        raise NotAllowed("Only an organisation admin can change the organisation's settings.")
    for name, value in values.items():
        if name not in WORK_SETTING_LIMITS:
            raise DomainError(f"There is no setting called '{name}'.")
        low, high, message = WORK_SETTING_LIMITS[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise DomainError(message, field=name)
    organisation = Organisation.objects.select_for_update().get(pk=by.organisation_id)
    changed = {
        name: value for name, value in values.items() if getattr(organisation, name) != value
    }
    if changed:
        previous = {name: getattr(organisation, name) for name in changed}
        for name, value in changed.items():
            setattr(organisation, name, value)
        organisation.save(update_fields=list(changed))
        audit.record(
            actor=by.user,
            action="organisation.work_settings_changed",
            organisation=organisation,
            target=organisation,
            previous=previous,
            **changed,
        )
    return organisation


@transaction.atomic
def set_checkpoints_to_auditors(*, by: Membership, on: bool) -> Organisation:
    """Whether each consent ledger checkpoint the worker writes is also e-mailed to the
    organisation's auditors, so the anchor lives in someone's mailbox as well."""
    if not can(by, Capability.CHANGE_SETTINGS):
        raise NotAllowed("Only an organisation admin can change the organisation's settings.")
    if not isinstance(on, bool):
        raise DomainError("Say yes or no.", field="checkpoints_to_auditors")
    organisation = Organisation.objects.select_for_update().get(pk=by.organisation_id)
    if organisation.checkpoints_to_auditors != on:
        organisation.checkpoints_to_auditors = on
        organisation.save(update_fields=["checkpoints_to_auditors"])
        audit.record(
            actor=by.user,
            action="organisation.checkpoints_to_auditors_changed",
            organisation=organisation,
            target=organisation,
            on=on,
        )
    return organisation

"""The second factor: a TOTP authenticator app (django-otp), with one-time recovery codes.

Required for every staff role (coordinator, contact person, admin, auditor) when
``SECOND_FACTOR_REQUIRED`` is on, and for anyone who has chosen to set one up. A session
is "verified" once a code from one of the person's confirmed devices was accepted in it;
django-otp keeps that in the session and its ``OTPMiddleware`` reads it back.

A TOTP code works once (the device keeps the last time step used, ``last_t``), and
django-otp slows down repeated wrong codes. A recovery code works once too.
"""

from __future__ import annotations

import secrets

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from powerwith.accounts import audit, queries, sessions, tokens
from powerwith.accounts.models import (
    Membership,
    User,
    normalise_recovery_code,
)
from powerwith.core.errors import DomainError, NotAllowed
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can, roles_with

RECOVERY_CODE_COUNT = 10
# 16 characters from 32 unambiguous ones: 80 random bits per code.
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_ERROR = "Enter the 6-digit code from your authenticator app, or one of your recovery codes."
WRONG_CODE = (
    "That code did not work. Codes change every 30 seconds and each works once: wait for "
    "the next one and try again, or use a recovery code."
)
SLOW_DOWN = (
    "After a wrong code we are slowing down, a little more after each one, to stop "
    "guessing. Wait a minute, then enter the code your app shows at that moment."
)


def holds_staff_role(user: User) -> bool:
    return bool(user.is_staff) or (
        queries.memberships_of(user).filter(role__in=roles_with(Capability.WORK_AS_STAFF)).exists()
    )


def confirmed_totp(user: User) -> TOTPDevice | None:
    found: TOTPDevice | None = (
        queries.authenticators_of(user).filter(confirmed=True).order_by("-id").first()
    )
    return found


def has_second_factor(user: User) -> bool:
    return queries.authenticators_of(user).filter(confirmed=True).exists()


def required_for(user: User) -> bool:
    """Whether this person must give a code before using the service in a session."""
    if has_second_factor(user):
        return True
    return bool(settings.SECOND_FACTOR_REQUIRED) and holds_staff_role(user)


def must_be_set_up(user: User) -> bool:
    return bool(settings.SECOND_FACTOR_REQUIRED) and holds_staff_role(user)


def is_verified(request: HttpRequest) -> bool:
    return getattr(request.user, "otp_device", None) is not None


def satisfied(request: Request) -> bool:
    """The session may act: verified, or the person needs no second factor."""
    if not request.user.is_authenticated:
        return False
    return is_verified(request) or not required_for(request.user)


def pending_device(user: User) -> TOTPDevice:
    """The authenticator being set up (not yet confirmed), made on first sight so that its
    secret stays the same while the person scans it."""
    found: TOTPDevice | None = (
        queries.authenticators_of(user).filter(confirmed=False).order_by("-id").first()
    )
    if found is not None:
        return found
    created: TOTPDevice = queries.authenticators_of(user).create(
        user=user, name="Authenticator app", confirmed=False
    )
    return created


def secret_in_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an inline SVG QR code: no JavaScript, no image request."""
    qr = segno.make(device.config_url, error="m")
    svg: str = qr.svg_inline(
        scale=5,
        border=4,
        dark="#0b0c0c",
        light="#ffffff",
        title="QR code to scan with your authenticator app",
        svgclass="pw-qr-code",
    )
    return svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1
    )


def _clean_code(code: str) -> str:
    code = code.strip().replace(" ", "")
    if not code:
        raise DomainError(CODE_ERROR, field="code")
    if len(code) > 40:
        raise DomainError(CODE_ERROR, field="code")
    return code


def _new_recovery_codes(user: User) -> list[str]:
    queries.recovery_devices_of(user).delete()
    device = queries.recovery_devices_of(user).create(
        user=user, name="Recovery codes", confirmed=True
    )
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(16))
        codes.append("-".join(raw[i : i + 4] for i in range(0, 16, 4)))
        device.codes.create(code_hash=tokens.digest(raw))
    return codes


@transaction.atomic
def confirm_setup(*, request: Request, code: str) -> list[str]:
    """Check a first code from the new authenticator; on success it replaces any earlier
    one, the session counts as verified, and fresh recovery codes are returned (to show
    once: only their hashes are kept)."""
    user = request.user
    device = (
        queries.authenticators_of(user)
        .select_for_update()
        .filter(confirmed=False)
        .order_by("-id")
        .first()
    )
    if device is None:
        raise DomainError("Start again: open the set-up page to get a new QR code.")
    code = _clean_code(code)
    if not code.isdigit() or not device.verify_token(code):
        raise DomainError(WRONG_CODE, field="code")
    queries.authenticators_of(user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_recovery_codes(user)
    otp_login(request, device)
    sessions.renew_key(request)
    audit.record(actor=user, action="two_factor.set_up", target=user)
    return codes


def verify(*, request: Request, code: str) -> bool:
    """Accept a code from the person's authenticator or a recovery code, once."""
    user = request.user
    code = _clean_code(code)
    if code.isdigit() and len(code) <= 8:
        device = confirmed_totp(user)
        if device is not None and not device.verify_is_allowed()[0]:
            raise DomainError(SLOW_DOWN, field="code")
        if device is not None and device.verify_token(code):
            otp_login(request, device)
            sessions.renew_key(request)
            return True
        return False
    recovery = queries.recovery_devices_of(user).filter(confirmed=True).first()
    if recovery is not None and not recovery.verify_is_allowed()[0]:  # type: ignore[no-untyped-call]
        raise DomainError(SLOW_DOWN, field="code")
    if recovery is not None and normalise_recovery_code(code) and recovery.verify_token(code):
        otp_login(request, recovery)
        sessions.renew_key(request)
        audit.record(
            actor=user,
            action="two_factor.recovery_code_used",
            target=user,
            left=recovery.codes.filter(used_at=None).count(),
        )
        return True
    return False


@transaction.atomic
def replace_recovery_codes(*, request: Request) -> list[str]:
    user = request.user
    if not has_second_factor(user):
        raise NotAllowed("Set up an authenticator app first.")
    if not is_verified(request):
        raise NotAllowed("Give a code from your authenticator app first.")
    codes = _new_recovery_codes(user)
    audit.record(actor=user, action="two_factor.recovery_codes_replaced", target=user)
    return codes


@transaction.atomic
def remove(*, request: Request) -> None:
    """Turn the second factor off: only for people who need none (experts by experience)."""
    user = request.user
    if must_be_set_up(user):
        raise NotAllowed("Staff of an organisation must keep a second factor.")
    if has_second_factor(user) and not is_verified(request):
        raise NotAllowed("Give a code from your authenticator app first.")
    queries.authenticators_of(user).delete()
    queries.recovery_devices_of(user).delete()
    request.session.pop("otp_device_id", None)
    audit.record(actor=user, action="two_factor.removed", target=user, at=str(timezone.now()))


def unused_recovery_codes(user: User) -> int:
    return queries.recovery_codes_of(user).filter(used_at=None).count()


@transaction.atomic
def reset_for_member(*, member: Membership, by: Membership) -> None:
    """An admin turns off a member's lost authenticator and recovery codes; staff set up a
    new one at their next login. Their open sessions end."""
    if not can(by, Capability.MANAGE_MEMBERS):
        raise NotAllowed("Only an organisation admin can reset two-step verification.")
    if member.organisation_id != by.organisation_id:
        raise NotAllowed("That member belongs to another organisation.")
    if member.user_id == by.user_id:
        raise DomainError("To change your own, use your account page.")
    queries.authenticators_of(member.user).delete()
    queries.recovery_devices_of(member.user).delete()
    sessions.end_every_session_of(member.user, actor=by.user)
    audit.record(
        actor=by.user,
        action="two_factor.reset_by_admin",
        organisation=by.organisation,
        target=member,
    )

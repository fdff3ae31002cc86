"""A supporter's own login: the person invites a supporter they named, and the supporter
follows the link to make an account (or, already signed in with that address, to accept).

The link works once, for ``INVITATION_LIFETIME``, and only while the supporter is still
named; only a hash of its secret is kept, and the e-mail carrying it is sent from the
worker. A login gives no membership of any organisation: what it lets the supporter see
and do is read from the person's ``Supporter`` row on every request
(powerwith.workflows.supporting).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts import audit, tokens
from powerwith.accounts.models import Membership, User, normalise_email
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.people.choices import SupporterMay
from powerwith.people.models import Supporter, SupporterLogin
from powerwith.people.services import _require_edit

INVITATION_LIFETIME = timedelta(days=7)
# What a login is for: a supporter who may only get messages has nothing to sign in to.
MAY_SIGN_IN = (SupporterMay.HELP_ANSWER, SupporterMay.ANSWER_FOR)


def may_be_invited(supporter: Supporter) -> bool:
    return (
        supporter.removed_at is None
        and bool(supporter.email)
        and any(code in supporter.may for code in MAY_SIGN_IN)
    )


@transaction.atomic
def invite_supporter(
    supporter: Supporter, *, user: User, membership: Membership | None = None
) -> tuple[SupporterLogin, str]:
    """Send the supporter a link to make their own login. Returns the invitation and its
    secret (e-mailed, sealed, never stored). An earlier link that was not used stops
    working: only the newest one opens."""
    _require_edit(supporter.person, user, membership)
    name = supporter.name
    if supporter.removed_at is not None:
        raise Conflict(f"{name} is no longer your supporter.")
    if not supporter.email:
        raise InvalidInput(f"Add {name}'s email address first, so the invitation can reach them.")
    if not any(code in supporter.may for code in MAY_SIGN_IN):
        raise InvalidInput(
            f"A login lets {name} help you answer or answer for you. Choose one of those "
            "first: to get messages for you they need no login."
        )
    supporter.logins.filter(accepted_at=None, expires_at__gt=timezone.now()).update(
        expires_at=timezone.now()
    )
    secret = tokens.new_secret()
    login = SupporterLogin.objects.create(
        supporter=supporter,
        email=normalise_email(supporter.email),
        token_hash=tokens.digest(secret),
        invited_by=user,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    audit.record(
        actor=user,
        action="supporter.invited",
        organisation=membership.organisation if membership else None,
        target=supporter.person,
        supporter_id=supporter.pk,
    )
    mail.send_on_commit(invitation_sent, login.pk, mail.seal(secret))
    return login, secret


@transaction.atomic
def accept_supporter_invitation(
    login: SupporterLogin, *, user: User | None, full_name: str = "", password: str = ""
) -> SupporterLogin:
    """Link the supporter's account to the person who invited them, making the account
    when it is new. ``user`` is whoever is signed in; the invitation must be theirs."""
    login = SupporterLogin.objects.select_for_update().select_related("supporter").get(pk=login.pk)
    if not login.is_open:
        raise Conflict(
            "This invitation has already been used, has expired or was cancelled. "
            "Ask the person who invited you to send a new one."
        )
    if user is None:
        if User.objects.filter(email=login.email).exists():
            raise Conflict("You already have an account. Log in, then open the link again.")
        if not password:
            raise InvalidInput("Choose a password.", field="password")
        user = User.objects.create_user(login.email, password, full_name=full_name.strip())
    if normalise_email(user.email) != login.email:
        raise NotAllowed(
            f"This invitation was sent to a different email address from the one you are "
            f"logged in with ({user.email}). Log out, then open the link again."
        )
    person = login.supporter.person
    if person.user_id == user.pk:
        raise NotAllowed("You cannot be your own supporter.")
    login.user = user
    login.accepted_at = timezone.now()
    login.save(update_fields=["user", "accepted_at"])
    audit.record(
        actor=user,
        action="supporter.login_accepted",
        target=person,
        supporter_id=login.supporter_id,
    )
    return login


@mail.message
def invitation_sent(login_id: int, sealed_secret: str) -> mail.Letter | None:
    """A link used, replaced or expired before it could be sent is not sent."""
    login = SupporterLogin.objects.select_related("supporter__person").get(pk=login_id)
    if not login.is_open:
        return None
    person = login.supporter.person
    context = {
        "supporter": login.supporter,
        "person": person,
        "expires_at": login.expires_at,
        "link": settings.SITE_URL
        + reverse(
            "people:supporter_invitation", kwargs={"supporter_secret": mail.unseal(sealed_secret)}
        ),
    }
    return mail.Letter(
        EmailMessage(
            subject=f"{person.preferred_name} asked you to be their supporter on powerwith",
            body=render_to_string("people/email/supporter_invitation.txt", context),
            to=[login.email],
        )
    )

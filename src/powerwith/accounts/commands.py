"""Actions for the command line, built on the same services as the pages and the API."""

from __future__ import annotations

from django.db.models import Q

from powerwith.accounts import queries, services
from powerwith.accounts.models import User, normalise_email


def create_token_for_email(email: str, *, organisation: str | None, name: str) -> str:
    user = User.objects.filter(email=normalise_email(email), is_active=True).first()
    if user is None:
        raise LookupError(f"no active user with the email address {email}")
    memberships = queries.memberships_of(user)
    if organisation:
        match = Q(organisation__slug=organisation) | Q(organisation__name__iexact=organisation)
        if organisation.isdigit():
            match |= Q(organisation_id=int(organisation))
        memberships = memberships.filter(match)
    found = list(memberships[:2])
    if not found:
        raise LookupError(
            f"{email} is not a member of {organisation}"
            if organisation
            else f"{email} is not a member of any organisation"
        )
    if len(found) > 1:
        names = ", ".join(m.organisation.slug for m in queries.memberships_of(user))
        raise LookupError(
            f"{email} belongs to several organisations; choose one with --organisation ({names})"
        )
    _, token = services.create_api_token(membership=found[0], name=name, actor=user)
    return token

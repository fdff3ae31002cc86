"""Naming, changing and removing a supporter: the person's own choices (or, for someone
with no account, the register's staff writing down what the person said)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core.errors import InvalidInput
from powerwith.people.choices import SupporterMay
from powerwith.people.models import Person, Supporter
from powerwith.people.services import _require_edit, phone_number


@dataclass(frozen=True)
class SupporterInput:
    name: str
    relationship: str = ""
    email: str = ""
    phone: str = ""
    may: Iterable[str] = ()


def _clean(details: SupporterInput) -> dict[str, object]:
    name = details.name.strip()
    if not name:
        raise InvalidInput("Enter the supporter's name.", field="name")
    if len(name) > 100:
        raise InvalidInput("The supporter's name must be 100 characters or fewer.", field="name")
    relationship = details.relationship.strip()
    if len(relationship) > 100:
        raise InvalidInput(
            "Who they are to you must be 100 characters or fewer.", field="relationship"
        )
    email = details.email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidInput(
                "Enter an email address in the correct format, like name@example.org.",
                field="email",
            ) from None
    phone = phone_number(details.phone.strip(), field="phone") if details.phone.strip() else ""
    may = list(dict.fromkeys(details.may))
    unknown = [code for code in may if code not in SupporterMay.values]
    if unknown:
        raise InvalidInput(
            f"Unknown: {', '.join(unknown)}. Use any of: {', '.join(SupporterMay.values)}.",
            field="may",
        )
    if SupporterMay.RECEIVE_MESSAGES in may and not (email or phone):
        raise InvalidInput(
            "To get messages for you, the supporter needs an email address or a mobile number.",
            field="email",
        )
    return {"name": name, "relationship": relationship, "email": email, "phone": phone, "may": may}


@transaction.atomic
def add_supporter(
    person: Person, *, user: User, membership: Membership | None, details: SupporterInput
) -> Supporter:
    _require_edit(person, user, membership)
    supporter = Supporter.objects.create(person=person, **_clean(details))
    audit.record(
        actor=user,
        action="supporter.added",
        organisation=membership.organisation if membership else None,
        target=person,
    )
    return supporter


@transaction.atomic
def change_supporter(
    supporter: Supporter, *, user: User, membership: Membership | None, details: SupporterInput
) -> Supporter:
    _require_edit(supporter.person, user, membership)
    for name, value in _clean(details).items():
        setattr(supporter, name, value)
    supporter.save()
    audit.record(
        actor=user,
        action="supporter.changed",
        organisation=membership.organisation if membership else None,
        target=supporter.person,
    )
    return supporter


@transaction.atomic
def remove_supporter(
    supporter: Supporter, *, user: User, membership: Membership | None
) -> Supporter:
    """From now on the supporter gets no messages and may do nothing for the person."""
    _require_edit(supporter.person, user, membership)
    if supporter.removed_at is None:
        supporter.removed_at = timezone.now()
        supporter.save(update_fields=["removed_at"])
        audit.record(
            actor=user,
            action="supporter.removed",
            organisation=membership.organisation if membership else None,
            target=supporter.person,
        )
    return supporter

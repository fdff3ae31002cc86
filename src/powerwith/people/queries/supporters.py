"""Who supports a person, and what the person lets each of them do.

:func:`supporters_who_may` is the one answer to "may this supporter do this for this
person?": messages go to the supporters who may receive them, and staff recording an answer
a supporter gave ask it too. A supporter the person removed is never among them.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts import tokens
from powerwith.accounts.models import User
from powerwith.people.choices import SupporterMay
from powerwith.people.models import Person, Supporter, SupporterLogin


def supporters_of(person: Person) -> QuerySet[Supporter]:
    """The supporters the person has named and not removed, in the order they were added."""
    return Supporter.objects.filter(person=person, removed_at=None)


def supporters_who_may(person: Person, what: SupporterMay | str) -> list[Supporter]:
    """The person's current supporters who may do ``what`` (a SupporterMay code)."""
    code = SupporterMay(what).value
    return [supporter for supporter in supporters_of(person) if code in supporter.may]


def own_supporter(person: Person, supporter_id: int) -> Supporter:
    """One of the person's own current supporters; 404 for anyone else's."""
    found = supporters_of(person).filter(pk=supporter_id).first()
    if found is None:
        raise Http404("No such supporter.")
    return found


def supporter_invitation_by_secret(secret: str) -> SupporterLogin | None:
    if not secret or len(secret) > 100:
        return None
    return (
        SupporterLogin.objects.select_related("supporter__person")
        .filter(token_hash=tokens.digest(secret))
        .first()
    )


def supporting(user: User) -> QuerySet[Supporter]:
    """The people this user supports through their own login: each a ``Supporter`` row the
    person has not removed, linked to this account by an invitation it accepted. Read
    afresh on every request, so the person's removal or change applies at once."""
    if not user.is_authenticated:
        return Supporter.objects.none()
    return (
        Supporter.objects.filter(
            removed_at=None, logins__user_id=user.pk, logins__accepted_at__isnull=False
        )
        .select_related("person")
        .distinct()
        .order_by("person__preferred_name", "pk")
    )


def supporter_of(user: User, person: Person) -> Supporter | None:
    """This user's live supporter row for the person, if they support them."""
    return supporting(user).filter(person=person).first()


def signed_in(supporter: Supporter) -> bool:
    """Whether the supporter has made their own login from an invitation."""
    return supporter.logins.filter(accepted_at__isnull=False).exists()


def has_supporter_login(user: User) -> bool:
    """Whether this account was ever made a supporter's login (a person may since have
    removed them: their page then says so, rather than a page about organisations)."""
    return SupporterLogin.objects.filter(user_id=user.pk, accepted_at__isnull=False).exists()

"""Reads of people, scoped to what the asking membership may see."""

from __future__ import annotations

from django.db.models import QuerySet

from powerwith.accounts.models import Membership, User
from powerwith.accounts.roles import Role, is_staff_role
from powerwith.people.models import Person


def person_of(user: User) -> Person | None:
    return Person.objects.filter(user=user).first()


def people_visible_to(membership: Membership) -> QuerySet[Person]:
    """Staff see the people who work with their organisation; an expert sees only themself."""
    if is_staff_role(membership.role):
        return Person.objects.filter(links__organisation_id=membership.organisation_id)
    if membership.role == Role.EXPERT:
        return Person.objects.filter(
            user_id=membership.user_id, links__organisation_id=membership.organisation_id
        )
    return Person.objects.none()


def person_id_for(membership: Membership) -> int | None:
    """The acting person's own profile in this organisation, for experts; None for staff."""
    if membership.role != Role.EXPERT:
        return None
    return (
        Person.objects.filter(
            user_id=membership.user_id, links__organisation_id=membership.organisation_id
        )
        .values_list("pk", flat=True)
        .first()
    )


def organisations_of(person: Person) -> list[str]:
    return list(
        person.links.order_by("organisation__name").values_list("organisation__name", flat=True)
    )

"""Shared by the register tests: people made through the real services."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.people import services
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person
from powerwith.people.services import ExperienceInput


def add_person(by: Membership, name: str, *experience: ExperienceInput, **profile: Any) -> Person:
    return services.create_person(
        by=by, profile={"preferred_name": name, **profile}, experience=experience
    )


def share_only_a_summary(person: Person, organisation_id: int) -> None:
    assert person.user is not None
    services.update_person(
        person,
        user=person.user,
        membership=None,
        changes={"phone": "07700 900456", "full_name": "Samuel Private-Surname"},
    )
    services.replace_experience(
        person,
        user=person.user,
        membership=None,
        entries=[ExperienceInput("direct.crisis", "mental_health", note="A private note.")],
    )
    services.set_sharing(
        person, user=person.user, organisation_id=organisation_id, sharing="summary"
    )


def register_state() -> tuple[object, ...]:
    """Everything the register could write, to show that a refusal wrote nothing."""
    return (
        list(Person.objects.order_by("pk").values()),
        list(ExperienceEntry.objects.order_by("pk").values()),
        list(OrganisationLink.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )

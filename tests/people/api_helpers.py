"""Shared by the people API tests: a JSON client, the cast's register entries made
through the real services, and a snapshot of everything a people endpoint could write."""

from __future__ import annotations

from typing import Any

from django.test import Client

from powerwith.accounts.models import AuditEvent, Membership, Organisation
from powerwith.people import services
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person
from powerwith.people.services import ExperienceInput


def send(client: Client, method: str, url: str, body: Any) -> Any:
    return getattr(client, method)(url, body, content_type="application/json")


def membership_of(person: Person, organisation: Organisation) -> Membership:
    assert person.user is not None
    return person.user.memberships.get(organisation=organisation)


def add_to_register(by: Membership, name: str, **profile: Any) -> Person:
    return services.create_person(
        by=by,
        profile={"preferred_name": name, **profile},
        experience=[ExperienceInput("direct.crisis", "mental_health", note="Two admissions.")],
    )


def state() -> tuple[object, ...]:
    """Everything a people endpoint could write, to show that a refusal wrote nothing."""
    return (
        list(Person.objects.order_by("pk").values()),
        list(ExperienceEntry.objects.order_by("pk").values()),
        list(OrganisationLink.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )


def jo_on_the_register(coordinator: Membership) -> Person:
    """Jo is on the coordinator's register and has no account of their own."""
    return add_to_register(
        coordinator, "Jo O'Hare", email="jo@people.example", phone="07700 900123"
    )


def sam_sharing_a_summary(expert_at_both: Person, hillview: Organisation) -> Person:
    """Sam has an account, works with both organisations and shares only a summary with
    Hillview."""
    user = expert_at_both.user
    assert user is not None
    services.update_person(
        expert_at_both,
        user=user,
        membership=None,
        changes={"phone": "07700 900456", "about": "I hear voices.", "formats": ["easy_read"]},
    )
    services.replace_experience(
        expert_at_both,
        user=user,
        membership=None,
        entries=[
            ExperienceInput(
                "direct.restrictive_interventions",
                "secure_forensic",
                intervention="seclusion",
                note="Three weeks in seclusion.",
                share_narrative="yes",
            )
        ],
    )
    services.set_sharing(expert_at_both, user=user, organisation_id=hillview.pk, sharing="summary")
    return expert_at_both

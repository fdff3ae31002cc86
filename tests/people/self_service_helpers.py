"""Helpers for the tests of an expert's own profile pages."""

from __future__ import annotations

from typing import Any

from django.test import Client

from powerwith.people import services
from powerwith.people.forms import ProfileForm
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput

PAGES = ["/my-profile/", "/my-profile/edit/", "/my-profile/experience/", "/my-profile/sharing/"]


def signed_in(client: Client, person: Person) -> Person:
    assert person.user is not None
    client.force_login(person.user)
    return person


def profile_post(person: Person, **changes: Any) -> dict[str, Any]:
    """The edit form as the person would send it: what it shows, with their changes."""
    data = {**ProfileForm.initial_from(person), **changes}
    return {name: value for name, value in data.items() if value not in ("", None, [])}


def experience_post(rows: list[dict[str, str]], *, initial: int) -> dict[str, Any]:
    data: dict[str, Any] = {
        "form-TOTAL_FORMS": len(rows),
        "form-INITIAL_FORMS": initial,
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
    }
    for number, row in enumerate(rows):
        data.update({f"form-{number}-{name}": value for name, value in row.items()})
    return data


def fill_in(person: Person) -> Person:
    """Sam's profile with details worth hiding, made through the real services."""
    assert person.user is not None
    services.update_person(
        person,
        user=person.user,
        membership=None,
        changes={
            "phone": "07700 900123",
            "formats": ["easy_read"],
            "adjustments": {"sensory": "A quiet room, please."},
            "personal_goals": "Get back into work.",
        },
    )
    services.replace_experience(
        person,
        user=person.user,
        membership=None,
        entries=[
            ExperienceInput(
                code="direct.restrictive_interventions",
                setting="mental_health",
                intervention="seclusion",
                note="Secluded on an acute ward.",
                share_narrative="yes",
            )
        ],
    )
    return person


def experience_of(person: Person) -> list[tuple[str, str, str, str]]:
    return [(e.code, e.setting, e.intervention, e.note) for e in person.experience.all()]

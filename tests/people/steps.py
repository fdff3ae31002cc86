"""What the people tests do besides making data: sign in, send a form or JSON as a person
would, and read back what was written (to show that a refusal wrote nothing)."""

from __future__ import annotations

from typing import Any

from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.people.forms import ProfileForm
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person
from tests.people.factories import PLAN_WORDS

PAGES = ["/my-profile/", "/my-profile/edit/", "/my-profile/experience/", "/my-profile/sharing/"]


def signed_in(client: Client, person: Person) -> Person:
    assert person.user is not None
    client.force_login(person.user)
    return person


def send(client: Client, method: str, url: str, body: Any) -> Any:
    return getattr(client, method)(url, body, content_type="application/json")


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


def plan_post(**changes: Any) -> dict[str, Any]:
    """The plan form as the person would send it."""
    return {
        "keeps_me_well": PLAN_WORDS,
        "warning_signs": "Going quiet.",
        "affects_work": "",
        "support_from_contact": "A call after each session.",
        "steps_i_can_take": "Take time out.",
        "review_date_0": "1",
        "review_date_1": "3",
        "review_date_2": "2027",
        **changes,
    }


def experience_of(person: Person) -> list[tuple[str, str, str, str]]:
    return [(e.code, e.setting, e.intervention, e.note) for e in person.experience.all()]


def register_state() -> tuple[object, ...]:
    """Everything the register could write, to show that a refusal wrote nothing."""
    return (
        list(Person.objects.order_by("pk").values()),
        list(ExperienceEntry.objects.order_by("pk").values()),
        list(OrganisationLink.objects.order_by("pk").values()),
        AuditEvent.objects.count(),
    )

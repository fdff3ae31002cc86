"""People made through the real services: on a register, with an account of their own,
sharing only a summary, with a Wellness Action Plan; and the person's own membership."""

from __future__ import annotations

from typing import Any

from django.test import Client

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.people import services
from powerwith.people.models import Person, Supporter, WellnessActionPlan
from powerwith.people.services import ExperienceInput
from powerwith.people.services import wellness as services_wellness
from powerwith.people.services.supporter_logins import (
    accept_supporter_invitation,
    invite_supporter,
)
from powerwith.people.services.supporters import SupporterInput, add_supporter, change_supporter
from tests.conftest import PASSWORD, logged_in

PLAN_WORDS = "A walk at lunchtime keeps me well."


def membership_of(person: Person, organisation: Organisation) -> Membership:
    assert person.user is not None
    return person.user.memberships.get(organisation=organisation)


def add_person(by: Membership, name: str, *experience: ExperienceInput, **profile: Any) -> Person:
    return services.create_person(
        by=by, profile={"preferred_name": name, **profile}, experience=experience
    )


def add_to_register(by: Membership, name: str, **profile: Any) -> Person:
    """On the register with one piece of experience: two crisis admissions."""
    return add_person(
        by,
        name,
        ExperienceInput("direct.crisis", "mental_health", note="Two admissions."),
        **profile,
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


def written_plan(person: Person, *readers: Any) -> WellnessActionPlan:
    """The person writes a plan and shares it with these users."""
    assert person.user is not None
    services_wellness.save_plan(
        person,
        user=person.user,
        sections={"keeps_me_well": PLAN_WORDS, "warning_signs": "Going quiet."},
        review_date=None,
    )
    return services_wellness.choose_readers(
        person, user=person.user, reader_ids=[reader.pk for reader in readers]
    )


SUPPORTER_EMAIL = "sam.green@family.example"


def named_supporter(
    person: Person, *may: str, name: str = "Sam Green", email: str = SUPPORTER_EMAIL
) -> Supporter:
    """The person (with their own account) names a supporter and chooses what they may do."""
    assert person.user is not None
    return add_supporter(
        person,
        user=person.user,
        membership=None,
        details=SupporterInput(name=name, relationship="my brother", email=email, may=may),
    )


def supporter_with_login(
    person: Person, *may: str, name: str = "Sam Green", email: str = SUPPORTER_EMAIL
) -> tuple[Supporter, User]:
    """A supporter the person invited, who followed the link and made their own login."""
    supporter = named_supporter(person, *may, name=name, email=email)
    assert person.user is not None
    login, _ = invite_supporter(supporter, user=person.user)
    existing = User.objects.filter(email=email).first()
    accepted = accept_supporter_invitation(
        login, user=existing, full_name=name, password="" if existing else PASSWORD
    )
    assert accepted.user is not None
    return supporter, accepted.user


def assert_not_found(browser: Client, page: str, answer: dict[str, Any]) -> None:
    """The page is not there for this account, to read or to answer: a supporter who may
    not act for the person never learns that the person's booking or work exists."""
    assert browser.get(page).status_code == 404
    assert browser.post(page, answer).status_code == 404


def only_messages(supporter: Supporter) -> None:
    """The person changes what this supporter may do to getting messages for them."""
    person = supporter.person
    assert person.user is not None
    change_supporter(
        supporter,
        user=person.user,
        membership=None,
        details=SupporterInput(
            name=supporter.name, email=supporter.email, may=["receive_messages"]
        ),
    )


def removed_by_the_person(supporter: Supporter) -> None:
    """The person removes the supporter, on their own page."""
    person = supporter.person
    assert person.user is not None
    logged_in(Client(), person.user).post(f"/my-profile/supporters/{supporter.pk}/remove/")

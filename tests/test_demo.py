from __future__ import annotations

import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from powerwith import demo
from powerwith.accounts.models import Membership, Organisation, User
from powerwith.accounts.roles import Role
from powerwith.people.models import Person, PersonStatus

pytestmark = pytest.mark.django_db

DEMO_MODELS = [
    *apps.get_app_config("accounts").get_models(),
    *apps.get_app_config("people").get_models(),
]


def ids_of_every_row() -> dict[str, list[int]]:
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list("pk", flat=True))
        for model in DEMO_MODELS
    }


def register_by_email() -> dict[str, tuple[object, ...]]:
    return {
        person.email: (
            person.preferred_name,
            person.pronouns,
            person.phone,
            person.town,
            person.about,
            person.status,
            person.user.email if person.user else None,
            tuple(sorted(link.organisation.slug for link in person.links.all())),
        )
        for person in Person.objects.select_related("user").prefetch_related("links__organisation")
    }


def remove_everything() -> None:
    Person.objects.all().delete()
    User.objects.all().delete()
    Organisation.objects.all().delete()


def test_it_is_idempotent():
    demo.load(people=40)
    counts = {model._meta.label: model._default_manager.count() for model in DEMO_MODELS}
    ids = ids_of_every_row()

    summary = demo.load(people=40)

    assert {model._meta.label: model._default_manager.count() for model in DEMO_MODELS} == counts
    assert ids_of_every_row() == ids
    assert summary.people_added == 0


def test_it_makes_both_organisations_with_their_four_staff_logins():
    demo.load(people=20)

    for slug, name, domain in [
        ("riverside", "Riverside Care Partnership", "riverside.example"),
        ("hillview", "Hillview Health NHS Foundation Trust", "hillview.example"),
    ]:
        organisation = Organisation.objects.get(slug=slug)
        assert organisation.name == name
        for role in [Role.ADMIN, Role.COORDINATOR, Role.CONTACT, Role.AUDITOR]:
            membership = Membership.objects.get(
                organisation=organisation, user__email=f"{role}@{domain}"
            )
            assert membership.role == role
            assert membership.user.full_name
    assert Organisation.objects.count() == 2


def test_expert1_can_log_in_with_the_demo_password_and_works_with_both_organisations(
    client: Client,
):
    demo.load(people=20)

    assert client.login(email="expert1@people.example", password=demo.DEMO_PASSWORD)
    user = User.objects.get(email="expert1@people.example")
    both = {"riverside", "hillview"}
    assert {m.organisation.slug for m in user.memberships.all()} == both
    assert {m.role for m in user.memberships.all()} == {Role.EXPERT}
    assert {link.organisation.slug for link in user.person.links.all()} == both


def test_staff_log_in_with_the_same_demo_password(client: Client):
    demo.load(people=20)

    assert client.login(email="coordinator@hillview.example", password=demo.DEMO_PASSWORD)
    assert not Client().login(email="admin@riverside.example", password="wrong password")


def test_every_expert_login_has_a_profile_a_membership_and_a_link_for_each_organisation():
    demo.load(people=20)

    for number in range(1, demo.EXPERT_LOGINS + 1):
        user = User.objects.get(email=f"expert{number}@people.example")
        linked = {link.organisation_id for link in user.person.links.all()}
        member_of = {m.organisation_id for m in user.memberships.filter(role=Role.EXPERT)}
        assert linked
        assert linked == member_of
    assert Membership.objects.filter(role=Role.EXPERT).count() == demo.EXPERT_LOGINS + 2


def test_the_other_people_are_register_entries_without_logins():
    demo.load(people=60)

    without_login = Person.objects.filter(user__isnull=True)
    assert without_login.count() == 60 - demo.EXPERT_LOGINS
    for person in without_login:
        assert re.fullmatch(r"[a-z-]+\.[a-z-]+\.\d+@people\.example", person.email)
        assert person.links.exists()
    assert User.objects.filter(email__endswith="@people.example").count() == demo.EXPERT_LOGINS


def test_profiles_are_varied():
    demo.load(people=200)

    people = Person.objects.all()
    assert {p.status for p in people} == set(PersonStatus.values)
    assert {p.pronouns for p in people} == {"she/her", "he/him", "they/them", ""}
    assert len({p.town for p in people}) > 30
    assert len({p.preferred_name for p in people}) > 150
    assert all(p.about.startswith(("I ", "My ")) for p in people if p.about)
    linked_to_both = [p for p in people if p.links.count() == 2]
    assert 10 < len(linked_to_both) < 100


def test_it_is_deterministic():
    demo.load(people=30)
    first = register_by_email()
    remove_everything()

    demo.load(people=30)

    assert register_by_email() == first


def test_person_n_is_always_the_same_person():
    # Also across processes: the stream must not depend on hash seeds or the clock.
    assert [profile.name for profile in demo.profiles(3)] == [
        "Anjali Ward",
        "Malik Ibrahim",
        "Uzma Nwosu",
    ]


def test_it_creates_exactly_the_number_of_people_asked_for():
    summary = demo.load(people=50)

    assert Person.objects.count() == 50
    assert summary.people == 50
    assert summary.people_added == 50


def test_asking_for_more_people_adds_only_the_missing_ones():
    demo.load(people=50)
    before = set(Person.objects.values_list("pk", flat=True))

    summary = demo.load(people=80)

    assert summary.people_added == 30
    assert Person.objects.count() == 80
    assert before <= set(Person.objects.values_list("pk", flat=True))
    grown = register_by_email()
    remove_everything()
    demo.load(people=80)
    assert register_by_email() == grown


def test_asking_for_fewer_people_removes_no_one():
    demo.load(people=30)

    demo.load(people=10)

    assert Person.objects.count() == 30


def test_the_command_prints_the_logins_and_the_password():
    out = StringIO()

    call_command("load_demo", people=20, stdout=out)

    text = out.getvalue()
    for email in [
        "admin@riverside.example",
        "auditor@riverside.example",
        "coordinator@hillview.example",
        "contact@hillview.example",
        "expert1@people.example",
        "expert12@people.example",
    ]:
        assert email in text
    assert "Riverside Care Partnership" in text
    assert "Hillview Health NHS Foundation Trust" in text
    assert demo.DEMO_PASSWORD in text
    assert Person.objects.count() == 20

"""Adding and changing people over the API: roles, 422s that name the valid codes, and
nothing written when a change is refused."""

from __future__ import annotations

import pytest

from powerwith.accounts.models import AuditEvent, Membership, Organisation
from powerwith.people.models import Person
from tests.conftest import api_client_for, make_member
from tests.people.factories import jo_on_the_register, membership_of, sam_sharing_a_summary
from tests.people.steps import register_state, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo(riverside_coordinator: Membership) -> Person:
    return jo_on_the_register(riverside_coordinator)


@pytest.fixture
def sam(expert_at_both: Person, hillview: Organisation) -> Person:
    return sam_sharing_a_summary(expert_at_both, hillview)


# Adding people


def test_a_coordinator_adds_someone_to_the_register(riverside_coordinator, riverside):
    response = send(
        api_client_for(riverside_coordinator),
        "post",
        "/api/v1/people",
        {
            "preferred_name": "Nguyễn Thị Lan",
            "email": "lan@people.example",
            "pronouns": "she/her",
            "formats": ["large_print"],
            "adjustments": {"timing": "A break every hour."},
            "experience": [
                {"code": "indirect.behaviours_of_concern", "setting": "learning_disability"},
                {
                    "code": "direct.diagnosis",
                    "setting": "autism",
                    "note": "Diagnosed at 34.",
                    "share_narrative": "no",
                },
            ],
        },
    )

    assert response.status_code == 201
    body = response.json()
    person = Person.objects.get(pk=body["id"])
    assert person.preferred_name == "Nguyễn Thị Lan"
    assert person.links.get().organisation == riverside
    assert body["preferred_name"] == "Nguyễn Thị Lan"
    assert body["email"] == "lan@people.example"
    assert body["status"] == "active"
    assert body["sharing"] == "details"
    assert body["has_account"] is False
    assert body["adjustments"] == {"timing": "A break every hour."}
    assert [(e["code"], e["setting"], e["note"]) for e in body["experience"]] == [
        ("direct.diagnosis", "autism", "Diagnosed at 34."),
        ("indirect.behaviours_of_concern", "learning_disability", ""),
    ]


def test_adding_someone_writes_an_audit_row(riverside_coordinator, riverside):
    response = send(
        api_client_for(riverside_coordinator), "post", "/api/v1/people", {"preferred_name": "Ren"}
    )

    event = AuditEvent.objects.get(action="person.created")
    assert event.actor == riverside_coordinator.user
    assert event.organisation == riverside
    assert event.target_id == str(response.json()["id"])


def test_an_admin_may_add_someone_too(riverside_admin):
    client = api_client_for(riverside_admin)
    response = send(client, "post", "/api/v1/people", {"preferred_name": "Ren"})
    assert response.status_code == 201


@pytest.mark.parametrize("role", ["expert", "contact", "auditor"])
def test_other_roles_cannot_add_people_and_nothing_is_written(riverside, role):
    membership = make_member(riverside, f"{role}@riverside.example", role)
    client = api_client_for(membership)
    before = register_state()

    response = send(client, "post", "/api/v1/people", {"preferred_name": "Ren"})

    assert response.status_code == 403
    assert "coordinators and admins" in response.json()["detail"]
    assert register_state() == before


def test_an_unknown_experience_code_is_a_422_naming_the_valid_codes(riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(
        client,
        "post",
        "/api/v1/people",
        {"preferred_name": "Ren", "experience": [{"code": "direct.bad_day", "setting": ""}]},
    )

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "unknown experience code 'direct.bad_day'" in detail
    assert "direct.diagnosis" in detail
    assert "indirect.adverse_incidents" in detail
    assert register_state() == before


def test_an_unknown_setting_is_a_422_naming_the_valid_settings(riverside_coordinator):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(
        client,
        "post",
        "/api/v1/people",
        {"preferred_name": "Ren", "experience": [{"code": "direct.crisis", "setting": "moon"}]},
    )

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "unknown setting 'moon'" in detail
    assert "mental_health" in detail
    assert "secure_forensic" in detail
    assert register_state() == before


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({}, "preferred_name"),
        ({"preferred_name": "   "}, "Enter the name"),
        ({"preferred_name": "Ren", "email": "not an address"}, "email address"),
        ({"preferred_name": "Ren", "formats": ["smoke_signals"]}, "easy_read"),
        ({"preferred_name": "Ren", "status": "asleep"}, "paused"),
        ({"preferred_name": "R" * 101}, "100"),
        ({"preferred_name": "Ren", "experience": "lots"}, "experience"),
    ],
)
def test_bad_input_is_a_422_with_a_reason_and_writes_nothing(riverside_coordinator, body, words):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(client, "post", "/api/v1/people", body)

    assert response.status_code == 422
    assert words in str(response.json()["detail"])
    assert register_state() == before


# Changing a person


def test_a_coordinator_edits_a_register_entry_without_an_account(riverside_coordinator, jo):
    response = send(
        api_client_for(riverside_coordinator),
        "patch",
        f"/api/v1/people/{jo.pk}",
        {"status": "paused", "skills": ["panel_work"], "phone": None},
    )

    assert response.status_code == 200
    assert response.json()["status"] == "paused"
    jo.refresh_from_db()
    assert (jo.status, jo.skills, jo.phone, jo.preferred_name) == (
        "paused",
        ["panel_work"],
        "",
        "Jo O'Hare",
    )
    assert AuditEvent.objects.filter(action="person.updated", target_id=str(jo.pk)).exists()


def test_staff_cannot_edit_someone_who_has_their_own_account(riverside_coordinator, sam):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(
        client,
        "patch",
        f"/api/v1/people/{sam.pk}",
        {"status": "left"},
    )

    assert response.status_code == 403
    assert response.json()["detail"] == "Sam manages their own profile. Ask them to change it."
    assert register_state() == before


def test_an_expert_edits_their_own_profile(sam, hillview):
    response = send(
        api_client_for(membership_of(sam, hillview)),
        "patch",
        f"/api/v1/people/{sam.pk}",
        {"pronouns": "they/them", "available_modes": ["video"]},
    )

    assert response.status_code == 200
    # The person always sees all of their own profile, whatever they share.
    assert response.json()["email"] == "sam@people.example"
    sam.refresh_from_db()
    assert (sam.pronouns, sam.available_modes) == ("they/them", ["video"])


def test_an_expert_editing_someone_else_gets_a_404(sam, expert_at_riverside, riverside):
    client = api_client_for(membership_of(expert_at_riverside, riverside))
    before = register_state()

    response = send(
        client,
        "patch",
        f"/api/v1/people/{sam.pk}",
        {"preferred_name": "Not Sam"},
    )

    assert response.status_code == 404
    assert register_state() == before


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"status": "asleep"}, "active, paused, left"),
        ({"preferred_name": None}, "Enter the name"),
        ({"skills": ["juggling"]}, "public_speaking"),
        ({"adjustments": {"magic": "wand"}}, "timing"),
        ({"prefered_name": "A typo"}, "Extra inputs are not permitted"),
        ({"experience": [{"code": "direct.crisis"}]}, "Extra inputs are not permitted"),
    ],
)
def test_a_bad_change_is_a_422_and_changes_nothing(riverside_coordinator, jo, changes, words):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(client, "patch", f"/api/v1/people/{jo.pk}", changes)

    assert response.status_code == 422
    assert words in str(response.json()["detail"])
    assert register_state() == before


# Experience


def test_a_coordinator_replaces_a_register_entrys_experience(riverside_coordinator, jo):
    response = send(
        api_client_for(riverside_coordinator),
        "put",
        f"/api/v1/people/{jo.pk}/experience",
        [
            {"code": "direct.mh_tribunal", "setting": "mental_health", "note": "Twice."},
            {
                "code": "indirect.adverse_incidents",
                "setting": "residential_care",
                "intervention": "prone_restraint",
                "share_narrative": "prefer_not_to_say",
            },
        ],
    )

    assert response.status_code == 200
    assert response.json() == [
        {
            "code": "direct.mh_tribunal",
            "setting": "mental_health",
            "intervention": "",
            "note": "Twice.",
            "share_narrative": "",
        },
        {
            "code": "indirect.adverse_incidents",
            "setting": "residential_care",
            "intervention": "prone_restraint",
            "note": "",
            "share_narrative": "prefer_not_to_say",
        },
    ]
    assert sorted(jo.experience.values_list("code", flat=True)) == [
        "direct.mh_tribunal",
        "indirect.adverse_incidents",
    ]


def test_an_expert_replaces_their_own_experience(sam, hillview):
    response = send(
        api_client_for(membership_of(sam, hillview)),
        "put",
        f"/api/v1/people/{sam.pk}/experience",
        [{"code": "direct.trauma", "setting": "", "note": None}],
    )

    assert response.status_code == 200
    assert list(sam.experience.values_list("code", "setting")) == [("direct.trauma", "")]


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ([{"code": "direct.nope", "setting": "autism"}], "direct.diagnosis, direct.crisis"),
        ([{"code": "direct.crisis", "setting": "nowhere"}], "mental_health, learning_disability"),
        (
            [{"code": "direct.crisis", "setting": "autism"}, {"code": "x", "setting": "autism"}],
            "Experience 2: unknown experience code 'x'",
        ),
        ([{"code": "direct.diagnosis", "intervention": "seclusion"}], "restrictive interventions"),
        ([{"setting": "autism"}], "code"),
    ],
)
def test_bad_experience_is_a_422_and_keeps_what_was_there(
    riverside_coordinator, jo, entries, words
):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(client, "put", f"/api/v1/people/{jo.pk}/experience", entries)

    assert response.status_code == 422
    assert words in str(response.json()["detail"])
    assert register_state() == before


def test_staff_cannot_replace_the_experience_of_someone_with_an_account(riverside_coordinator, sam):
    client = api_client_for(riverside_coordinator)
    before = register_state()

    response = send(
        client,
        "put",
        f"/api/v1/people/{sam.pk}/experience",
        [{"code": "direct.crisis", "setting": "community"}],
    )

    assert response.status_code == 403
    assert "manages their own profile" in response.json()["detail"]
    assert register_state() == before

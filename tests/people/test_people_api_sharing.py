"""The person's own choice of what each organisation sees, over the API."""

from __future__ import annotations

import pytest

from powerwith.accounts import services as accounts_services
from powerwith.accounts.models import AuditEvent, Organisation
from powerwith.people.models import Person
from tests.conftest import api_client_for
from tests.people.factories import membership_of, sam_sharing_a_summary
from tests.people.steps import register_state, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(expert_at_both: Person, hillview: Organisation) -> Person:
    return sam_sharing_a_summary(expert_at_both, hillview)


def test_a_person_reads_what_each_organisation_may_see(sam, riverside, hillview):
    response = api_client_for(membership_of(sam, riverside)).get(f"/api/v1/people/{sam.pk}/sharing")

    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {"organisation_id": hillview.pk, "organisation": hillview.name, "sharing": "summary"},
            {"organisation_id": riverside.pk, "organisation": riverside.name, "sharing": "details"},
        ]
    }


def test_a_person_chooses_what_an_organisation_may_see(
    sam, riverside, hillview, riverside_coordinator
):
    response = send(
        api_client_for(membership_of(sam, hillview)),
        "put",
        f"/api/v1/people/{sam.pk}/sharing",
        {"organisation_id": riverside.pk, "sharing": "summary"},
    )

    assert response.status_code == 200
    assert {item["sharing"] for item in response.json()["items"]} == {"summary"}
    seen = api_client_for(riverside_coordinator).get(f"/api/v1/people/{sam.pk}").json()
    assert seen["email"] is None
    assert AuditEvent.objects.filter(action="person.sharing_changed").count() == 2


def test_staff_cannot_read_or_change_a_persons_sharing(riverside_coordinator, riverside, sam):
    client = api_client_for(riverside_coordinator)
    url = f"/api/v1/people/{sam.pk}/sharing"
    before = register_state()

    assert client.get(url).status_code == 403
    response = send(client, "put", url, {"organisation_id": riverside.pk, "sharing": "details"})
    assert response.status_code == 403
    assert "person themself" in response.json()["detail"]
    assert register_state() == before


def test_an_expert_cannot_reach_someone_elses_sharing(sam, expert_at_riverside, riverside):
    client = api_client_for(membership_of(expert_at_riverside, riverside))
    url = f"/api/v1/people/{sam.pk}/sharing"

    assert client.get(url).status_code == 404
    response = send(client, "put", url, {"organisation_id": riverside.pk, "sharing": "summary"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"organisation_id": "riverside", "sharing": "details"}, "organisation_id"),
        ({"sharing": "everything"}, "organisation_id"),
    ],
)
def test_a_malformed_sharing_choice_is_a_422_and_changes_nothing(sam, riverside, body, words):
    client = api_client_for(membership_of(sam, riverside))
    before = register_state()

    response = send(client, "put", f"/api/v1/people/{sam.pk}/sharing", body)

    assert response.status_code == 422
    assert words in str(response.json()["detail"])
    assert register_state() == before


def test_an_unknown_sharing_choice_is_a_422_naming_the_choices(sam, riverside):
    client = api_client_for(membership_of(sam, riverside))
    before = register_state()

    response = send(
        client,
        "put",
        f"/api/v1/people/{sam.pk}/sharing",
        {"organisation_id": riverside.pk, "sharing": "everything"},
    )

    assert response.status_code == 422
    assert response.json() == {"detail": "Choose what to share: summary, details."}
    assert register_state() == before


def test_sharing_with_an_organisation_the_person_does_not_work_with_is_refused(sam, riverside):
    elsewhere = accounts_services.create_organisation(name="Elsewhere", slug="elsewhere")
    client = api_client_for(membership_of(sam, riverside))
    before = register_state()

    response = send(
        client,
        "put",
        f"/api/v1/people/{sam.pk}/sharing",
        {"organisation_id": elsewhere.pk, "sharing": "summary"},
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "You do not work with that organisation."}
    assert register_state() == before

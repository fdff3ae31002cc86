"""An expert chooses what each organisation they work with may see of their profile."""

from __future__ import annotations

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.people import queries
from powerwith.people.models import Person
from tests.people.factories import fill_in
from tests.people.steps import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam(client: Client, expert_at_both: Person) -> Person:
    return signed_in(client, expert_at_both)


def test_the_sharing_page_offers_a_choice_for_each_organisation(client, sam, riverside, hillview):
    page = client.get("/my-profile/sharing/")
    assert page.status_code == 200
    for organisation in (riverside, hillview):
        assert f'id="org-{organisation.pk}"' in page.text
        assert f"What {organisation.name} may see" in page.text
        assert f'name="org-{organisation.pk}-sharing" value="details"' in page.text


def test_sharing_a_summary_hides_details_from_that_organisation_only(
    client, sam, riverside, riverside_coordinator, hillview_coordinator
):
    fill_in(sam)
    response = client.post(
        "/my-profile/sharing/",
        {"organisation": riverside.pk, f"org-{riverside.pk}-sharing": "summary"},
    )
    assert response.status_code == 302
    assert "Riverside Care Partnership now sees a summary" in client.get(response["Location"]).text

    seen = queries.profile_for(riverside_coordinator, sam)
    assert seen.preferred_name == "Sam"
    assert seen.formats == ["easy_read"]
    assert seen.phone is None
    assert seen.email is None
    assert seen.adjustments is None
    assert seen.personal_goals is None
    assert [(e.code, e.note) for e in seen.experience] == [
        ("direct.restrictive_interventions", None)
    ]
    assert queries.profile_for(hillview_coordinator, sam).phone == "+447700900123"

    client.post(
        "/my-profile/sharing/",
        {"organisation": riverside.pk, f"org-{riverside.pk}-sharing": "details"},
    )
    seen = queries.profile_for(riverside_coordinator, sam)
    assert seen.phone == "+447700900123"
    assert seen.adjustments == {"sensory": "A quiet room, please."}
    assert seen.personal_goals == "Get back into work."
    assert [e.note for e in seen.experience] == ["Secluded on an acute ward."]


def test_a_sharing_change_is_audited_for_that_organisation(client, sam, riverside):
    client.post(
        "/my-profile/sharing/",
        {"organisation": riverside.pk, f"org-{riverside.pk}-sharing": "summary"},
    )
    event = AuditEvent.objects.get(action="person.sharing_changed")
    assert event.actor == sam.user
    assert event.organisation == riverside
    assert event.details == {"previous": "details", "sharing": "summary"}


def test_an_unknown_sharing_choice_is_refused_and_nothing_changes(client, sam, riverside):
    response = client.post(
        "/my-profile/sharing/",
        {"organisation": riverside.pk, f"org-{riverside.pk}-sharing": "everything"},
    )
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    assert f'<a href="#id_org-{riverside.pk}-sharing_0">' in response.text
    assert sam.links.get(organisation=riverside).sharing == "details"


def test_an_organisation_the_person_does_not_work_with_is_not_found(
    client, expert_at_riverside, hillview
):
    client.force_login(expert_at_riverside.user)
    response = client.post(
        "/my-profile/sharing/",
        {"organisation": hillview.pk, f"org-{hillview.pk}-sharing": "summary"},
    )
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="person.sharing_changed").exists()

"""Only the person and the readers they chose can read a Wellness Action Plan. Everyone
else, whatever their role, is answered 404, on the pages and over the API."""

from __future__ import annotations

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.people.services import wellness as services_wellness
from tests.conftest import api_client_for, logged_in
from tests.people.factories import PLAN_WORDS, written_plan

pytestmark = pytest.mark.django_db


def page(person) -> str:
    return f"/people/{person.pk}/wellness-action-plan/"


def api(person) -> str:
    return f"/api/v1/people/{person.pk}/wellness-action-plan"


def test_a_coordinator_who_was_not_chosen_cannot_read_the_plan(
    client: Client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    written_plan(expert_at_riverside, riverside_contact.user)
    logged_in(client, riverside_coordinator.user)
    assert client.get(page(expert_at_riverside)).status_code == 404
    assert api_client_for(riverside_coordinator).get(api(expert_at_riverside)).status_code == 404


def test_an_admin_who_was_not_chosen_cannot_read_the_plan(
    client: Client, riverside_admin, expert_at_riverside
):
    written_plan(expert_at_riverside)
    logged_in(client, riverside_admin.user)
    assert client.get(page(expert_at_riverside)).status_code == 404
    assert api_client_for(riverside_admin).get(api(expert_at_riverside)).status_code == 404


def test_a_chosen_reader_reads_the_plan_on_the_page_and_over_the_api(
    client: Client, riverside_contact, expert_at_riverside
):
    written_plan(expert_at_riverside, riverside_contact.user)
    logged_in(client, riverside_contact.user)
    response = client.get(page(expert_at_riverside))
    assert response.status_code == 200
    assert PLAN_WORDS in response.content.decode()
    answer = api_client_for(riverside_contact).get(api(expert_at_riverside))
    assert answer.status_code == 200
    assert answer.json()["keeps_me_well"] == PLAN_WORDS
    assert answer.json()["readers"] is None  # who else reads it is the person's business


def test_a_removed_reader_can_no_longer_read_the_plan(
    client: Client, riverside_contact, expert_at_riverside
):
    written_plan(expert_at_riverside, riverside_contact.user)
    services_wellness.remove_reader(
        expert_at_riverside, user=expert_at_riverside.user, reader=riverside_contact.user
    )
    logged_in(client, riverside_contact.user)
    assert client.get(page(expert_at_riverside)).status_code == 404
    assert api_client_for(riverside_contact).get(api(expert_at_riverside)).status_code == 404


def test_unticking_a_reader_on_the_page_stops_them_reading(
    client: Client, riverside_contact, riverside_coordinator, expert_at_riverside
):
    written_plan(expert_at_riverside, riverside_contact.user, riverside_coordinator.user)
    logged_in(client, expert_at_riverside.user)
    response = client.post(
        "/my-wellness-action-plan/readers/", {"readers": [riverside_coordinator.user_id]}
    )
    assert response.status_code == 302
    assert api_client_for(riverside_contact).get(api(expert_at_riverside)).status_code == 404
    assert api_client_for(riverside_coordinator).get(api(expert_at_riverside)).status_code == 200


def test_staff_of_another_organisation_cannot_be_chosen_or_read_it(
    client: Client, hillview_coordinator, riverside_contact, expert_at_riverside
):
    written_plan(expert_at_riverside, riverside_contact.user)
    logged_in(client, expert_at_riverside.user)
    response = client.post(
        "/my-wellness-action-plan/readers/", {"readers": [hillview_coordinator.user_id]}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    plan = expert_at_riverside.wellness_action_plan
    assert list(plan.readers.all()) == [riverside_contact.user]
    logged_in(client, hillview_coordinator.user)
    assert client.get(page(expert_at_riverside)).status_code == 404
    assert api_client_for(hillview_coordinator).get(api(expert_at_riverside)).status_code == 404


def test_a_reader_from_another_organisation_reads_only_when_chosen(
    client: Client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    written_plan(expert_at_both, riverside_coordinator.user)
    hillview = api_client_for(hillview_coordinator)
    assert hillview.get(api(expert_at_both)).status_code == 404
    services_wellness.choose_readers(
        expert_at_both,
        user=expert_at_both.user,
        reader_ids=[riverside_coordinator.user_id, hillview_coordinator.user_id],
    )
    assert hillview.get(api(expert_at_both)).status_code == 200


def test_the_register_links_to_the_plan_only_for_a_reader(
    client: Client, riverside_coordinator, riverside_admin, expert_at_riverside
):
    written_plan(expert_at_riverside, riverside_coordinator.user)
    link = page(expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    assert link in client.get(f"/people/{expert_at_riverside.pk}/").content.decode()
    logged_in(client, riverside_admin.user)
    assert link not in client.get(f"/people/{expert_at_riverside.pk}/").content.decode()


def test_the_person_reads_their_own_plan_over_the_api(expert_at_riverside, riverside_contact):
    written_plan(expert_at_riverside, riverside_contact.user)
    membership = expert_at_riverside.user.memberships.get()
    answer = api_client_for(membership).get("/api/v1/me/wellness-action-plan")
    assert answer.status_code == 200
    assert answer.json()["readers"] == [
        {"user_id": riverside_contact.user_id, "name": str(riverside_contact.user)}
    ]


def test_staff_have_no_plan_of_their_own_over_the_api(riverside_coordinator):
    answer = api_client_for(riverside_coordinator).get("/api/v1/me/wellness-action-plan")
    assert answer.status_code == 404
    assert answer.json() == {"detail": "Not found."}


def test_the_audit_log_records_changes_but_never_the_plans_words(
    expert_at_riverside, riverside_contact
):
    written_plan(expert_at_riverside, riverside_contact.user)
    events = AuditEvent.objects.filter(action__startswith="wellness_plan.")
    assert {event.action for event in events} == {
        "wellness_plan.created",
        "wellness_plan.reader_added",
    }
    assert all(PLAN_WORDS not in str(event.details) for event in events)

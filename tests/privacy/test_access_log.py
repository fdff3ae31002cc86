"""Who has looked at my information: staff reads of a person's sensitive details are
written down, the person's own reads are not, and only the person sees the list."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from powerwith.privacy.access import record_read
from powerwith.privacy.models import AccessLogEntry, AppendOnly, What
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import booked, expert_membership
from tests.privacy.factories import adjustment_for, booking_with_note, shared_plan

pytestmark = pytest.mark.django_db


def entries(person: Person) -> list[tuple[str, int]]:
    return [(e.what, e.viewer_id) for e in AccessLogEntry.objects.filter(person=person)]


def test_a_coordinator_opening_a_persons_page_is_written_down(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    logged_in(client, riverside_coordinator.user)
    response = client.get(f"/people/{expert_at_riverside.pk}/")
    assert response.status_code == 200
    entry = AccessLogEntry.objects.get(person=expert_at_riverside)
    assert entry.what == What.PROFILE
    assert entry.viewer_id == riverside_coordinator.user_id
    assert entry.organisation_id == riverside_coordinator.organisation_id
    assert entry.viewer_role == "coordinator"
    assert entry.where == f"/people/{expert_at_riverside.pk}/"


def test_the_register_list_is_not_written_down(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    logged_in(client, riverside_coordinator.user)
    assert client.get("/people/").status_code == 200
    assert entries(expert_at_riverside) == []


def test_reading_a_person_over_the_api_is_written_down(
    riverside_admin: Membership, expert_at_riverside: Person
) -> None:
    response = api_client_for(riverside_admin).get(f"/api/v1/people/{expert_at_riverside.pk}")
    assert response.status_code == 200
    assert entries(expert_at_riverside) == [(What.PROFILE, riverside_admin.user_id)]


def test_the_person_reading_their_own_profile_is_not_written_down(
    riverside: object, expert_at_riverside: Person
) -> None:
    own = expert_membership(expert_at_riverside, expert_at_riverside.links.get().organisation_id)
    response = api_client_for(own).get(f"/api/v1/people/{expert_at_riverside.pk}")
    assert response.status_code == 200
    assert entries(expert_at_riverside) == []


def test_record_read_skips_the_person_themself(expert_at_riverside: Person) -> None:
    own = Membership.objects.get(user=expert_at_riverside.user)
    assert (
        record_read(viewer=own, person=expert_at_riverside, what=What.PROFILE, where="/x") is None
    )
    assert entries(expert_at_riverside) == []


def test_a_chosen_reader_reading_the_wellness_action_plan_is_written_down(
    client: Client, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    shared_plan(expert_at_riverside, riverside_contact)
    logged_in(client, riverside_contact.user)
    page = client.get(f"/people/{expert_at_riverside.pk}/wellness-action-plan/")
    assert page.status_code == 200
    api = api_client_for(riverside_contact).get(
        f"/api/v1/people/{expert_at_riverside.pk}/wellness-action-plan"
    )
    assert api.status_code == 200
    assert (
        entries(expert_at_riverside) == [(What.WELLNESS_ACTION_PLAN, riverside_contact.user_id)] * 2
    )


def test_staff_reading_a_wellbeing_note_is_written_down(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    _, check = booking_with_note(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    assert client.get(f"/wellbeing-checks/{check.pk}/").status_code == 200
    api = api_client_for(riverside_coordinator)
    assert api.get(f"/api/v1/wellbeing-checks/{check.pk}").status_code == 200
    assert api.get("/api/v1/wellbeing-checks").status_code == 200
    found = entries(expert_at_riverside)
    assert found == [(What.WELLBEING_NOTES, riverside_coordinator.user_id)] * 3


def test_the_session_page_writes_down_the_adjustments_it_shows(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = booked(riverside_coordinator, expert_at_riverside)
    adjustment_for(booking)
    logged_in(client, riverside_coordinator.user)
    assert client.get(f"/sessions/{booking.session_id}/").status_code == 200
    api = api_client_for(riverside_coordinator)
    assert api.get(f"/api/v1/sessions/{booking.session_id}/adjustments").status_code == 200
    assert entries(expert_at_riverside) == [(What.ADJUSTMENTS, riverside_coordinator.user_id)] * 2


def test_the_person_sees_who_looked(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    logged_in(client, riverside_coordinator.user)
    client.get(f"/people/{expert_at_riverside.pk}/")
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    page = client.get("/my-information/who-looked/").content.decode()
    assert "coordinator@riverside.example" in page
    assert "Coordinator, Riverside Care Partnership" in page
    assert "Your profile" in page


def test_the_person_sees_who_looked_over_the_api(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    api_client_for(riverside_coordinator).get(f"/api/v1/people/{expert_at_riverside.pk}")
    own = Membership.objects.get(user=expert_at_riverside.user)
    body = api_client_for(own).get("/api/v1/me/access-log").json()
    assert body["count"] == 1
    assert body["items"][0]["what"] == "profile"
    assert body["items"][0]["organisation"] == "Riverside Care Partnership"


def test_no_one_else_sees_a_persons_access_log(
    client: Client,
    riverside_coordinator: Membership,
    riverside_admin: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    logged_in(client, riverside_coordinator.user)
    client.get(f"/people/{expert_at_riverside.pk}/")
    assert client.get("/my-information/who-looked/").status_code == 404
    assert api_client_for(riverside_admin).get("/api/v1/me/access-log").status_code == 404
    assert expert_at_both.user is not None
    logged_in(client, expert_at_both.user)
    page = client.get("/my-information/who-looked/").content.decode()
    assert "coordinator@riverside.example" not in page


def test_an_entry_cannot_be_changed_or_removed(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    entry = record_read(
        viewer=riverside_coordinator, person=expert_at_riverside, what=What.PROFILE, where="/x"
    )
    assert entry is not None
    entry.where = "/somewhere-else"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        AccessLogEntry.objects.filter(pk=entry.pk).update(where="/y")
    with pytest.raises(AppendOnly):
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.where == "/x"


def test_the_database_refuses_too(
    riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    from django.db import DatabaseError, transaction

    entry = record_read(
        viewer=riverside_coordinator, person=expert_at_riverside, what=What.PROFILE, where="/x"
    )
    assert entry is not None
    for sql in (
        "UPDATE privacy_accesslogentry SET \"where\" = '/y' WHERE id = %s",
        "DELETE FROM privacy_accesslogentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [entry.pk])
    entry.refresh_from_db()
    assert entry.where == "/x"

"""The "action needed" list: each member of staff sees their own tasks and marks them done;
no one reaches another's, or another organisation's."""

from __future__ import annotations

import pytest

from powerwith.engagements.models import StopKind
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.inbox.services import raise_action
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import booked

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(riverside_coordinator, riverside_contact, expert_at_riverside) -> ActionNeeded:
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    session = booking.session
    stop_or_time_out(
        person=booking.person,
        session=session,
        opportunity=session.opportunity,
        kind=StopKind.SUPPORT,
        by=riverside_coordinator,
    )
    return ActionNeeded.objects.get()


def test_the_list_shows_open_tasks_with_the_person_and_a_link(client, task, riverside_contact):
    html = logged_in(client, riverside_contact.user).get("/action-needed/").content.decode()
    assert "Alex has asked for support" in html
    assert "Mark as done" in html
    assert "Stopped or took time out" in html


def test_marking_a_task_done_moves_it_to_recently_done(client, task, riverside_contact):
    logged_in(client, riverside_contact.user)
    page = client.post(f"/action-needed/{task.pk}/done/", follow=True)
    task.refresh_from_db()
    assert task.done_at is not None
    assert task.done_by == riverside_contact.user
    html = page.content.decode()
    assert "You have nothing to do on this list right now." in html
    assert "Done in the last 30 days" in html


def test_an_empty_list_says_so(client, riverside_admin):
    html = logged_in(client, riverside_admin.user).get("/action-needed/").content.decode()
    assert "You have nothing to do on this list right now." in html


def test_someone_elses_task_cannot_be_closed(client, task, riverside_coordinator, hillview_admin):
    for user in (riverside_coordinator.user, hillview_admin.user):
        response = logged_in(client, user).post(f"/action-needed/{task.pk}/done/")
        assert response.status_code == 404
    task.refresh_from_db()
    assert task.done_at is None


def test_experts_have_no_action_list(client, expert_at_riverside):
    assert logged_in(client, expert_at_riverside.user).get("/action-needed/").status_code == 403


def test_the_api_lists_and_closes_ones_own_tasks(task, riverside_contact, riverside):
    other = raise_action(
        organisation=riverside,
        assignees=[riverside_contact.user],
        kind=ActionKind.ADJUSTMENT,
        key="adjustment:1",
        title="Confirm large print",
    )[0]
    api = api_client_for(riverside_contact)
    listed = api.get("/api/v1/action-needed").json()
    assert listed["count"] == 2
    assert {i["kind"] for i in listed["items"]} == {"stopped", "adjustment"}
    done = api.post(f"/api/v1/action-needed/{other.pk}/done")
    assert done.status_code == 200
    assert done.json()["done_at"] is not None
    assert api.get("/api/v1/action-needed").json()["count"] == 1


def test_the_api_answers_404_for_another_organisations_task(task, hillview_admin):
    api = api_client_for(hillview_admin)
    assert api.post(f"/api/v1/action-needed/{task.pk}/done").status_code == 404
    assert api.get("/api/v1/action-needed").json()["count"] == 0
    task.refresh_from_db()
    assert task.done_at is None

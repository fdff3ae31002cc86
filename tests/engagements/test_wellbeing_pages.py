"""Wellbeing check pages and API: the person's own list and form, staff answering with
the person, and no one reaching a check that is not theirs to see."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from powerwith.engagements.models import CheckKind, WellbeingCheck
from powerwith.inbox.models import ActionNeeded
from tests.conftest import api_client_for, logged_in, make_expert
from tests.engagements.factories import booked, expert_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(riverside_coordinator, riverside_contact, expert_at_riverside):
    return booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)


def before_check(booking) -> WellbeingCheck:
    check: WellbeingCheck = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    return check


def on_the_day(booking):
    return time_machine.travel(booking.session.starts_at - timedelta(hours=2), tick=False)


def test_the_person_sees_checks_due_now_coming_up_and_done(client, booking):
    with on_the_day(booking):
        logged_in(client, booking.person.user)
        html = client.get("/my-wellbeing/").content.decode()
    assert "Due now" in html
    assert f"/my-wellbeing/{before_check(booking).pk}/" in html
    assert "Coming up" in html
    assert "You have not done any wellbeing checks yet." in html


def test_the_check_form_uses_words_for_each_feeling_and_asks_no_explanation(client, booking):
    with on_the_day(booking):
        logged_in(client, booking.person.user)
        html = client.get(f"/my-wellbeing/{before_check(booking).pk}/").content.decode()
    for words in ("Not good at all", "Not so good", "OK", "Good", "Very good"):
        assert words in html
    assert 'type="radio"' in html
    assert "I would like support" in html
    assert "You do not have to write anything" in html


def test_the_person_answers_a_check_and_asks_for_support(
    client, booking, riverside_contact, django_capture_on_commit_callbacks
):
    with on_the_day(booking), django_capture_on_commit_callbacks(execute=True):
        logged_in(client, booking.person.user)
        page = client.post(
            f"/my-wellbeing/{before_check(booking).pk}/",
            {"feeling": "2", "note": "", "wants_support": "on"},
            follow=True,
        )
    assert "Your contact person has been told" in page.content.decode()
    check = before_check(booking)
    assert (check.feeling, check.wants_support) == (2, True)
    assert ActionNeeded.objects.get().assignee == riverside_contact.user


def test_a_feeling_of_7_shows_an_error_and_writes_nothing(client, booking):
    with on_the_day(booking):
        logged_in(client, booking.person.user)
        page = client.post(f"/my-wellbeing/{before_check(booking).pk}/", {"feeling": "7"})
    assert page.status_code == 400
    assert "Error:" in page.content.decode()
    assert not before_check(booking).is_done


def test_a_check_not_yet_open_says_when_it_opens(client, booking):
    logged_in(client, booking.person.user)
    html = client.get(f"/my-wellbeing/{before_check(booking).pk}/").content.decode()
    assert "This check opens on" in html
    client.post(f"/my-wellbeing/{before_check(booking).pk}/", {"feeling": "3"})
    assert not before_check(booking).is_done


def test_someone_elses_check_is_not_found(client, riverside, booking):
    other = make_expert("jo@people.example", "Jo", riverside)
    url = f"/my-wellbeing/{before_check(booking).pk}/"
    assert other.user is not None
    with on_the_day(booking):
        logged_in(client, other.user)
        assert client.get(url).status_code == 404
        assert client.post(url, {"feeling": "3"}).status_code == 404
    assert not before_check(booking).is_done


def test_the_contact_person_records_a_check_with_the_person(client, booking, riverside_contact):
    url = f"/wellbeing-checks/{before_check(booking).pk}/"
    with on_the_day(booking):
        logged_in(client, riverside_contact.user)
        assert "Record the check with Alex" in client.get(url).content.decode()
        client.post(url, {"feeling": "4"})
    assert before_check(booking).completed_by == riverside_contact.user


def test_staff_of_another_organisation_cannot_reach_a_check(
    client, booking, hillview_coordinator, riverside_auditor
):
    url = f"/wellbeing-checks/{before_check(booking).pk}/"
    assert logged_in(client, hillview_coordinator.user).get(url).status_code == 404
    assert logged_in(client, riverside_auditor.user).get(url).status_code == 403


def test_staff_see_checks_due(client, booking, riverside_coordinator):
    with on_the_day(booking):
        logged_in(client, riverside_coordinator.user)
        html = client.get("/wellbeing-checks/").content.decode()
    assert f"/wellbeing-checks/{before_check(booking).pk}/" in html


def test_the_api_lists_own_checks_and_due_ones(booking, expert_at_riverside):
    api = api_client_for(
        expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    )
    assert api.get("/api/v1/wellbeing-checks").json()["count"] == 3
    assert api.get("/api/v1/wellbeing-checks?due=1").json()["count"] == 0
    with on_the_day(booking):
        due = api.get("/api/v1/wellbeing-checks?due=1").json()["items"]
    assert [c["kind"] for c in due] == ["before", "end"]


def test_the_api_answers_a_check(booking, expert_at_riverside):
    api = api_client_for(
        expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    )
    with on_the_day(booking):
        response = api.post(
            f"/api/v1/wellbeing-checks/{before_check(booking).pk}",
            {"feeling": 5, "note": "Ready"},
            content_type="application/json",
        )
        again = api.post(
            f"/api/v1/wellbeing-checks/{before_check(booking).pk}",
            {"feeling": 4},
            content_type="application/json",
        )
    assert response.status_code == 200, response.content
    assert response.json()["feeling"] == 5
    assert again.status_code == 409
    assert before_check(booking).feeling == 5


def test_the_api_refuses_feeling_7_and_other_peoples_checks(
    riverside, booking, hillview_coordinator, expert_at_riverside
):
    url = f"/api/v1/wellbeing-checks/{before_check(booking).pk}"
    mine = api_client_for(expert_membership(expert_at_riverside, riverside.pk))
    other = make_expert("jo@people.example", "Jo", riverside)
    with on_the_day(booking):
        assert mine.post(url, {"feeling": 7}, content_type="application/json").status_code == 422
        for client in (
            api_client_for(expert_membership(other, riverside.pk)),
            api_client_for(hillview_coordinator),
        ):
            assert client.get(url).status_code == 404
            response = client.post(url, {"feeling": 3}, content_type="application/json")
            assert response.status_code == 404
    assert not before_check(booking).is_done
    assert api_client_for(hillview_coordinator).get("/api/v1/wellbeing-checks").json()["count"] == 0

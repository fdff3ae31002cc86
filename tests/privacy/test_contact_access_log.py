"""The contact person's pages write down what they show of a person, as staff pages do:
the home page (adjustments to confirm, who asked for support in a wellbeing check), a
session's page (each booked person's check answers), a wellbeing check and a Wellness
Action Plan the person chose to share; and the person then sees it on who-looked."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, CheckKind
from powerwith.engagements.services.wellbeing import complete_check
from powerwith.people.models import Person
from powerwith.privacy.models import AccessLogEntry, What
from tests.conftest import logged_in
from tests.engagements.factories import booked, expert_membership
from tests.privacy.factories import adjustment_for, shared_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(
    riverside_coordinator: Membership, riverside_contact: Membership, expert_at_riverside: Person
) -> Attendance:
    return booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)


def entries(person: Person) -> list[tuple[str, int, str, str]]:
    return [
        (e.what, e.viewer_id, e.viewer_role, e.where)
        for e in AccessLogEntry.objects.filter(person=person)
    ]


def _would_like_support(booking: Attendance, person: Person) -> None:
    session = booking.session
    me = expert_membership(person, session.opportunity.organisation_id)
    with time_machine.travel(session.starts_at - timedelta(hours=1), tick=False):
        complete_check(
            booking.wellbeing_checks.get(kind=CheckKind.BEFORE),
            by=me,
            feeling=2,
            wants_support=True,
        )


def test_the_contact_home_page_writes_down_the_adjustments_it_shows(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    adjustment_for(booking, "A quiet room to rest in")
    page = logged_in(client, riverside_contact.user).get("/").content.decode()
    assert "A quiet room to rest in" in page
    assert entries(expert_at_riverside) == [
        (What.ADJUSTMENTS, riverside_contact.user_id, "contact", "/")
    ]


def test_the_contact_home_page_writes_down_who_asked_for_support_in_a_check(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    _would_like_support(booking, expert_at_riverside)
    page = logged_in(client, riverside_contact.user).get("/").content.decode()
    assert "said so in a wellbeing check" in page
    assert entries(expert_at_riverside) == [
        (What.WELLBEING_NOTES, riverside_contact.user_id, "contact", "/")
    ]


def test_the_contact_home_page_showing_only_names_writes_nothing_down(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    page = logged_in(client, riverside_contact.user).get("/").content.decode()
    assert expert_at_riverside.preferred_name in page  # listed among their people
    assert entries(expert_at_riverside) == []


def test_the_session_page_writes_down_the_check_answers_it_shows_the_contact(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    _would_like_support(booking, expert_at_riverside)
    where = f"/sessions/{booking.session_id}/"
    page = logged_in(client, riverside_contact.user).get(where).content.decode()
    assert "Would like support" in page
    assert entries(expert_at_riverside) == [
        (What.WELLBEING_NOTES, riverside_contact.user_id, "contact", where)
    ]


def test_the_session_page_with_no_answers_yet_writes_nothing_down(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    response = logged_in(client, riverside_contact.user).get(f"/sessions/{booking.session_id}/")
    assert response.status_code == 200
    assert entries(expert_at_riverside) == []


def test_the_session_page_writes_down_the_adjustments_it_shows_the_contact(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    adjustment_for(booking)
    where = f"/sessions/{booking.session_id}/"
    assert logged_in(client, riverside_contact.user).get(where).status_code == 200
    assert entries(expert_at_riverside) == [
        (What.ADJUSTMENTS, riverside_contact.user_id, "contact", where)
    ]


def test_the_contact_opening_a_wellbeing_check_is_written_down(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    _would_like_support(booking, expert_at_riverside)
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    where = f"/wellbeing-checks/{check.pk}/"
    assert logged_in(client, riverside_contact.user).get(where).status_code == 200
    assert entries(expert_at_riverside) == [
        (What.WELLBEING_NOTES, riverside_contact.user_id, "contact", where)
    ]


def test_the_contact_reading_a_shared_plan_is_written_down(
    client: Client, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    shared_plan(expert_at_riverside, riverside_contact)
    where = f"/people/{expert_at_riverside.pk}/wellness-action-plan/"
    assert logged_in(client, riverside_contact.user).get(where).status_code == 200
    assert entries(expert_at_riverside) == [
        (What.WELLNESS_ACTION_PLAN, riverside_contact.user_id, "contact", where)
    ]


def test_the_person_sees_the_contact_on_who_looked(
    client: Client, booking: Attendance, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    adjustment_for(booking)
    _would_like_support(booking, expert_at_riverside)
    logged_in(client, riverside_contact.user).get("/")
    assert expert_at_riverside.user is not None
    page = logged_in(client, expert_at_riverside.user).get("/my-information/who-looked/")
    html = page.content.decode()
    assert riverside_contact.user.email in html
    assert "Contact person, Riverside Care Partnership" in html
    assert "Your reasonable adjustments" in html
    assert "Your wellbeing check answers" in html

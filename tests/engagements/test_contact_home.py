"""The contact person's home page: their people, today's sessions, checks due and overdue,
adjustments to confirm, support requests and stop events — each with words when empty."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from powerwith.engagements.models import Adjustment, CheckKind, StopKind
from powerwith.engagements.queries.contact import contact_home
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.engagements.services.wellbeing import complete_check
from tests.conftest import logged_in, make_expert, make_member
from tests.engagements.factories import booked, expert_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(riverside_coordinator, riverside_contact, expert_at_riverside):
    return booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)


def test_an_empty_home_page_says_so_in_words(client, riverside_contact):
    html = logged_in(client, riverside_contact.user).get("/").content.decode()
    for words in (
        "You are not yet the contact person for anyone with accepted work.",
        "You have no sessions today.",
        "No wellbeing checks are due or overdue.",
        "No adjustments are waiting for you to confirm.",
        "No one has asked for support in the last 30 days.",
        "No one has stopped or taken time out in the last 30 days.",
    ):
        assert words in html


def test_the_home_page_shows_what_needs_the_contact_person(
    client, booking, riverside_contact, expert_at_riverside
):
    session = booking.session
    me = expert_membership(expert_at_riverside, session.opportunity.organisation_id)
    Adjustment.objects.create(
        person=expert_at_riverside,
        opportunity=session.opportunity,
        details="A quiet room for breaks",
        requested_by=expert_at_riverside.user,
    )
    on_the_day = session.starts_at - timedelta(hours=1)
    with time_machine.travel(on_the_day, tick=False):
        complete_check(
            booking.wellbeing_checks.get(kind=CheckKind.BEFORE),
            by=me,
            feeling=2,
            wants_support=True,
        )
        stop_or_time_out(
            person=expert_at_riverside,
            session=session,
            opportunity=session.opportunity,
            kind=StopKind.TIME_OUT,
            by=me,
        )
        html = logged_in(client, riverside_contact.user).get("/").content.decode()
    assert "Alex" in html
    assert session.opportunity.title in html
    assert "(1 booked)" in html  # sessions today
    assert "A quiet room for breaks" in html
    assert "said so in a wellbeing check" in html
    assert "take time out" in html
    assert "1 to do" in html or "2 to do" in html
    # The end check is due today and not answered.
    assert f"/wellbeing-checks/{booking.wellbeing_checks.get(kind=CheckKind.END).pk}/" in html


def test_overdue_checks_are_told_apart(booking, riverside_contact):
    before = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    home = contact_home(riverside_contact, before.due_at + timedelta(hours=30))
    assert before in home.checks_overdue
    assert before not in home.checks_due


def test_only_the_contact_persons_own_people_are_shown(
    riverside, riverside_coordinator, booking, riverside_contact
):
    other_contact = make_member(riverside, "other@riverside.example", "contact")
    jo = make_expert("jo@people.example", "Jo", riverside)
    booked(riverside_coordinator, jo, contact=other_contact.user)
    home = contact_home(riverside_contact, timezone.now())
    assert [p.name for p in home.people] == ["Alex"]


def test_the_home_page_reads_in_a_bounded_number_of_queries(
    riverside, riverside_coordinator, riverside_contact, booking
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            contact_home(riverside_contact, timezone.now())
        return len(queries)

    few = count()
    for n in range(3):
        person = make_expert(f"p{n}@people.example", f"P{n}", riverside)
        booked(riverside_coordinator, person, contact=riverside_contact.user)
    assert count() == few

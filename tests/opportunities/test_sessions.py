"""An opportunity's sessions: new ones from now on, sensible lengths, and the sessions
people were booked on, or took part in, never removed under them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.engagements.models import Attendance, Session
from powerwith.opportunities.rules import RowError
from powerwith.opportunities.services import SessionInput
from powerwith.workflows.changing_work import create_opportunity, set_sessions, update_opportunity
from tests.opportunities.factories import future, opportunity, person, worked

pytestmark = pytest.mark.django_db


def starts(opportunity):
    return [(s.starts_at, s.minutes) for s in Session.objects.filter(opportunity=opportunity)]


def test_it_creates_an_opportunity_with_its_sessions_and_audits_them(riverside_coordinator):
    first, second = future(10), future(17, hour=14)
    made = create_opportunity(
        by=riverside_coordinator,
        data={"title": "Panel"},
        sessions=[SessionInput(second, 90), SessionInput(first, 180)],
    )
    assert starts(made) == [(first, 180), (second, 90)]
    event = AuditEvent.objects.get(action="opportunity.sessions_updated")
    assert len(event.details["added"]) == 2


def test_a_new_session_in_the_past_is_refused_and_nothing_is_saved(riverside_coordinator):
    yesterday = timezone.now() - timedelta(days=1)
    with pytest.raises(RowError) as refused:
        create_opportunity(
            by=riverside_coordinator,
            data={"title": "Panel"},
            sessions=[SessionInput(future(), 60), SessionInput(yesterday, 60)],
        )
    assert refused.value.message.startswith("Session 2: ")
    assert "is in the past. A new session needs a date and time from now on." in (
        refused.value.message
    )
    assert refused.value.status_code == 422
    assert not Session.objects.exists()


@pytest.mark.parametrize("minutes", [0, -30, 1441, 10_000])
def test_a_session_lasts_from_a_minute_to_a_day(riverside_coordinator, minutes):
    with pytest.raises(InvalidInput, match=r"from 1 to 1440 minutes \(24 hours\)"):
        create_opportunity(
            by=riverside_coordinator,
            data={"title": "Panel"},
            sessions=[SessionInput(future(), minutes)],
        )


@pytest.mark.parametrize("minutes", [1, 1440])
def test_a_minute_and_a_whole_day_are_both_fine(riverside_coordinator, minutes):
    made = opportunity(riverside_coordinator)
    set_sessions(made, by=riverside_coordinator, sessions=[SessionInput(future(), minutes)])
    assert starts(made) == [(future(), minutes)]


def test_two_sessions_at_the_same_time_are_refused(riverside_coordinator):
    made = opportunity(riverside_coordinator)
    with pytest.raises(InvalidInput, match=r"Session 2: It starts at the same time as session 1\."):
        set_sessions(
            made,
            by=riverside_coordinator,
            sessions=[SessionInput(future(), 60), SessionInput(future(), 90)],
        )


def test_a_time_without_a_zone_is_the_services_own_time(riverside_coordinator):
    made = opportunity(riverside_coordinator)
    summer = datetime(timezone.now().year + 1, 7, 1, 10, 0)
    set_sessions(made, by=riverside_coordinator, sessions=[SessionInput(summer, 60)])
    # 10am in London in July is 9am UTC.
    assert starts(made) == [(summer.replace(hour=9, tzinfo=UTC), 60)]


def test_sessions_already_held_stay_and_keep_who_took_part(riverside_coordinator):
    by = riverside_coordinator
    made = opportunity(by)
    held = worked(person(by, "Niña"), made, 120, days_ago=14)
    set_sessions(
        made,
        by=by,
        sessions=[SessionInput(held.starts_at, 120), SessionInput(future(), 60)],
    )
    assert starts(made) == [(held.starts_at, 120), (future(), 60)]
    assert Attendance.objects.filter(session=held).count() == 1


def test_a_session_people_are_booked_on_is_not_removed(riverside_coordinator):
    by = riverside_coordinator
    made = opportunity(by)
    booked = worked(person(by, "Niña"), made, 120, days_ago=14)
    with pytest.raises(Conflict, match="has people booked on it or recorded as taking part"):
        set_sessions(made, by=by, sessions=[SessionInput(future(), 60)])
    assert starts(made) == [(booked.starts_at, 120)]


def test_a_future_session_is_moved_and_resized_with_an_audit_record(riverside_coordinator):
    by = riverside_coordinator
    made = opportunity(by)
    set_sessions(made, by=by, sessions=[SessionInput(future(10), 60), SessionInput(future(20), 60)])
    set_sessions(made, by=by, sessions=[SessionInput(future(10), 90), SessionInput(future(30), 60)])
    assert starts(made) == [(future(10), 90), (future(30), 60)]
    event = AuditEvent.objects.filter(action="opportunity.sessions_updated").latest("id")
    moments = {
        name: [datetime.fromisoformat(value) for value in event.details[name]]
        for name in ["added", "removed"]
    }
    assert moments == {"added": [future(30)], "removed": [future(20)]}
    [changed] = event.details["changed"]
    assert (datetime.fromisoformat(changed["starts_at"]), changed["minutes"]) == (future(10), 90)


def test_a_bad_session_undoes_the_other_changes_made_with_it(riverside_coordinator):
    made = opportunity(riverside_coordinator)
    with pytest.raises(InvalidInput):
        update_opportunity(
            made,
            by=riverside_coordinator,
            changes={"title": "Ward panel"},
            sessions=[SessionInput(future(), 0)],
        )
    made.refresh_from_db()
    assert made.title == "Co-design restraint reduction training"
    assert not Session.objects.exists()


def test_only_the_organisations_managers_set_sessions(riverside_coordinator, hillview_coordinator):
    made = opportunity(riverside_coordinator)
    with pytest.raises(NotAllowed):
        set_sessions(made, by=hillview_coordinator, sessions=[SessionInput(future(), 60)])
    assert not Session.objects.exists()


def test_a_session_years_ahead_is_taken_for_a_typing_slip(riverside_coordinator):
    made = opportunity(riverside_coordinator)
    with pytest.raises(InvalidInput, match=r"is more than 5 years ahead\. Check the year\."):
        set_sessions(made, by=riverside_coordinator, sessions=[SessionInput(future(6 * 365), 60)])
    assert not Session.objects.exists()

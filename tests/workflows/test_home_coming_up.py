"""After what needs them now, coordinators and admins see what is coming up: the
organisation's next sessions over a fortnight, soonest first and at most five, counted;
the auditor, who sees no work by name, does not."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.engagements.services.sessions import add_session, cancel_session
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.offers.factories import complete_opportunity

pytestmark = pytest.mark.django_db


def coming_up(html: str) -> str:
    return html.split('id="coming-up"', 1)[1].split("</div>", 1)[0]


def session_links(html: str) -> list[str]:
    return re.findall(r'href="(/sessions/\d+/)"', coming_up(html))


def sessions_in(by: Membership, days: list[float], title: str = "Ward rounds") -> list[Session]:
    opportunity = complete_opportunity(by, sessions=0, title=title)
    soon = timezone.now().replace(second=0, microsecond=0)
    return [
        add_session(opportunity, by=by, starts_at=soon + timedelta(days=day), minutes=60)
        for day in days
    ]


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_admin"])
def test_staff_who_oversee_the_work_see_the_next_five_sessions_soonest_first(
    request, client, role, hillview_coordinator
):
    member: Membership = request.getfixturevalue(role)
    sessions = sessions_in(member, [6, 1, 13, 2, 3, 5.5])
    sessions_in(member, [15], title="Later work")
    cancelled = sessions_in(member, [4], title="Called off")[0]
    cancel_session(cancelled, by=member)
    sessions_in(hillview_coordinator, [1], title="Hillview work")
    html = logged_in(client, member.user).get("/").text
    soonest = sorted(sessions, key=lambda s: s.starts_at)[:5]
    assert session_links(html) == [f"/sessions/{s.pk}/" for s in soonest]
    assert "6 sessions in the next 14 days, the first 5 here" in coming_up(html)
    assert 'href="/sessions/"' in coming_up(html)
    for not_shown in ("Later work", "Called off", "Hillview work"):
        assert not_shown not in coming_up(html)
    # After the tasks, before everything else.
    order = [html.index(words) for words in ("What needs you now", "Coming up", "Everything else")]
    assert order == sorted(order)


def test_with_no_sessions_in_the_next_fortnight_the_coordinator_is_told(
    client, riverside_coordinator
):
    html = logged_in(client, riverside_coordinator.user).get("/").text
    assert session_links(html) == []
    assert "No sessions in the next 14 days." in coming_up(html)


@pytest.mark.parametrize("role", ["riverside_auditor", "riverside_contact"])
def test_the_auditor_and_the_contact_person_see_no_fortnight_of_the_organisations_sessions(
    request, client, riverside_coordinator, role
):
    sessions_in(riverside_coordinator, [1, 2])
    member: Membership = request.getfixturevalue(role)
    html = logged_in(client, member.user).get("/").text
    assert 'id="coming-up"' not in html
    assert "Ward rounds" not in html


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_admin"])
def test_all_the_sessions_of_the_fortnight_are_listed_after_the_home(
    request, client, role, hillview_coordinator
):
    member: Membership = request.getfixturevalue(role)
    sessions = sessions_in(member, [3, 1, 2, 4, 5, 6])
    sessions_in(member, [15], title="Later work")
    sessions_in(hillview_coordinator, [1], title="Hillview work")
    html = logged_in(client, member.user).get("/sessions/").text
    soonest = sorted(sessions, key=lambda s: s.starts_at)
    assert re.findall(r'href="(/sessions/\d+/)"', html) == [f"/sessions/{s.pk}/" for s in soonest]
    assert "Later work" not in html
    assert "Hillview work" not in html


@pytest.mark.parametrize("role", ["riverside_auditor", "riverside_contact"])
def test_only_those_who_oversee_all_the_work_see_all_the_sessions(
    request, client, role, expert_at_riverside
):
    member: Membership = request.getfixturevalue(role)
    assert logged_in(client, member.user).get("/sessions/").status_code == 403
    assert expert_at_riverside.user is not None
    assert logged_in(client, expert_at_riverside.user).get("/sessions/").status_code == 403


def test_an_expert_working_with_two_organisations_is_told_whose_each_session_is(
    client, riverside_coordinator, hillview_coordinator, expert_at_both
):
    booked(riverside_coordinator, expert_at_both, title="River walk")
    booked(hillview_coordinator, expert_at_both, title="Hill walk")
    html = coming_up(logged_in(client, expert_at_both.user).get("/").text)
    assert "With Riverside Care Partnership" in html
    assert "With Hillview Health NHS Foundation Trust" in html
    assert re.findall(r'href="(/my-sessions/\d+/)"', html)

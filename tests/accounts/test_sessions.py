"""A new session key at each login, idle and absolute time limits, and a page where a
person sees where they are logged in and ends any of those sessions."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import AuditEvent, UserSession
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14) Mobile Safari"
LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


def logged_in_browser(user, agent: str = LAPTOP, address: str = "10.0.0.7") -> Client:
    client = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    response = client.post("/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def later(**delta: float):
    return time_machine.travel(timezone.now() + timedelta(**delta), tick=False)


def test_logging_in_gives_a_new_session_key(client, riverside_coordinator):
    session = client.session
    session["before"] = "login"
    session.save()
    before = session.session_key
    client.post("/login/", {"username": riverside_coordinator.user.email, "password": PASSWORD})
    after = client.cookies["sessionid"].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert client.session["before"] == "login"  # Django cycles the key, keeping the data


def test_each_login_is_listed_with_its_browser_address_and_times(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user, LAPTOP, "10.0.0.7")
    logged_in_browser(riverside_coordinator.user, PHONE, "10.0.0.8")
    page = laptop.get("/account/sessions/")
    assert page.status_code == 200
    assert "Firefox/140.0" in page.text
    assert "Android 14" in page.text
    assert "10.0.0.7" in page.text
    assert "10.0.0.8" in page.text
    assert page.text.count("This browser") == 1
    assert UserSession.objects.filter(user=riverside_coordinator.user).count() == 2


def test_a_person_ends_another_of_their_sessions(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user, LAPTOP)
    phone = logged_in_browser(riverside_coordinator.user, PHONE)
    on_phone = UserSession.objects.get(user_agent=PHONE)
    response = laptop.post(f"/account/sessions/{on_phone.pk}/end/")
    assert response.status_code == 302
    assert phone.get("/account/").status_code == 302  # the phone is logged out
    assert laptop.get("/account/").status_code == 200
    on_phone.refresh_from_db()
    assert on_phone.ended_at is not None
    assert AuditEvent.objects.filter(action="session.ended").count() == 1
    assert "Android" not in laptop.get("/account/sessions/").text


def test_log_out_everywhere_else_keeps_this_browser(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user, LAPTOP)
    others = [logged_in_browser(riverside_coordinator.user, f"Browser {n}") for n in range(3)]
    laptop.post("/account/sessions/end-others/")
    assert laptop.get("/account/").status_code == 200
    for other in others:
        assert other.get("/account/").status_code == 302


def test_ending_this_browsers_own_session_logs_it_out(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user, LAPTOP)
    mine = UserSession.objects.get()
    response = laptop.post(f"/account/sessions/{mine.pk}/end/")
    assert response["Location"] == "/login/"
    assert laptop.get("/account/").status_code == 302


def test_no_one_can_end_or_see_someone_elses_session(riverside_coordinator, riverside_admin):
    theirs_client = logged_in_browser(riverside_admin.user, PHONE)
    mine = logged_in_browser(riverside_coordinator.user, LAPTOP)
    theirs = UserSession.objects.get(user=riverside_admin.user)
    assert mine.post(f"/account/sessions/{theirs.pk}/end/").status_code == 404
    assert theirs_client.get("/account/").status_code == 200
    assert PHONE not in mine.get("/account/sessions/").text


def test_ending_a_session_needs_a_post(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user)
    mine = UserSession.objects.get()
    assert laptop.get(f"/account/sessions/{mine.pk}/end/").status_code == 405


def test_thirty_idle_minutes_log_a_person_out(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user)
    with later(minutes=29):
        assert laptop.get("/account/").status_code == 200
    with later(minutes=29 + 31):
        response = laptop.get("/organisation/members/")
        assert response.status_code == 302
        assert response["Location"] == "/login/?next=%2Forganisation%2Fmembers%2F"
        page = laptop.get(response["Location"])
        assert "because you had not used powerwith for 30 minutes" in page.text
        assert UserSession.objects.get().ended_at is not None


def test_activity_keeps_a_session_alive_but_not_past_twelve_hours(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user)
    for quarter in range(1, 48):
        with later(minutes=15 * quarter):
            assert laptop.get("/account/").status_code == 200, f"after {quarter * 15} minutes"
    with later(hours=12, minutes=5):
        response = laptop.get("/")
        assert response.status_code == 302
        assert "more than 12 hours ago" in laptop.get(response["Location"]).text


def test_the_limits_come_from_the_settings(riverside_coordinator, settings):
    settings.SESSION_IDLE_MINUTES = 5
    laptop = logged_in_browser(riverside_coordinator.user)
    with later(minutes=6):
        assert laptop.get("/account/").status_code == 302


def test_last_seen_is_kept_to_the_minute(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user)
    first = UserSession.objects.get().last_seen_at
    with later(minutes=10):
        laptop.get("/")
    assert UserSession.objects.get().last_seen_at >= first + timedelta(minutes=10)


def test_logging_out_ends_the_listed_session(riverside_coordinator):
    laptop = logged_in_browser(riverside_coordinator.user)
    laptop.post("/logout/")
    assert UserSession.objects.get().ended_at is not None

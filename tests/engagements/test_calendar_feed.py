"""The personal calendar feed: a secret address shown once, stored only as a hash,
replaced by a new one and ended by revoking it."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest
from icalendar import Calendar

from powerwith.engagements.models import CalendarFeed
from powerwith.engagements.services.calendar import create_feed, revoke_feed
from tests.conftest import logged_in
from tests.engagements.factories import booked

pytestmark = pytest.mark.django_db


def events_in(response) -> list[Any]:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_only_the_hash_of_the_secret_is_kept(riverside_coordinator):
    feed, token = create_feed(riverside_coordinator.user)
    assert token not in feed.token_hash
    assert feed.token_hash == hashlib.sha256(token.encode()).hexdigest()


def test_a_person_reads_their_booked_sessions(client, riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    _, token = create_feed(expert_at_riverside.user)
    (event,) = events_in(client.get(f"/calendar/{token}.ics"))
    assert str(event["uid"]) == f"session-{booking.session_id}@powerwith"


def test_a_contact_person_reads_the_sessions_they_are_contact_for(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    _, token = create_feed(riverside_contact.user)
    assert len(events_in(client.get(f"/calendar/{token}.ics"))) == 1


def test_a_coordinator_reads_the_organisations_sessions_but_not_anothers(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    booked(riverside_coordinator, expert_at_riverside)
    _, riverside_token = create_feed(riverside_coordinator.user)
    _, hillview_token = create_feed(hillview_coordinator.user)
    assert len(events_in(client.get(f"/calendar/{riverside_token}.ics"))) == 1
    assert events_in(client.get(f"/calendar/{hillview_token}.ics")) == []


def test_a_new_address_replaces_the_old_and_revoking_ends_it(client, riverside_coordinator):
    user = riverside_coordinator.user
    _, old = create_feed(user)
    _, new = create_feed(user)
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200
    revoke_feed(user)
    assert client.get(f"/calendar/{new}.ics").status_code == 404
    assert client.get("/calendar/not-a-real-secret.ics").status_code == 404


def test_the_account_page_shows_the_address_once(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    assert "You do not have a calendar feed." in client.get("/account/calendar/").text
    made = client.post("/account/calendar/", {"action": "create"})
    address = re.search(r"/calendar/([A-Za-z0-9_-]+)\.ics", made.text)
    assert address is not None
    token = address.group(1)
    assert client.get(f"/calendar/{token}.ics").status_code == 200
    shown_again = client.get("/account/calendar/")
    assert token not in shown_again.text
    assert "You have a calendar feed" in shown_again.text
    client.post("/account/calendar/", {"action": "revoke"})
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert CalendarFeed.objects.filter(revoked_at=None).count() == 0

"""A person whose required check is missing or expired stays in the matches, marked with
the reason, is not sent an offer and is not booked, until the check is renewed."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from powerwith.core.errors import InvalidInput
from powerwith.engagements.models import Session
from powerwith.engagements.services.booking import book
from powerwith.matching.matches import matches_for
from powerwith.offers import services as offer_services
from powerwith.offers.models import OfferStatus
from powerwith.workflows import offers as offer_workflows
from tests.conftest import api_client_for
from tests.engagements.factories import consents, expert_membership
from tests.offers.factories import draft_offer
from tests.opportunities.factories import opportunity, person
from tests.safe_to_work.factories import ENHANCED_DBS, INDUCTION, check, dbs, requires

pytestmark = pytest.mark.django_db


def _long_ago() -> date:
    return timezone.localdate() - timedelta(days=3 * 365)


def test_matches_carry_the_reason_and_keep_the_person(riverside_coordinator):
    work = opportunity(riverside_coordinator)
    requires(riverside_coordinator, ENHANCED_DBS, opportunity=work)
    blocked = person(riverside_coordinator, "Bo")
    cleared = person(riverside_coordinator, "Cy")
    expired_on = timezone.localdate() - timedelta(days=10)
    dbs(riverside_coordinator, blocked, done_on=_long_ago(), expires_on=expired_on)
    dbs(riverside_coordinator, cleared, done_on=_long_ago())
    found = {m.preferred_name: m for m in matches_for(riverside_coordinator, work)}
    assert found["Bo"].blocked == [f"DBS check expired on {expired_on:%-d %B %Y}"]
    assert found["Cy"].blocked == []


def test_the_ranking_does_not_change_for_a_blocked_person(riverside_coordinator):
    work = opportunity(riverside_coordinator)
    people = [person(riverside_coordinator, name) for name in ("Ann", "Bo", "Cy")]
    before = [(m.person_id, m.score) for m in matches_for(riverside_coordinator, work)]
    requires(riverside_coordinator, INDUCTION, opportunity=work)
    after = matches_for(riverside_coordinator, work)
    assert [(m.person_id, m.score) for m in after] == before
    assert all(m.blocked == ["No induction recorded"] for m in after)
    assert len(after) == len(people)


def test_the_matches_api_and_page_show_the_reason(client, riverside_coordinator):
    work = opportunity(riverside_coordinator)
    requires(riverside_coordinator, INDUCTION, opportunity=work)
    someone = person(riverside_coordinator, "Bo")
    items = (
        api_client_for(riverside_coordinator)
        .get(f"/api/v1/opportunities/{work.pk}/matches")
        .json()["items"]
    )
    assert items[0]["person_id"] == someone.pk
    assert items[0]["blocked"] == ["No induction recorded"]
    client.force_login(riverside_coordinator.user)
    page = client.get(f"/opportunities/{work.pk}/matches/")
    assert "No induction recorded" in page.content.decode()


def test_sending_is_refused_until_the_check_is_renewed(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    requires(riverside_coordinator, ENHANCED_DBS)
    expired_on = timezone.localdate() - timedelta(days=1)
    dbs(riverside_coordinator, expert_at_riverside, done_on=_long_ago(), expires_on=expired_on)
    client = api_client_for(riverside_coordinator)
    refused = client.post(f"/api/v1/offers/{offer.pk}/send", content_type="application/json")
    assert refused.status_code == 409
    assert refused.json()["blocked"] == [f"DBS check expired on {expired_on:%-d %B %Y}"]
    assert "DBS check expired on" in refused.json()["detail"]
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    dbs(
        riverside_coordinator,
        expert_at_riverside,
        done_on=timezone.localdate(),
        expires_on=timezone.localdate() + timedelta(days=3 * 365),
    )
    sent = client.post(
        f"/api/v1/offers/{offer.pk}/send",
        data=json.dumps({"acknowledge_warnings": True}),
        content_type="application/json",
    )
    assert sent.status_code == 200


def test_the_offer_page_says_why_it_cannot_be_sent(
    client, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    requires(riverside_coordinator, INDUCTION)
    client.force_login(riverside_coordinator.user)
    before = client.get(f"/offers/{offer.pk}/").content.decode()
    assert "cannot be sent until Alex’s checks for this work are up to date" in before
    response = client.post(f"/offers/{offer.pk}/send/", {})
    assert response.status_code == 409
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "No induction recorded" in body


def test_booking_is_refused_until_the_check_is_renewed(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    offer_services.send_offer(offer, by=riverside_coordinator)
    assert expert_at_riverside.user is not None
    offer_workflows.accept_offer(offer, user=expert_at_riverside.user)
    consents(expert_at_riverside, offer, "take_part")
    session = Session.objects.filter(opportunity=offer.opportunity).get()
    # Required after the offer was accepted: the induction lapsed in the meantime.
    requires(riverside_coordinator, INDUCTION, opportunity=offer.opportunity)
    expired_on = timezone.localdate()
    check(
        riverside_coordinator,
        expert_at_riverside,
        kind="induction",
        done_on=_long_ago(),
        expires_on=expired_on,
        today=timezone.localdate(),
    )
    with pytest.raises(InvalidInput) as refused:
        book(session=session, person=expert_at_riverside, by=riverside_coordinator)
    assert f"Induction expired on {expired_on:%-d %B %Y}" in refused.value.message
    client = api_client_for(riverside_coordinator)
    response = client.post(
        f"/api/v1/sessions/{session.pk}/bookings",
        data=json.dumps({"person_id": expert_at_riverside.pk}),
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "Induction expired on" in response.json()["detail"]
    check(
        riverside_coordinator,
        expert_at_riverside,
        kind="induction",
        done_on=timezone.localdate(),
        today=timezone.localdate(),
    )
    assert book(session=session, person=expert_at_riverside, by=riverside_coordinator).is_booked
    assert expert_membership(expert_at_riverside, offer.organisation_id)

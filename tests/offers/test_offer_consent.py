"""The person gives consent for the work from the offer: each scope separately, in the
ledger's own wording, nothing ticked for them, and only for what the offer asks."""

from __future__ import annotations

import pytest

from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import state_of
from powerwith.consent.services.offers import give_consent_for_offer, scopes_asked
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.offers import services
from tests.conftest import logged_in
from tests.offers.factories import sent_offer

pytestmark = pytest.mark.django_db


def url(offer) -> str:
    return f"/my-offers/{offer.pk}/consent/"


def test_the_person_gives_take_part_and_be_recorded_from_the_offer(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    page = client.get(url(offer)).content.decode()
    assert "I agree to take part in this piece of work" in page
    assert "checked" not in page
    response = client.post(url(offer), {"scopes": ["take_part", "be_recorded"]})
    assert response.status_code == 302
    for scope in ("take_part", "be_recorded"):
        state = state_of(expert_at_riverside, offer.organisation, scope, offer.opportunity_id, None)
        assert state is not None
        assert state.is_given
    event = ConsentEvent.objects.filter(scope="take_part").get()
    assert event.method == "self"
    assert event.opportunity_id == offer.opportunity_id


def test_ticking_nothing_is_explained_and_writes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.post(url(offer), {})
    assert response.status_code == 400
    assert "Tick at least one thing you agree to." in response.content.decode()
    assert not ConsentEvent.objects.exists()


def test_publishing_is_asked_only_when_the_opportunity_says_outputs_are_published(
    riverside_coordinator, expert_at_riverside
):
    private = sent_offer(riverside_coordinator, expert_at_riverside)
    assert "publish" not in scopes_asked(private)
    with pytest.raises(InvalidInput):
        give_consent_for_offer(private, user=expert_at_riverside.user, scopes=["publish"])
    assert not ConsentEvent.objects.exists()


def test_someone_else_cannot_reach_or_answer_the_offer(
    client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, expert_at_both.user)
    assert client.get(url(offer)).status_code == 404
    assert client.post(url(offer), {"scopes": ["take_part"]}).status_code == 404
    assert not ConsentEvent.objects.exists()


def test_a_withdrawn_offer_asks_for_nothing(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    services.withdraw_offer(offer, by=riverside_coordinator)
    offer.refresh_from_db()
    with pytest.raises(Conflict):
        give_consent_for_offer(offer, user=expert_at_riverside.user, scopes=["take_part"])
    assert not ConsentEvent.objects.exists()


def test_a_consent_already_given_is_not_given_twice(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    give_consent_for_offer(offer, user=expert_at_riverside.user, scopes=["take_part"])
    again = give_consent_for_offer(
        offer, user=expert_at_riverside.user, scopes=["take_part", "be_quoted"]
    )
    assert again == ["be_quoted"]
    assert ConsentEvent.objects.filter(scope="take_part").count() == 1

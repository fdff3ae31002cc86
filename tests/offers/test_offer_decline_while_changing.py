"""It's OK to say no — also while the organisation is changing an offer the person has seen."""

from __future__ import annotations

import pytest

from powerwith.core.errors import Conflict
from powerwith.offers import services
from powerwith.offers.models import OfferAction, OfferStatus
from tests.offers.factories import draft_offer, sent_offer

pytestmark = pytest.mark.django_db


def test_a_person_can_say_no_while_a_sent_offer_is_being_changed(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    services.change_terms(
        offer, by=riverside_coordinator, terms={**offer.terms, "message": "New dates below."}
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT

    client.force_login(expert_at_riverside.user)
    page = client.get(f"/my-offers/{offer.pk}/")
    assert "You can still say no now." in page.text

    services.decline_offer(offer, user=expert_at_riverside.user)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    assert offer.events.filter(action=OfferAction.DECLINED).count() == 1


def test_an_offer_never_sent_cannot_be_declined(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="not been sent"):
        services.decline_offer(offer, user=expert_at_riverside.user)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    assert not offer.events.filter(action=OfferAction.DECLINED).exists()

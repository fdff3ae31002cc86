"""Values for the pages where staff record what a person told them: a person without a
login who accepted an offer on the phone and took part in a session two days ago."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from powerwith.engagements.models import Session
from powerwith.offers.models import Offer
from tests.browser.page_values import PartCast
from tests.workflows.factories import booked_on_their_word, no_login


def values(cast: PartCast) -> dict[str, Any]:
    person = no_login(cast.coordinator, name="Nia")
    booking = booked_on_their_word(cast.coordinator, person, title="Listening event")
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=2)
    )
    offer = Offer.objects.get(person=person, opportunity=booking.session.opportunity)
    return {
        "claim_offer_id": offer.pk,
        "feedback_record_offer_id": offer.pk,
        "consent_offer_id": offer.pk,
        "word_booking_id": booking.pk,
    }

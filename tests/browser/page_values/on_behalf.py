"""Values for the pages where staff record what a person told them, and for the API
requests staff make on the person's word (``tests/probes.py``, ``ON_BEHALF``): Nia, who
has no login, accepted an offer on the phone and took part in a session two days ago;
she has a second offer waiting for her answer, and a third piece of work that is over,
for her feedback. The contact person is appointed to all of it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from powerwith.engagements.models import CheckKind, Session, WellbeingCheck
from powerwith.engagements.services.sessions import record_attendance
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from tests.browser.page_values import PartCast
from tests.offers.factories import sent_offer
from tests.workflows.factories import booked_on_their_word, no_login


def values(cast: PartCast) -> dict[str, Any]:
    contact = cast.contact.user
    person = no_login(cast.coordinator, name="Nia")
    booking = booked_on_their_word(
        cast.coordinator, person, title="Listening event", contact=contact
    )
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=2)
    )
    booking.session.refresh_from_db()
    record_attendance(booking, by=cast.coordinator, attended=True)
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    WellbeingCheck.objects.filter(pk=check.pk).update(due_at=timezone.now() - timedelta(days=2))
    offer = Offer.objects.get(person=person, opportunity=booking.session.opportunity)
    waiting = sent_offer(cast.coordinator, person, title="Planning group", contact=contact)
    over = booked_on_their_word(cast.coordinator, person, title="Review panel", contact=contact)
    Opportunity.objects.filter(pk=over.session.opportunity_id).update(status="completed")
    return {
        "claim_offer_id": offer.pk,
        "feedback_record_offer_id": offer.pk,
        "consent_offer_id": offer.pk,
        "word_booking_id": booking.pk,
        "word_person_id": person.pk,
        "word_sent_offer_id": waiting.pk,
        "word_check_id": check.pk,
        "word_opportunity_id": offer.opportunity_id,
        "word_session_id": booking.session_id,
        "word_worked_offer_id": offer.pk,
        "word_finished_offer_id": Offer.objects.get(
            person=person, opportunity=over.session.opportunity
        ).pk,
    }

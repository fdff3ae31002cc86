"""People with accepted offers, consent and bookings, made through the real services."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import Attendance, Session
from powerwith.engagements.services.booking import book
from powerwith.offers.models import Offer
from powerwith.people.models import Person
from powerwith.workflows import offers as offer_workflows
from tests.offers.factories import sent_offer


def expert_membership(person: Person, organisation_id: int) -> Membership:
    return Membership.objects.get(user=person.user, organisation_id=organisation_id)


def accepted_offer(by: Membership, person: Person, **opportunity_terms: Any) -> Offer:
    """An offer of a complete opportunity (one session in 60 days unless told otherwise),
    sent by ``by`` and accepted by the person (the adjustments agreed in it become theirs)."""
    offer = sent_offer(by, person, **opportunity_terms)
    assert person.user is not None
    offer_workflows.accept_offer(offer, user=person.user)
    return offer


def consents(person: Person, offer: Offer, *scopes: str) -> None:
    """The person gives each consent themself, for the offer's opportunity."""
    actor = expert_membership(person, offer.organisation_id)
    for scope in scopes:
        consent.grant_consent(
            person=person, scope=scope, actor=actor, opportunity=offer.opportunity
        )


def booked(by: Membership, person: Person, **opportunity_terms: Any) -> Attendance:
    """The person accepted an offer, gave *take part* consent, and is booked into the
    opportunity's first session."""
    offer = accepted_offer(by, person, **opportunity_terms)
    consents(person, offer, "take_part")
    session = Session.objects.filter(opportunity=offer.opportunity).first()
    assert session is not None
    return book(session=session, person=person, by=by)

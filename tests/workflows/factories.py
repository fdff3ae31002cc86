"""Offers with agreed adjustments and sessions, accepted through the real workflow."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import Attendance, Session
from powerwith.engagements.services.booking import book
from powerwith.offers import services as offer_services
from powerwith.offers.models import Offer
from powerwith.people.models import Person
from powerwith.people.services import create_person
from powerwith.people.services.acting import OnBehalf
from powerwith.workflows import offers as offer_workflows
from powerwith.workflows import on_behalf
from tests.engagements.factories import consents
from tests.offers.factories import COMPLETE_TERMS, draft_offer, sent_offer

ADJUSTMENTS = "Papers in large print and easy read. A quiet room. A break every 30 minutes."


def agreed_offer(
    by: Membership, person: Person, *, adjustments: str = ADJUSTMENTS, **opportunity_terms: Any
) -> Offer:
    """Sent with these adjustments, accepted by the person, who agreed to take part."""
    offer = draft_offer(by, person, **opportunity_terms)
    offer_services.change_terms(offer, by=by, terms={"adjustments": adjustments})
    offer_services.send_offer(offer, by=by)
    assert person.user is not None
    offer_workflows.accept_offer(offer, user=person.user)
    consents(person, offer, "take_part")
    return offer


def sessions_of(offer: Offer) -> list[Session]:
    return list(Session.objects.filter(opportunity=offer.opportunity).order_by("starts_at"))


def book_all(by: Membership, person: Person, offer: Offer) -> list[Attendance]:
    return [book(session=s, person=person, by=by) for s in sessions_of(offer)]


def agreed_to(by: Membership, person: Person, offer_like: Offer) -> Offer:
    """The same work, offered to another person, who accepts and agrees to take part."""
    offer = offer_services.create_offer(by=by, opportunity=offer_like.opportunity, person=person)
    offer_services.change_terms(offer, by=by, terms={**COMPLETE_TERMS})
    offer_services.send_offer(offer, by=by)
    assert person.user is not None
    offer_workflows.accept_offer(offer, user=person.user)
    consents(person, offer, "take_part")
    return offer


def no_login(by: Membership, email: str = "", name: str = "Nia") -> Person:
    """Someone on the register who has no login (and, without ``email``, no e-mail)."""
    return create_person(by=by, profile={"preferred_name": name, "email": email})


def booked_on_their_word(by: Membership, person: Person, **opportunity_terms: Any) -> Attendance:
    """A person without a login who told ``by`` on the phone that they accept the offer and
    agree to take part, booked into its first session."""
    offer = sent_offer(by, person, **opportunity_terms)
    on_behalf.accept_offer(offer, by=by, word=OnBehalf("phone"))
    consent.grant_consent(
        person=person, scope="take_part", actor=by, method="verbal", opportunity=offer.opportunity
    )
    session = Session.objects.filter(opportunity=offer.opportunity).first()
    assert session is not None
    return book(session=session, person=person, by=by)

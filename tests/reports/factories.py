"""Crafted records for scorecard tests: offers and consents through the real services,
sessions, attendance, checks, claims and choices directly on the models."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, Session
from powerwith.engagements.services.booking import book
from powerwith.offers import services as offers
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.reports.queries import scorecard_for
from powerwith.workflows import offers as offer_workflows
from tests.engagements.factories import booked, consents
from tests.offers.factories import COMPLETE_TERMS, complete_opportunity


def first_session(opportunity: Opportunity) -> Session:
    session = opportunity.sessions.order_by("starts_at").first()
    assert session is not None
    return session


def after_the_work(opportunity: Opportunity, days: int = 30) -> datetime:
    """A moment well after the first session, follow-up checks included."""
    return first_session(opportunity).ends_at + timedelta(days=days)


def card(by: Membership, opportunity: Opportunity, now: datetime | None = None) -> dict[str, Any]:
    return scorecard_for(by, opportunity.pk, now=now).as_dict()


def check(result: dict[str, Any], principle: str, name: str) -> dict[str, Any]:
    found = [c for c in result["principles"][principle]["checks"] if c["name"] == name]
    assert found, f"no check called {name!r}"
    first: dict[str, Any] = found[0]
    return first


def offer_accepted(by: Membership, opportunity: Opportunity, person: Person) -> Offer:
    offer = offers.create_offer(by=by, opportunity=opportunity, person=person)
    offers.change_terms(offer, by=by, terms=COMPLETE_TERMS)
    offers.send_offer(offer, by=by)
    assert person.user is not None
    offer_workflows.accept_offer(offer, user=person.user)
    return offer


def attending(by: Membership, person: Person, **terms: Any) -> Attendance:
    """Booked through the services, and marked as having attended."""
    attendance = booked(by, person, **terms)
    attendance.attended = True
    attendance.save()
    return attendance


def team(by: Membership, people: list[Person], **terms: Any) -> Opportunity:
    """One opportunity, each person with an accepted offer, consent and a booking that
    they attended."""
    opportunity = complete_opportunity(by, **terms)
    session = first_session(opportunity)
    for person in people:
        offer = offer_accepted(by, opportunity, person)
        consents(person, offer, "take_part")
        attendance = book(session=session, person=person, by=by)
        attendance.attended = True
        attendance.save()
    return opportunity

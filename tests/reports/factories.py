"""Data for the reports tests. For scorecards: offers and consents through the real
services, sessions, attendance, checks, claims and choices directly on the models. For
training evidence: courses with experts by experience involved, made through the real
services."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from powerwith.accounts.models import Membership
from powerwith.consent import services as consent
from powerwith.engagements.models import Attendance, Session
from powerwith.engagements.services.booking import book
from powerwith.offers import services as offers
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput, replace_experience
from powerwith.reports.queries import scorecard_for
from powerwith.workflows import offers as offer_workflows
from tests.conftest import make_expert
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


# Training courses with experts by experience involved.

RESTRAINT = ExperienceInput(
    code="direct.restrictive_interventions",
    setting="mental_health",
    intervention="physical_restraint",
)


def course(by: Membership, **terms: Any) -> Opportunity:
    """A training course (designing training), one session in 60 days unless told."""
    return complete_opportunity(by, **terms)


def involve(by: Membership, person: Person, opportunity: Opportunity) -> Offer:
    """``person`` is sent an offer for the course and accepts it."""
    return offer_accepted(by, opportunity, person)


def expert(by: Membership, name: str, *experience: ExperienceInput) -> Person:
    person = make_expert(f"{name.lower()}@people.example", name, by.organisation)
    if experience:
        assert person.user is not None
        replace_experience(person, user=person.user, membership=None, entries=experience)
    return person


def consent_to(person: Person, opportunity: Opportunity | None, scope: str, by: Membership) -> None:
    """The person gives consent themself, for the course or (None) all of the work."""
    actor = Membership.objects.get(user=person.user, organisation_id=by.organisation_id)
    consent.grant_consent(person=person, scope=scope, actor=actor, opportunity=opportunity)


def withdraw(person: Person, opportunity: Opportunity | None, scope: str, by: Membership) -> None:
    actor = Membership.objects.get(user=person.user, organisation_id=by.organisation_id)
    consent.withdraw_consent(person=person, scope=scope, actor=actor, opportunity=opportunity)


def booked_on(by: Membership, person: Person, opportunity: Opportunity) -> Attendance:
    consent_to(person, opportunity, "take_part", by)
    session = Session.objects.filter(opportunity=opportunity).first()
    assert session is not None
    return book(session=session, person=person, by=by)

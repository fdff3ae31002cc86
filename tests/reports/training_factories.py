"""Training courses with experts by experience involved, made through the real services."""

from __future__ import annotations

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
from powerwith.workflows import offers as offer_workflows
from tests.conftest import make_expert
from tests.offers.factories import COMPLETE_TERMS, complete_opportunity

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
    offer = offers.create_offer(by=by, opportunity=opportunity, person=person)
    offers.change_terms(offer, by=by, terms=COMPLETE_TERMS)
    offers.send_offer(offer, by=by)
    assert person.user is not None
    offer_workflows.accept_offer(offer, user=person.user)
    return offer


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

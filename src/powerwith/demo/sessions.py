"""The demo's bookings and reasonable adjustments, made through the real services.

At Riverside, on "Co-design restraint reduction training": expert1 accepts the offer
waiting for them and gives consent to take part (as themself, through the consent
service); expert1 and expert3 are booked by the coordinator into the upcoming sessions;
expert1 took part in the last session held; expert1 has asked for one adjustment (not
yet confirmed) and expert3 for one the contact person has confirmed.

A later run makes only what is missing: a booking or adjustment that exists (in any
state) is left as the demo, or the person using it, left it.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from powerwith.accounts.models import Membership, User
from powerwith.consent import services as consent
from powerwith.core.permissions import Capability, can
from powerwith.demo.logins import coordinator_email
from powerwith.engagements.models import Adjustment, Attendance, Session
from powerwith.engagements.services.adjustments import confirm_adjustment, request_adjustment
from powerwith.engagements.services.booking import book, booking_problems, consent_given
from powerwith.offers.models import Offer, OfferStatus
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person
from powerwith.workflows import offers as offer_workflows

TITLE = "Co-design restraint reduction training"
EXPERTS = ("expert1@people.example", "expert3@people.example")
ADJUSTMENTS = {
    "expert1@people.example": ("sensory", "Papers in large print, sent a week before.", False),
    "expert3@people.example": ("timing", "A ten minute break every hour.", True),
}


def _accepted(opportunity: Opportunity, person: Person, user: User) -> bool:
    offer = Offer.objects.filter(opportunity=opportunity, person=person).first()
    if offer is None:
        return False
    if offer.status == OfferStatus.SENT:
        offer_workflows.accept_offer(offer, user=user, version=offer.version)
    return offer.status == OfferStatus.ACCEPTED


def _take_part(opportunity: Opportunity, person: Person, user: User) -> None:
    organisation = opportunity.organisation
    if consent_given(person, organisation, "take_part", opportunity.pk):
        return
    actor = Membership.objects.get(user=user, organisation=organisation)
    consent.grant_consent(person=person, scope="take_part", actor=actor, opportunity=opportunity)


def _book_upcoming(opportunity: Opportunity, person: Person, by: Membership) -> int:
    made = 0
    upcoming = Session.objects.filter(
        opportunity=opportunity, cancelled_at=None, starts_at__gt=timezone.now()
    )
    for session in upcoming:
        if Attendance.objects.filter(session=session, person=person).exists():
            continue
        if booking_problems(person, session):
            continue
        book(session=session, person=person, by=by)
        made += 1
    return made


def _took_part_in_the_last(opportunity: Opportunity, person: Person, by: Membership) -> int:
    """Booking is for sessions to come, so the demo writes the past one as it would
    have been: booked a week before, and attended."""
    last = (
        Session.objects.filter(
            opportunity=opportunity, cancelled_at=None, starts_at__lte=timezone.now()
        )
        .order_by("-starts_at")
        .first()
    )
    if last is None or Attendance.objects.filter(session=last, person=person).exists():
        return 0
    Attendance.objects.create(
        session=last,
        person=person,
        attended=True,
        booked_by=by.user,
        booked_at=last.starts_at - timedelta(days=7),
    )
    return 1


def _adjustment(opportunity: Opportunity, person: Person, user: User) -> int:
    # Besides what was agreed in the offer, each asks for one more adjustment themself.
    if Adjustment.objects.filter(person=person, opportunity=opportunity, agreed_in=None).exists():
        return 0
    category, details, confirmed = ADJUSTMENTS[person.email]
    adjustment = request_adjustment(
        person=person, opportunity=opportunity, by=user, category=category, details=details
    )
    if confirmed:
        contact = Membership.objects.filter(
            user=opportunity.contact_user, organisation=opportunity.organisation
        ).first()
        if contact is not None and can(contact, Capability.CARE_FOR_PEOPLE):
            confirm_adjustment(adjustment, by=contact)
    return 1


def add_sessions() -> int:
    """Make the demo's bookings and adjustments that do not exist yet; how many rows."""
    by = (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=coordinator_email("riverside"), organisation__slug="riverside")
        .first()
    )
    if by is None:
        return 0
    opportunity = (
        Opportunity.objects.filter(organisation=by.organisation, title=TITLE)
        .order_by("created_at", "id")
        .first()
    )
    if opportunity is None:
        return 0
    made = 0
    for email in EXPERTS:
        person = Person.objects.select_related("user").filter(email=email).first()
        if person is None or person.user is None:
            continue
        if not _accepted(opportunity, person, person.user):
            continue
        _take_part(opportunity, person, person.user)
        made += _book_upcoming(opportunity, person, by)
        if email == EXPERTS[0]:
            made += _took_part_in_the_last(opportunity, person, by)
        made += _adjustment(opportunity, person, person.user)
    return made

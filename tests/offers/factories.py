"""A complete opportunity (every term an offer must state) and offers made from it,
through the services where they exist. The opportunity's extra terms and its sessions
have no services yet, so they are set on the rows directly.

For the rendering tests, a complete offer sent to a person (``offer_to``): two dated
sessions (one in winter, one in British Summer Time), a named contact and backup,
benefits advice asked for, and the person's own formats (``prefers``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from powerwith.accounts.models import Membership, User
from powerwith.core.roles import Role
from powerwith.engagements.models import Session
from powerwith.offers import content, queries, services
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import create_opportunity
from powerwith.people.models import Person
from powerwith.people.services import update_person
from tests.conftest import make_member, make_user

# Plain, certain words: the clarity checker finds no warnings in any of them. The person
# needs no adjustment (tests of agreed adjustments write their own).
COMPLETE_TERMS = {
    "message": "We would like you to join us because you know what helps on a ward.",
    "adjustments": "None needed.",
    "support": "A debrief with your contact person after each session.",
    "payment_method": "bank_transfer",
}
# A speculative word: the clarity checker finds it, and it blocks sending.
BLOCKED_MESSAGE = "This work will hopefully lead to more work with us."
# An acronym nobody explained: a warning about style, sent once acknowledged.
STYLE_WARNING_MESSAGE = "Please bring your DBS certificate to the first session."


def complete_opportunity(
    by: Membership, *, contact: User | None = None, sessions: int = 1, **terms: Any
) -> Opportunity:
    """An opportunity stating every term; ``terms`` override any of them (None or empty
    to leave one out), ``sessions=0`` for none."""
    opportunity = create_opportunity(
        by=by,
        data={
            "title": "Co-design restraint reduction training",
            "purpose": "Design a one-day course for ward staff on reducing restraint.",
            "goal_type": "emancipatory",
            "commitment": "specified_project",
            "level": "co_production",
            "focus": ["designing_training"],
            "location_mode": "in_person",
            "reward_basis": "hourly",
            "status": "open",
        },
    )
    values: dict[str, Any] = {
        "input_expected": "Share what helped you and design the course activities with us.",
        "location_address": "Riverside House, 1 Mill Lane, Leeds",
        "reward_amount": Decimal("25.00"),
        "paid_within_days": 14,
        "expenses": {
            "travel": True,
            "travel_in_advance": True,
            "subsistence": True,
            "care": True,
            "support_worker": True,
            "equipment": False,
        },
        "contact_user": contact or by.user,
        "output_use": {
            "share_internally": True,
            "publish": False,
            "distribute": False,
            "monetise": False,
        },
        "wellbeing_checks": True,
        "ground_rules": "You can stop or take a break at any time.",
        **terms,
    }
    for name, value in values.items():
        setattr(opportunity, name, value)
    opportunity.save()
    starts = (timezone.now() + timedelta(days=60)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    for number in range(sessions):
        Session.objects.create(
            opportunity=opportunity, starts_at=starts + timedelta(days=7 * number), minutes=180
        )
    return opportunity


def draft_offer(by: Membership, person: Person, **opportunity_terms: Any) -> Offer:
    """A draft that states everything, made through the services."""
    opportunity = complete_opportunity(by, **opportunity_terms)
    offer = services.create_offer(by=by, opportunity=opportunity, person=person)
    services.change_terms(offer, by=by, terms=COMPLETE_TERMS)
    return offer


def sent_offer(by: Membership, person: Person, **opportunity_terms: Any) -> Offer:
    offer = draft_offer(by, person, **opportunity_terms)
    services.send_offer(offer, by=by)
    return offer


SESSIONS = [
    (datetime(2030, 1, 15, 10, 0, tzinfo=UTC), 180),
    (datetime(2030, 6, 18, 9, 30, tzinfo=UTC), 150),
]
FIRST_SESSION = "Tuesday 15 January 2030, 10am to 1pm"
SECOND_SESSION = "Tuesday 18 June 2030, 10:30am to 1pm"
ADDRESS = "Riverside House, 1 Mill Lane, Leeds"


def named_member(organisation: Any, email: str, name: str, role: str) -> Membership:
    if not User.objects.filter(email=email).exists():
        make_user(email, name)
    return make_member(organisation, email, role)


def prefers(person: Person, *formats: str, benefits_advice: str = "yes") -> Person:
    """The person says, on their own profile, how they read best."""
    assert person.user is not None
    membership = Membership.objects.filter(user=person.user).first()
    return update_person(
        person,
        user=person.user,
        membership=membership,
        changes={"formats": list(formats), "benefits_advice": benefits_advice},
    )


def offer_to(
    by: Membership, person: Person, *, sessions: bool = True, send: bool = True, **terms: Any
) -> Offer:
    organisation = by.organisation
    domain = f"{organisation.slug}.example"
    contact = named_member(organisation, f"jo@{domain}", "Jo Bloggs", Role.CONTACT)
    backup = named_member(organisation, f"kim@{domain}", "Kim Lee", Role.CONTACT)
    offer = draft_offer(
        by,
        person,
        contact=contact.user,
        sessions=0,
        backup_contact_user=backup.user,
        location_details="Step-free entrance on Mill Lane.",
        **terms,
    )
    if sessions:
        for starts_at, minutes in SESSIONS:
            Session.objects.create(
                opportunity=offer.opportunity, starts_at=starts_at, minutes=minutes
            )
    if send:
        services.send_offer(offer, by=by, acknowledge_warnings=True)
    return offer


def sent_content(offer: Offer) -> dict[str, Any]:
    version = queries.latest_version(offer)
    assert version is not None
    return dict(version.content)


def read_content(offer: Offer) -> dict[str, Any]:
    """The latest version as its reader is given it: what was sent, with what higher parts
    add (how the person would be paid)."""
    return content.for_reader(offer, sent_content(offer))


def user_of(person: Person) -> User:
    assert person.user is not None
    return person.user

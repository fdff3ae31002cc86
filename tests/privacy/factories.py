"""Data for the privacy tests: plans, bookings and claims made through the real services,
and the rows no service writes on the day a test needs them (a check answered before it
is due, feedback, a development action, an earnings limit) written directly."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, WellbeingCheck
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.evaluation.models.development import DevelopmentAction
from powerwith.payments.models import Claim
from powerwith.people.models import (
    BenefitsSituation,
    EarningsLimit,
    ExperienceEntry,
    Person,
    WellnessActionPlan,
)
from powerwith.people.services.wellness import choose_readers, save_plan
from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.engagements.factories import booked
from tests.payments.factories import expense_claim, offer_of, worked


def shared_plan(
    person: Person, reader: Membership, words: str = "Walks by the river"
) -> WellnessActionPlan:
    assert person.user is not None
    save_plan(person, user=person.user, sections={"keeps_me_well": words}, review_date=None)
    return choose_readers(person, user=person.user, reader_ids=[reader.user_id])


def booking_with_note(
    coordinator: Membership, person: Person, note: str = "Felt wobbly"
) -> tuple[Attendance, WellbeingCheck]:
    """A booking whose first wellbeing check was answered with a note (written straight
    to the row: the check is not due for weeks)."""
    booking = booked(coordinator, person)
    check = WellbeingCheck.objects.filter(attendance=booking).order_by("due_at").first()
    assert check is not None
    WellbeingCheck.objects.filter(pk=check.pk).update(
        note=note, feeling=2, completed_at=timezone.now(), completed_by=person.user
    )
    check.refresh_from_db()
    return booking, check


def adjustment_for(booking: Attendance, details: str = "A quiet room to rest in") -> None:
    assert booking.person.user is not None
    request_adjustment(
        person=booking.person,
        opportunity=booking.session.opportunity,
        by=booking.person.user,
        category="sensory",
        details=details,
    )


PLANTED = {
    "about": "PLANT-about-me",
    "town": "PLANT-town",
    "experience": "PLANT-experience-note",
    "plan": "PLANT-wellness-plan",
    "wellbeing": "PLANT-wellbeing-note",
    "adjustment": "PLANT-adjustment-details",
    "feedback": "PLANT-feedback-words",
    "development": "PLANT-development-details",
    "earnings": "PLANT-earnings-note",
    "claim": "PLANT-claim-bus-fares",
}


@dataclass
class Planted:
    person: Person
    booking: Attendance
    claim: Claim


def everything_about(person: Person, coordinator: Membership, contact: Membership) -> Planted:
    """A person with a value planted in every kind of row held about them: profile,
    experience, plan, a session they worked (wellbeing note, adjustment), a claim,
    feedback, development, an earnings limit, which benefit they get and an access-log
    entry."""
    Person.objects.filter(pk=person.pk).update(about=PLANTED["about"], town=PLANTED["town"])
    person.refresh_from_db()
    ExperienceEntry.objects.create(
        person=person,
        code="direct.restrictive_interventions",
        setting="mental_health",
        note=PLANTED["experience"],
    )
    shared_plan(person, contact, PLANTED["plan"])
    booking = worked(coordinator, person)
    check = WellbeingCheck.objects.filter(attendance=booking).order_by("due_at").first()
    assert check is not None
    WellbeingCheck.objects.filter(pk=check.pk).update(
        note=PLANTED["wellbeing"], feeling=2, completed_at=timezone.now(), completed_by=person.user
    )
    adjustment_for(booking, PLANTED["adjustment"])
    offer = offer_of(booking)
    claim = expense_claim(offer, "12.40", description=PLANTED["claim"])
    FeedbackAnswer.objects.create(
        organisation_id=offer.organisation_id,
        opportunity=offer.opportunity,
        person=person,
        comments=PLANTED["feedback"],
    )
    DevelopmentAction.objects.create(
        organisation_id=offer.organisation_id,
        person=person,
        code="mentoring",
        details=PLANTED["development"],
        offered_by=coordinator.user,
    )
    EarningsLimit.objects.create(
        person=person,
        weekly_amount=Decimal("195.00"),
        valid_from=timezone.localdate(),
        note=PLANTED["earnings"],
    )
    BenefitsSituation.objects.create(person=person, benefit="universal_credit", shared=True)
    record_read(viewer=coordinator, person=person, what=What.PROFILE, where="/people/")
    return Planted(person, booking, claim)


def every_value_held() -> str:
    """Every field of every row of every model, read through the ORM (so encrypted
    fields read as their words), as one string to search."""
    values: list[str] = []
    for model in apps.get_models():
        for row in model._default_manager.all():
            values += [str(f.value_from_object(row)) for f in model._meta.concrete_fields]
    return "\n".join(values)

"""Mileage claims at the dated HMRC rates, and the rate card admins add to.

A mileage claim is travel, so it is held to the agreement like any expense (ADR 010):
refused where the accepted offer says it does not cover travel, and for the approver to
decide where the offer does not say. The amount is worked out here, never typed in.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.core.permissions import Capability, require
from powerwith.offers.models import Offer
from powerwith.payments.mileage import mileage_amount, miles_claimed, plain, rate_on
from powerwith.payments.models import Claim, ClaimKind, ExpenseCategory, MileageRate, Vehicle
from powerwith.payments.services.claim_rules import (
    create_claim,
    expense_category,
    lock_person,
    require_booking,
    require_offer,
    require_person,
    session_of,
)
from powerwith.payments.tax_years import FIRST
from powerwith.people.models import Person

MAX_MILES = Decimal("9999.99")
MAX_PASSENGERS = 8
PLACE_LENGTH = 200
VEHICLES = ", ".join(Vehicle.values)


def _miles(value: Decimal | str | int | float | None) -> Decimal:
    words = "Enter the miles, like 12.5."
    if value is None or value == "":
        raise InvalidInput(words, field="miles")
    try:
        miles = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise InvalidInput(words, field="miles") from error
    if not miles.is_finite():
        raise InvalidInput(words, field="miles")
    if miles < 0:
        raise InvalidInput("Miles cannot be negative. Enter how far you went.", field="miles")
    if miles == 0:
        raise InvalidInput("Enter more than 0 miles.", field="miles")
    if miles > MAX_MILES:
        raise InvalidInput("Enter 9,999.99 miles or fewer.", field="miles")
    if miles != miles.quantize(Decimal("0.01")):
        raise InvalidInput(
            "Enter the miles to two decimal places at most, like 12.5.", field="miles"
        )
    return miles


def _passengers(value: int | None, vehicle: str) -> int:
    count = 0 if value is None else value
    if count < 0:
        raise InvalidInput(
            "Passengers cannot be negative. Enter 0 if you went alone.", field="passengers"
        )
    if count > MAX_PASSENGERS:
        raise InvalidInput(f"Enter {MAX_PASSENGERS} passengers or fewer.", field="passengers")
    if count and vehicle != Vehicle.CAR:
        raise InvalidInput(
            "Passengers are paid for in a car or van only. Enter 0 passengers.",
            field="passengers",
        )
    return count


def _place(value: str, what: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"Say where you travelled {what}.", field=field)
    if len(text) > PLACE_LENGTH:
        raise InvalidInput(f"Keep each place to {PLACE_LENGTH} characters or fewer.", field=field)
    return text


@transaction.atomic
def submit_mileage_claim(
    *,
    person: Person,
    offer: Offer,
    miles: Decimal | str | int | float | None,
    vehicle: str,
    journey_from: str,
    journey_to: str,
    by: Membership,
    passengers: int | None = 0,
    session_id: int | None = None,
    travelled_on: date | None = None,
) -> Claim:
    """A journey the person made for the work, paid at the rate on the day they travelled
    (the session's day, or the day they give, or today). Allowed whatever their choice
    about payment: expenses are not pay."""
    require_person(person, by)
    require_offer(person, offer)
    category = expense_category(offer, ExpenseCategory.TRAVEL)
    if vehicle not in Vehicle.values:
        raise InvalidInput(f"Choose how you travelled: one of {VEHICLES}.", field="vehicle")
    distance = _miles(miles)
    riders = _passengers(passengers, vehicle)
    start = _place(journey_from, "from", "from")
    end = _place(journey_to, "to", "to")
    session = session_of(offer, session_id, required=False)
    if session is not None:
        require_booking(person, session)
    today = timezone.localdate()
    if travelled_on is None:
        travelled_on = timezone.localdate(session.starts_at) if session is not None else today
    if travelled_on > today:
        raise Conflict("You can claim for a journey once you have made it.", field="travelled_on")
    if travelled_on < date(FIRST, 4, 6):
        raise InvalidInput("Enter the day you travelled.", field="travelled_on")
    lock_person(person)
    rate = rate_on(offer.organisation, vehicle, travelled_on)
    already = miles_claimed(person, offer.organisation, vehicle, travelled_on)
    amount = mileage_amount(rate, distance, riders, already)
    label = Vehicle(vehicle).label.lower()
    return create_claim(
        person=person,
        offer=offer,
        kind=ClaimKind.MILEAGE,
        amount=amount,
        actor=by.user,
        session=session,
        category=category,
        description=f"{plain(distance)} miles by {label} from {start} to {end}",
        miles=distance,
        passengers=riders,
        vehicle=vehicle,
        journey_from=start,
        journey_to=end,
        travelled_on=travelled_on,
    )


def _pence(value: Decimal | str | None, field: str, *, required: bool = True) -> Decimal | None:
    if value is None or value == "":
        if required:
            raise InvalidInput("Enter the pence a mile, like 45.", field=field)
        return None
    try:
        pence = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise InvalidInput("Enter the pence a mile, like 45.", field=field) from error
    if not pence.is_finite() or pence < 0 or pence > 999:
        raise InvalidInput("Enter the pence a mile, from 0 to 999.", field=field)
    return pence


@transaction.atomic
def add_mileage_rate(
    *,
    by: Membership,
    vehicle: str,
    applies_from: date,
    pence_per_mile: Decimal | str | None,
    threshold_miles: int | None = None,
    later_pence: Decimal | str | None = None,
    passenger_pence: Decimal | str | None = None,
) -> MileageRate:
    """A new line of the card from a day on. Rates are never changed: the day must be
    after today, so no claim already made was worked out at a rate that then changes,
    and a vehicle has one rate a day."""
    require(by, Capability.SET_RATES, "Only admins can add mileage rates.")
    if vehicle not in Vehicle.values:
        raise InvalidInput(f"Choose the vehicle: one of {VEHICLES}.", field="vehicle")
    if applies_from <= timezone.localdate():
        raise Conflict(
            "A new rate applies from a day after today: rates already in use are kept as "
            "they were, so claims already made stay as they were worked out.",
            field="applies_from",
        )
    first = _pence(pence_per_mile, "pence_per_mile")
    assert first is not None  # required
    later = _pence(later_pence, "later_pence", required=False)
    if (threshold_miles is None) != (later is None):
        raise InvalidInput(
            "Give both the miles after which the rate changes and the rate after them, or neither.",
            field="threshold_miles",
        )
    if threshold_miles is not None and threshold_miles <= 0:
        raise InvalidInput(
            "Enter the miles as a whole number more than 0.", field="threshold_miles"
        )
    passenger = _pence(passenger_pence, "passenger_pence", required=False) or Decimal(0)
    if passenger and vehicle != Vehicle.CAR:
        raise InvalidInput("Passengers are paid for in a car or van only.", field="passenger_pence")
    try:
        with transaction.atomic():
            line = MileageRate.objects.create(
                organisation=by.organisation,
                vehicle=vehicle,
                applies_from=applies_from,
                pence_per_mile=first,
                threshold_miles=threshold_miles,
                later_pence=later,
                passenger_pence=passenger,
                created_by=by.user,
            )
    except IntegrityError as error:
        raise Conflict(
            "There is already a rate for that vehicle from that day. Rates are not changed: "
            "add one from another day.",
            field="applies_from",
        ) from error
    audit.record(
        actor=by.user,
        action="mileage_rate.added",
        organisation=by.organisation,
        target=line,
        vehicle=vehicle,
        applies_from=applies_from.isoformat(),
        pence_per_mile=str(first),
    )
    return line

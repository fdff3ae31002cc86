"""Travel by mileage at HMRC's approved mileage rates, read from the organisation's dated
rate card.

The rate for a journey is the newest line of the card for its vehicle that applies on
the day of the journey; an organisation that has added none pays HMRC's rates as they
stand since 6 April 2011 (``HMRC_RATES``): a car or van 45p a mile for the first 10,000
miles in the tax year and 25p after, with 5p a mile for each passenger; a motorcycle
24p; a bicycle 20p. The 10,000 miles count the person's car mileage already claimed with
the organisation in the same tax year (claims waiting, approved or paid), so the claim
that crosses the line is paid at both rates. The amount is worked out in pence and
rounded to the penny once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum

from powerwith.accounts.models import Organisation
from powerwith.payments.fees import money
from powerwith.payments.models import LIVE_STATUSES, Claim, ClaimKind, MileageRate, Vehicle
from powerwith.payments.tax_years import FIRST, tax_year_of
from powerwith.people.models import Person

HUNDRED = Decimal(100)


def plain(number: Decimal) -> str:
    """A number without trailing zeros: 45, 12.5."""
    return format(number.normalize(), "f") if number else "0"


@dataclass(frozen=True)
class Rate:
    vehicle: str
    applies_from: date
    pence_per_mile: Decimal
    threshold_miles: int | None = None
    later_pence: Decimal | None = None
    passenger_pence: Decimal = Decimal(0)
    # The organisation's own line of the card; None for HMRC's rates built in.
    line: MileageRate | None = None

    @property
    def label(self) -> str:
        return str(Vehicle(self.vehicle).label)

    @property
    def words(self) -> str:
        text = f"{plain(self.pence_per_mile)}p a mile"
        if self.threshold_miles is not None and self.later_pence is not None:
            text += (
                f" for the first {self.threshold_miles:,} miles in the tax year, "
                f"{plain(self.later_pence)}p after"
            )
        if self.passenger_pence:
            text += f", and {plain(self.passenger_pence)}p a mile for each passenger"
        return text


HMRC_START = date(FIRST, 4, 6)
HMRC_RATES: dict[str, Rate] = {
    Vehicle.CAR: Rate(
        Vehicle.CAR, HMRC_START, Decimal(45), 10_000, Decimal(25), passenger_pence=Decimal(5)
    ),
    Vehicle.MOTORCYCLE: Rate(Vehicle.MOTORCYCLE, HMRC_START, Decimal(24)),
    Vehicle.BICYCLE: Rate(Vehicle.BICYCLE, HMRC_START, Decimal(20)),
}


def rate_of(line: MileageRate) -> Rate:
    return Rate(
        vehicle=line.vehicle,
        applies_from=line.applies_from,
        pence_per_mile=line.pence_per_mile,
        threshold_miles=line.threshold_miles,
        later_pence=line.later_pence,
        passenger_pence=line.passenger_pence,
        line=line,
    )


def rate_on(organisation: Organisation, vehicle: str, day: date) -> Rate:
    """The line of the card that applies to ``vehicle`` on ``day``."""
    line = (
        MileageRate.objects.filter(
            organisation=organisation, vehicle=vehicle, applies_from__lte=day
        )
        .order_by("-applies_from")
        .first()
    )
    return rate_of(line) if line is not None else HMRC_RATES[vehicle]


def rate_card(organisation: Organisation, day: date) -> list[Rate]:
    """Each vehicle's rate on ``day``."""
    return [rate_on(organisation, vehicle, day) for vehicle in Vehicle.values]


def miles_claimed(person: Person, organisation: Organisation, vehicle: str, day: date) -> Decimal:
    """The miles by ``vehicle`` the person has claimed with the organisation for journeys
    in the tax year of ``day``, in claims that stand (waiting, approved or paid)."""
    year = tax_year_of(day)
    total = Claim.objects.filter(
        person=person,
        organisation=organisation,
        kind=ClaimKind.MILEAGE,
        vehicle=vehicle,
        status__in=LIVE_STATUSES,
        travelled_on__range=(year.starts, year.ends),
    ).aggregate(total=Sum("miles"))["total"]
    return total or Decimal(0)


def mileage_amount(rate: Rate, miles: Decimal, passengers: int, already: Decimal) -> Decimal:
    """What ``miles`` come to at ``rate``, ``already`` miles having been claimed in the tax
    year: the miles up to the threshold at the first rate, the rest at the later one, and
    each passenger's pence for every mile."""
    first = miles
    if rate.threshold_miles is not None and rate.later_pence is not None:
        room = max(Decimal(rate.threshold_miles) - already, Decimal(0))
        first = min(miles, room)
    later = miles - first
    pence = first * rate.pence_per_mile + later * (rate.later_pence or rate.pence_per_mile)
    pence += miles * passengers * rate.passenger_pence
    return money(pence / HUNDRED)

"""Time to claim: the sessions a person's attendance is recorded at that they have not
claimed for yet, each with what its time comes to under the agreement.

Staff record who was there; the person should not have to claim session by session by
hand as well. The list is worked out when it is read: nothing is claimed until the
person confirms it (``services.claim_time_from_attendance``). Time is the minutes
booked, at the accepted rate or the lower amount the person chose; work with no fee per
hour, day or session, or that the person chose not to be paid for, has none to claim.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from powerwith.accounts.models import User
from powerwith.engagements.models import Attendance, Session
from powerwith.offers.models import Offer
from powerwith.payments import queries
from powerwith.payments.fees import Fee, agreed_fee, pay_rate, time_amount


@dataclass(frozen=True)
class TimeToClaim:
    booking: Attendance
    offer: Offer
    fee: Fee
    rate: Decimal
    amount: Decimal

    @property
    def session(self) -> Session:
        return self.booking.session

    @property
    def minutes(self) -> int:
        return self.booking.session.minutes


def time_to_claim(
    user: User, now: datetime, organisation_id: int | None = None
) -> list[TimeToClaim]:
    """Oldest session first; with one organisation, when given."""
    rows = []
    for booking in queries.attended_unclaimed(user, now, organisation_id):
        opportunity_id = booking.session.opportunity_id
        offer = queries.offer_for_session(user, opportunity_id)
        if offer is None:
            continue
        fee = agreed_fee(offer)
        rate = pay_rate(fee, queries.latest_choice(booking.person, opportunity_id))
        if rate is None:
            continue
        amount = time_amount(fee.basis, rate, booking.session.minutes)
        rows.append(TimeToClaim(booking=booking, offer=offer, fee=fee, rate=rate, amount=amount))
    return rows


def total(rows: list[TimeToClaim]) -> Decimal:
    return sum((row.amount for row in rows), Decimal("0.00"))

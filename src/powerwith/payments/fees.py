"""The fee agreement: what the accepted offer says the person is paid, and how much a
session's time comes to.

The rate is read from the version of the offer the person accepted, never from the
opportunity as it is now: changing an opportunity after acceptance does not change what
was agreed. Time is paid for the minutes booked, so stopping or taking time out never
reduces pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from powerwith.offers.models import Offer, OfferStatus
from powerwith.offers.queries import latest_version
from powerwith.opportunities.choices import RewardBasis
from powerwith.payments.models import RewardChoice, RewardChoiceKind

PENNY = Decimal("0.01")
# The bases that pay a fee per unit of time; "less" and "decline" are choices about one.
FEE_BASES: dict[str, str] = {
    RewardBasis.HOURLY: "an hour",
    RewardBasis.DAILY: "a day",
    RewardBasis.PER_SESSION: "a session",
}


@dataclass(frozen=True)
class Fee:
    basis: str
    rate: Decimal | None
    travel_in_advance: bool

    @property
    def has_rate(self) -> bool:
        return self.basis in FEE_BASES and self.rate is not None

    @property
    def unit(self) -> str:
        return FEE_BASES.get(self.basis, "")

    @property
    def words(self) -> str:
        if not self.has_rate:
            return "No fee per hour, day or session"
        return f"£{self.rate:.2f} {self.unit}"


def money(amount: Decimal) -> Decimal:
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def agreed_fee(offer: Offer) -> Fee:
    """The fee in the version the person accepted (the latest sent, while accepted)."""
    version = latest_version(offer) if offer.status == OfferStatus.ACCEPTED else None
    content = version.content if version is not None else {}
    reward = content.get("reward") or {}
    amount = reward.get("amount")
    return Fee(
        basis=reward.get("basis") or "",
        rate=Decimal(amount) if amount is not None else None,
        travel_in_advance=bool((content.get("expenses") or {}).get("travel_in_advance")),
    )


def time_amount(basis: str, rate: Decimal, minutes: int) -> Decimal:
    """Hourly: the rate for each booked hour, to the penny. Daily and per session: the
    rate for the session, however long it was."""
    if basis == RewardBasis.HOURLY:
        return money(rate * minutes / 60)
    return money(rate)


def pay_rate(fee: Fee, choice: RewardChoice | None) -> Decimal | None:
    """The rate time is paid at: the agreed fee, or the lower amount the person asked for;
    None when they chose not to be paid or the work has no fee per unit of time."""
    if not fee.has_rate or (choice is not None and choice.choice == RewardChoiceKind.DECLINE):
        return None
    if choice is not None and choice.choice == RewardChoiceKind.LESS and choice.amount is not None:
        return choice.amount
    return fee.rate


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'' if hours == 1 else 's'}")
    if rest:
        parts.append(f"{rest} minute{'' if rest == 1 else 's'}")
    return " ".join(parts) or "0 minutes"

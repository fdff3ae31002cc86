"""The agreement: what the accepted offer says the person is paid and which expenses it
covers, and how much a session's time comes to.

Both are read from the version of the offer the person accepted (``_agreement``, the one
place payments reads it), never from the opportunity as it is now: changing an
opportunity after acceptance does not change what was agreed. Time is paid for the
minutes booked, so stopping or taking time out never reduces pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from powerwith.core.choices import EXPENSES, RewardBasis
from powerwith.offers.models import Offer
from powerwith.payments.models import Claim, ClaimKind, RewardChoice, RewardChoiceKind

PENNY = Decimal("0.01")
# How travel is paid, not a kind of expense: no claim is "for" travel in advance.
TRAVEL_IN_ADVANCE = "travel_in_advance"
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


@dataclass(frozen=True)
class AgreedExpenses:
    """The expenses the accepted offer covers: each kind it lists, with whether it is
    covered. A kind it does not list at all is neither covered nor excluded."""

    listed: dict[str, bool]

    @property
    def travel_in_advance(self) -> bool:
        return self.listed.get(TRAVEL_IN_ADVANCE, False)

    def covers(self, kind: str) -> bool | None:
        """True when the offer covers ``kind``, False when it lists it as not covered,
        None when it does not say (or for anything that is not one of its kinds)."""
        return self.listed.get(kind) if kind != TRAVEL_IN_ADVANCE else None

    @property
    def rows(self) -> list[tuple[str, bool]]:
        """Each kind the offer lists, in words, with whether it is covered."""
        return [(label, self.listed[key]) for key, label in EXPENSES.items() if key in self.listed]


def _agreement(offer: Offer) -> dict[str, Any]:
    """What the person agreed to: the content of the version they accepted
    (offers.agreement), which stands while a changed version waits for their answer and
    after the work ends, so work done is paid as agreed; nothing before they accept."""
    version = offer.accepted_version
    return dict(version.content) if version is not None else {}


def agreed_fee(offer: Offer) -> Fee:
    """The fee in the version the person accepted."""
    reward = _agreement(offer).get("reward") or {}
    amount = reward.get("amount")
    return Fee(
        basis=reward.get("basis") or "",
        rate=Decimal(amount) if amount is not None else None,
    )


def agreed_expenses(offer: Offer) -> AgreedExpenses:
    """The expenses in the version the person accepted."""
    expenses = _agreement(offer).get("expenses") or {}
    return AgreedExpenses(
        listed={key: bool(value) for key, value in expenses.items() if key in EXPENSES}
    )


def outside_agreement(claim: Claim, expenses: AgreedExpenses | None = None) -> bool:
    """Whether an expense (or mileage) claim is for something the accepted offer does not say it
    covers ("something else", or a kind it does not list): the approver decides on it.
    ``expenses``: the offer's agreed expenses, when the caller has read them already."""
    if claim.kind not in (ClaimKind.EXPENSES, ClaimKind.MILEAGE):
        return False
    return (expenses or agreed_expenses(claim.offer)).covers(claim.category) is not True


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


def choice_explanation(fee: Fee) -> list[str]:
    """What the person reads before choosing about payment, sentence groups as shown on
    the page; kept with their choice (``RewardChoice.words_seen``)."""
    return [
        f"The offer you accepted pays {fee.words}. You can take the fee, ask to be paid "
        "less, or choose not to be paid. Your contribution is recorded and recognised the "
        "same whichever you choose, and you can change your mind at any time.",
        "Payment can affect some benefits. You can get free advice before you choose.",
    ]

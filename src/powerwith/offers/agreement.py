"""The agreement: the version of an offer the person last accepted, read by every later
step — booking, adjustments, pay and expenses — instead of the opportunity as it is now.

A person accepts one exact version. When the work changes after that, a new version is
sent for them to read, and until they accept it the version they accepted stays their
agreement: they can be booked into the sessions it names, and paid and repaid as it
says. Work done under an agreement is paid as agreed even after the work ends, so the
agreement outlives a withdrawn offer; taking part does not (``is_taking_part``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Q

from powerwith.offers.models import Offer, OfferStatus, OfferVersion

# An offer in one of these has ended: nobody takes part under it any more.
ENDED = (OfferStatus.DECLINED, OfferStatus.WITHDRAWN)
GOING_ON = (OfferStatus.DRAFT, OfferStatus.SENT, OfferStatus.ACCEPTED)
# Words a coordinator writes when no adjustment is needed; they make no adjustment.
NOTHING_NEEDED = frozenset(
    {
        "none",
        "none needed",
        "none required",
        "no adjustments",
        "no adjustments needed",
        "no adjustments are needed",
        "no adjustments required",
        "not needed",
        "nothing needed",
        "n/a",
        "na",
    }
)


@dataclass(frozen=True)
class AgreedSession:
    starts_at: datetime
    minutes: int


@dataclass(frozen=True)
class Agreement:
    offer: Offer
    version: OfferVersion

    @property
    def number(self) -> int:
        return self.version.number

    @property
    def content(self) -> dict[str, Any]:
        return dict(self.version.content)

    @property
    def sessions(self) -> list[AgreedSession]:
        return [
            AgreedSession(datetime.fromisoformat(s["starts_at"]), int(s["minutes"]))
            for s in self.content.get("sessions", [])
        ]

    @property
    def hours_per_week(self) -> Decimal | None:
        hours = self.content.get("hours_per_week")
        return Decimal(hours) if hours else None

    @property
    def adjustments(self) -> str:
        """The reasonable adjustments agreed, or "" when the offer says none are needed."""
        text = str(self.content.get("adjustments") or "").strip()
        return "" if text.lower().rstrip(".!") in NOTHING_NEEDED else text

    @property
    def expenses(self) -> dict[str, bool]:
        return {key: bool(value) for key, value in (self.content.get("expenses") or {}).items()}

    @property
    def reward(self) -> dict[str, Any]:
        return dict(self.content.get("reward") or {})

    @property
    def is_taking_part(self) -> bool:
        return self.offer.status not in ENDED

    @property
    def change_waiting(self) -> bool:
        """A newer version than the one agreed has been sent and waits for an answer."""
        return self.offer.version > self.number and self.offer.status == OfferStatus.SENT

    def covers(self, starts_at: datetime, minutes: int) -> bool:
        """Whether the agreement names this session: the same start and length. Work agreed
        by the week (an enduring role with no dates) covers any session."""
        if not self.sessions:
            return self.hours_per_week is not None
        return AgreedSession(starts_at, minutes) in self.sessions


def agreement_of(offer: Offer) -> Agreement | None:
    """The offer's agreement, or None when the person has never accepted a version."""
    if offer.accepted_version_id is None:
        return None
    version = offer.accepted_version
    assert version is not None
    return Agreement(offer, version)


def taking_part(prefix: str = "") -> Q:
    """Offers under which the person takes part now: a version accepted, and the offer
    neither withdrawn nor declined since. ``prefix`` reaches offers through a relation,
    for example ``"offers__"`` from an opportunity."""
    # Written as one positive condition so that, through a multi-valued relation, both
    # parts are about the same offer.
    return Q(**{f"{prefix}accepted_version__isnull": False, f"{prefix}status__in": GOING_ON})


def agreements_for(person_ids: Iterable[int], opportunity_id: int) -> dict[int, Agreement]:
    """Each person's agreement for the opportunity, by person id, in one read; only
    people taking part under theirs."""
    offers = (
        Offer.objects.filter(taking_part(), person_id__in=list(person_ids))
        .filter(opportunity_id=opportunity_id)
        .select_related("accepted_version")
    )
    found: dict[int, Agreement] = {}
    for offer in offers:
        agreement = agreement_of(offer)
        if agreement is not None:
            found[offer.person_id] = agreement
    return found


def agreement_for(person_id: int, opportunity_id: int) -> Agreement | None:
    return agreements_for([person_id], opportunity_id).get(person_id)

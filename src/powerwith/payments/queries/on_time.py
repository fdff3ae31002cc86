"""How quickly the organisation pays claims, in one sentence for its pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from powerwith.accounts.models import Organisation
from powerwith.core.figures import last_twelve_months
from powerwith.payments.queries.claims import overdue_claims
from powerwith.payments.timeliness import payment_timeliness


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Timeliness:
    """How quickly the organisation paid claims in the last 12 months (this month and the
    eleven before it)."""

    target_days: int
    paid: int
    on_time: int
    median_days: float | None
    overdue: int

    @property
    def sentence(self) -> str:
        if not self.paid:
            figure = "No claims have been paid in the last 12 months yet."
        else:
            assert self.median_days is not None
            figure = (
                f"{self.on_time} of {_plural(self.paid, 'claim')} paid within "
                f"{self.target_days} days in the last 12 months; median "
                f"{self.median_days:g} day{'' if self.median_days == 1 else 's'}."
            )
        if self.overdue:
            waiting = "is" if self.overdue == 1 else "are"
            figure += f" {_plural(self.overdue, 'claim')} {waiting} overdue now."
        return figure


def timeliness(organisation: Organisation, now: datetime | None = None) -> Timeliness:
    """Payment timeliness (``payments.timeliness``) over the last 12 months, the
    dashboard's over its default period, and how many claims are overdue now."""
    now = now or timezone.now()
    paid = payment_timeliness(organisation, last_twelve_months(now))
    return Timeliness(
        target_days=paid.target_days,
        paid=paid.paid,
        on_time=paid.within_target,
        median_days=paid.median_days,
        overdue=overdue_claims(organisation, now).count(),
    )

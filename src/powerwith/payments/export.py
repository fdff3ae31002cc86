"""The claims as a CSV file for the finance team: one row per claim, with the dates of
each step and the days from claim to payment."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils import timezone

from powerwith.payments.models import Claim, ClaimStatus

HEADER = [
    "claim",
    "person",
    "opportunity",
    "organisation",
    "kind",
    "amount",
    "status",
    "claimed on",
    "approved on",
    "paid on",
    "days to pay",
    "description",
]


def _safe(text: str) -> str:
    """Spreadsheets run a cell that starts with =, +, - or @ as a formula: never ours."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def rows(claims: Iterable[Claim]) -> Iterable[list[str]]:
    for claim in claims:
        claimed = timezone.localdate(claim.created_at)
        approvals = [e for e in claim.events.all() if e.status == ClaimStatus.APPROVED]
        approved = timezone.localdate(approvals[-1].created_at) if approvals else None
        yield [
            str(claim.pk),
            _safe(claim.person.full_name or claim.person.preferred_name),
            _safe(claim.offer.opportunity.title),
            _safe(claim.organisation.name),
            claim.kind,
            f"{claim.amount:.2f}",
            claim.status,
            claimed.isoformat(),
            approved.isoformat() if approved else "",
            claim.paid_on.isoformat() if claim.paid_on else "",
            str((claim.paid_on - claimed).days) if claim.paid_on else "",
            _safe(claim.description),
        ]


def claims_csv(claims: Iterable[Claim]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows(claims))
    return out.getvalue()

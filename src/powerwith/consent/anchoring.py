"""The worker's part in anchoring the consent ledger outside the database: a signed
checkpoint at least daily and within the hour of changes, then a copy to the auditors of
each organisation that asked for one (docs/adr/018-anchored-ledger.md)."""

from __future__ import annotations

from datetime import datetime

from powerwith.consent import ledger
from powerwith.consent.emails import queue_checkpoint


def sweep(now: datetime) -> int:
    if not ledger.checkpoint_due(now):
        return 0
    ledger.write_checkpoint(now)
    queue_checkpoint(now)
    return 1

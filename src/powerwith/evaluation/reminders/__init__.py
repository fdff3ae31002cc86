"""The reminder sweep for evaluation: ask people how it went once their part is done."""

from __future__ import annotations

from datetime import datetime

from powerwith.evaluation.services.feedback import sweep as ask_everyone_finished


def sweep(now: datetime) -> int:
    return ask_everyone_finished(now)

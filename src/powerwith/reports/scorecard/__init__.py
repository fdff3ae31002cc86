"""The P.O.W.E.R. scorecard of one opportunity, computed from the records, never typed in.

Each principle has checks with plain-words evidence; its score is the share of its
judged checks that are met. A check with nothing to judge yet ("Not yet") is counted in
neither part of that share, and a principle with no judged check has no score at all:
the pages say "not yet judged" and every average leaves it out. The API keeps the
contract's ``score`` between 0 and 1 (0 then) beside ``judged``, false; see
``docs/adr/008-one-definition-per-figure.md``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from powerwith.opportunities.models import Opportunity
from powerwith.reports.scorecard.checks import PRINCIPLES, Check
from powerwith.reports.scorecard.flags import MESSAGES, tokenism_flags
from powerwith.reports.scorecard.records import Records, gather, gather_many

PRINCIPLE_NAMES = {
    "people": "P — the right people",
    "outcomes": "O — clear outcomes and expectations",
    "work": "W — inclusive work and support",
    "evaluation": "E — evaluation and learning",
    "review": "R — revision and review",
}


@dataclass(frozen=True)
class Principle:
    code: str
    name: str
    checks: list[Check]

    @property
    def judged(self) -> bool:
        return any(c.judged for c in self.checks)

    @property
    def score(self) -> float | None:
        """Met of judged, to two places; None when no check can be judged yet."""
        judged = [c for c in self.checks if c.judged]
        if not judged:
            return None
        return round(sum(1 for c in judged if c.met) / len(judged), 2)


@dataclass(frozen=True)
class Scorecard:
    opportunity: Opportunity
    principles: list[Principle]
    flags: list[str]

    @property
    def flag_messages(self) -> list[tuple[str, str]]:
        return [(code, MESSAGES[code]) for code in self.flags]

    def as_dict(self) -> dict[str, Any]:
        return {
            "principles": {
                p.code: {
                    "score": contract_score(p.score),
                    "judged": p.judged,
                    "checks": [
                        {"name": c.name, "met": c.met, "evidence": c.evidence, "judged": c.judged}
                        for c in p.checks
                    ],
                }
                for p in self.principles
            },
            "tokenism_flags": list(self.flags),
        }


def contract_score(score: float | None) -> float:
    """The API's ``score`` is a number between 0 and 1: 0 for a principle not yet judged,
    which ``judged`` (false) tells apart from one judged and not met."""
    return 0.0 if score is None else score


def scorecard(opportunity: Opportunity, now: datetime) -> Scorecard:
    """``opportunity`` must come through ``reports.queries`` (tenancy and role checked)."""
    return _scored(gather(opportunity, now))


def scorecards(opportunities: Sequence[Opportunity], now: datetime) -> list[Scorecard]:
    """The scorecards of several of one organisation's opportunities, in as many queries
    as one (see ``records.gather_many``); they come through ``opportunities.queries``."""
    found = gather_many(opportunities, now)
    return [_scored(found[o.pk]) for o in opportunities]


def _scored(records: Records) -> Scorecard:
    principles = [
        Principle(code, PRINCIPLE_NAMES[code], [check(records) for check in checks])
        for code, checks in PRINCIPLES.items()
    ]
    return Scorecard(records.opportunity, principles, tokenism_flags(records))

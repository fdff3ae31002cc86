"""The dashboard's figures as plain values, each defined where it is worked out
(``queries``) and here by what it holds. None of them names a person."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from powerwith.accounts.models import Organisation
from powerwith.core.choices import CoWorkingLevel
from powerwith.core.figures import Period, Share
from powerwith.engagements.concentration import Concentration
from powerwith.evaluation.models import QUESTIONS, Question
from powerwith.payments.timeliness import PaymentTimeliness
from powerwith.reports.scorecard import PRINCIPLE_NAMES

PRINCIPLE_CODES = tuple(PRINCIPLE_NAMES)


@dataclass(frozen=True)
class LevelCount:
    ORDER: ClassVar[tuple[str, ...]] = (*CoWorkingLevel.values, "")
    code: str
    count: int

    @property
    def label(self) -> str:
        return CoWorkingLevel(self.code).label if self.code else "Level not set"


def percent_of(score: float | None) -> int | None:
    return None if score is None else round(100 * score)


@dataclass(frozen=True)
class OpportunityScores:
    """One opportunity's five principle scores (0 to 1, None when the principle has no
    check to judge yet: see ``scorecard``) and its tokenism flags."""

    opportunity_id: int
    title: str
    scores: dict[str, float | None]
    flags: list[str]

    @property
    def percents(self) -> list[tuple[str, int | None]]:
        """(principle letter, whole percent or None) in P, O, W, E, R order, for the page."""
        return [(code[0].upper(), percent_of(self.scores[code])) for code in PRINCIPLE_CODES]

    @property
    def mean_score(self) -> float:
        """The mean of the judged principles' scores; 1 when none is judged yet."""
        judged = [s for s in self.scores.values() if s is not None]
        return sum(judged) / len(judged) if judged else 1.0


SHOWN = 25


@dataclass(frozen=True)
class Scorecards:
    rows: list[OpportunityScores]

    def _judged(self, code: str) -> list[float]:
        return [score for r in self.rows if (score := r.scores[code]) is not None]

    @property
    def judged(self) -> dict[str, int]:
        """How many of the opportunities have a score for each principle."""
        return {code: len(self._judged(code)) for code in PRINCIPLE_CODES}

    @property
    def averages(self) -> dict[str, float | None]:
        """Each principle's mean score across the opportunities where it is judged, to two
        places; None when it is judged in none of them."""
        return {
            code: round(sum(found) / len(found), 2) if (found := self._judged(code)) else None
            for code in PRINCIPLE_CODES
        }

    @property
    def average_percents(self) -> list[tuple[str, int | None, int]]:
        """(principle name, whole percent or None, how many opportunities are judged)."""
        judged = self.judged
        return [
            (PRINCIPLE_NAMES[code], percent_of(average), judged[code])
            for code, average in self.averages.items()
        ]

    @property
    def average_flags(self) -> float | None:
        if not self.rows:
            return None
        return round(sum(len(r.flags) for r in self.rows) / len(self.rows), 2)

    @property
    def needing_attention(self) -> list[OpportunityScores]:
        """The ``SHOWN`` opportunities most in need of attention, for the page and the
        report: most signs of tokenism first, then the lowest mean of the judged scores.
        Every one is in the CSV and the API; a large organisation's full list would make
        the page heavy."""
        ranked = sorted(self.rows, key=lambda r: (-len(r.flags), r.mean_score))
        return ranked[:SHOWN]

    @property
    def flagged(self) -> int:
        """How many opportunities have at least one tokenism flag."""
        return sum(1 for r in self.rows if r.flags)


@dataclass(frozen=True)
class ConsentCoverage:
    people: Share


@dataclass(frozen=True)
class FeedbackMonth:
    month: date
    asked: int
    answered: int
    averages: dict[str, float | None] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.month:%b %Y}"

    @property
    def labelled_averages(self) -> list[tuple[str, float | None]]:
        return [(QUESTION_LABELS[q], average) for q, average in self.averages.items()]


QUESTION_LABELS: dict[str, str] = {q: Question(q).label for q in QUESTIONS}


@dataclass(frozen=True)
class Dashboard:
    organisation: Organisation
    period: Period
    levels: list[LevelCount]
    scorecards: Scorecards
    payments: PaymentTimeliness
    consent: ConsentCoverage
    wellbeing: Share
    feedback: list[FeedbackMonth]
    bookings: Concentration
    paid_minutes: Concentration

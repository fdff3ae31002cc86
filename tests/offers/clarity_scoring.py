"""Precision and recall of the clarity checker over the labelled corpus, per finding: a
predicted (text, rule) pair is a true positive when the corpus expects that rule there."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pytest

from powerwith.offers.clarity import RULES, Audience, check


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass
class Score:
    texts: int
    overall: Tally = field(default_factory=Tally)
    by_rule: dict[str, Tally] = field(default_factory=lambda: {rule: Tally() for rule in RULES})
    mistakes: list[str] = field(default_factory=list)

    def of(self, rules: Iterable[str]) -> Tally:
        """The rules' findings counted together."""
        tallies = [self.by_rule[rule] for rule in rules]
        return Tally(
            sum(t.true_positives for t in tallies),
            sum(t.false_positives for t in tallies),
            sum(t.false_negatives for t in tallies),
        )

    def lines(self) -> list[str]:
        expected = self.overall.true_positives + self.overall.false_negatives
        lines = [
            f"{self.texts} labelled texts, {expected} expected findings: "
            f"precision {self.overall.precision:.3f}, recall {self.overall.recall:.3f}"
        ]
        for rule, tally in self.by_rule.items():
            lines.append(
                f"  {rule:<20} precision {tally.precision:.3f}  recall {tally.recall:.3f}  "
                f"(tp {tally.true_positives}, fp {tally.false_positives}, "
                f"fn {tally.false_negatives})"
            )
        return lines + [f"  mistake: {mistake}" for mistake in self.mistakes]


def score(corpus: list[tuple[str, Audience, set[str]]]) -> Score:
    result = Score(texts=len(corpus))
    for text, audience, expected in corpus:
        found = {finding.rule for finding in check(text, audience)}
        for rule in RULES:
            tally = result.by_rule[rule]
            if rule in found and rule in expected:
                tally.true_positives += 1
                result.overall.true_positives += 1
            elif rule in found:
                tally.false_positives += 1
                result.overall.false_positives += 1
                result.mistakes.append(f"{rule} found but not expected in {text!r} ({audience})")
            elif rule in expected:
                tally.false_negatives += 1
                result.overall.false_negatives += 1
                result.mistakes.append(f"{rule} expected but not found in {text!r} ({audience})")
    return result


# Where the corpus tests leave their figures for the terminal summary (tests/offers/conftest.py).
CLARITY_SCORE = pytest.StashKey[Score]()
HELD_BACK_SCORE = pytest.StashKey[Score]()

"""What a finding is, and how serious each rule's findings are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Audience = Literal["standard", "easy_read"]
Severity = Literal["warning", "advice"]

AUDIENCES: tuple[Audience, ...] = ("standard", "easy_read")
# Longer than any offer or message; a bound on the work one request can ask for.
MAX_TEXT_LENGTH = 20_000

# Stable codes, in the order findings of the same place are listed.
RULES = (
    "speculative",
    "promise",
    "vague_amount",
    "vague_time",
    "unexplained_acronym",
    "long_sentence",
    "hard_word",
    "passive_voice",
    "reading_ease",
)

# What the charter rules out of every offer: "speculative assertions, or what could be
# construed as intentions or promises", and amounts or times left vague. An offer saying
# any of these cannot be sent, whatever the coordinator acknowledges, and whoever reads it.
BLOCKING_RULES = frozenset({"speculative", "promise", "vague_amount", "vague_time"})
# Warnings are the blocking findings and jargon nobody explained. A warning that does not
# block is a matter of style: it must be acknowledged before an offer is sent. Advice is
# never a reason to hold a message back.
WARNING_RULES = BLOCKING_RULES | {"unexplained_acronym"}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    excerpt: str

    @property
    def blocks(self) -> bool:
        return blocks(self.rule)


@dataclass(frozen=True)
class Hit:
    """A finding before its severity is known, with where it sits in the text."""

    rule: str
    start: int
    end: int
    message: str

    def overlaps(self, other: Hit) -> bool:
        return self.start < other.end and other.start < self.end


def blocks(rule: str) -> bool:
    """Does a finding of this rule stop an offer being sent?"""
    return rule in BLOCKING_RULES


def severity_of(rule: str, audience: Audience) -> Severity:
    if rule in WARNING_RULES:
        return "warning"
    # An easy-read version promises sentences of at most 15 words.
    if rule == "long_sentence" and audience == "easy_read":
        return "warning"
    return "advice"

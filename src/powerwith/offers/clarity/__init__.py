"""The clarity checker: speculation, promises, vagueness and hard reading in a message.

``check(text, audience)`` answers a list of findings; ``blocking(text, audience)`` answers
only the ones that block (``core.BLOCKING_RULES``: speculation, promises, vague amounts and
vague times), the same as ``check`` finds them, without the cost of judging style. The
checker itself refuses nothing: callers decide (an offer is not sent while its text has a
blocking finding, nor before its other warnings are acknowledged). Each rule lives in one
module:

- ``language``: ``speculative`` and ``promise`` (warnings that block);
- ``vagueness``: ``vague_amount`` and ``vague_time`` (warnings that block);
- ``words``: ``unexplained_acronym`` (warning), ``hard_word`` (advice) and, for easy read
  only, ``passive_voice`` (advice);
- ``readability``: ``long_sentence`` (advice; a warning in easy read, whose rendering
  promises sentences of at most 15 words) and ``reading_ease`` (advice, on texts of three
  sentences and 40 words or more; the excerpt is the hardest sentence).

Matching is case-insensitive and on whole words; each excerpt is the text as written.
The tests hold a labelled corpus (tests/offers/clarity_corpus.py) and print the
checker's precision and recall over it.
"""

from __future__ import annotations

from collections.abc import Iterable

from powerwith.offers.clarity.core import (
    AUDIENCES,
    BLOCKING_RULES,
    MAX_TEXT_LENGTH,
    RULES,
    Audience,
    Finding,
    Hit,
    blocks,
    severity_of,
)
from powerwith.offers.clarity.language import promises, speculation
from powerwith.offers.clarity.readability import long_sentences, reading_ease
from powerwith.offers.clarity.text import Sentence, inside, quoted_spans, sentence_at, sentences
from powerwith.offers.clarity.vagueness import vague_amounts, vague_times
from powerwith.offers.clarity.words import hard_words, passive_voice, unexplained_acronyms

__all__ = [
    "AUDIENCES",
    "BLOCKING_RULES",
    "MAX_TEXT_LENGTH",
    "RULES",
    "Audience",
    "Finding",
    "blocking",
    "blocks",
    "check",
]

_ASSERTIONS = frozenset({"speculative", "promise"})


def check(text: str, audience: Audience = "standard") -> list[Finding]:
    return _findings(text, audience, style=True)


def blocking(text: str, audience: Audience = "standard") -> list[Finding]:
    """The findings of ``check`` that block, found without judging style."""
    return _findings(text, audience, style=False)


def _findings(text: str, audience: Audience, *, style: bool) -> list[Finding]:
    if audience not in AUDIENCES:
        raise ValueError(f"Unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}.")
    found = sentences(text)
    candidates = [
        *_reported_speech_removed(text, [*speculation(text), *promises(text)]),
        *vague_amounts(text),
        *vague_times(text),
    ]
    # Every rule below keeps its own findings apart from the blocking rules' (overlaps are
    # settled within a rule), so leaving them out changes nothing that blocks.
    if style:
        candidates.extend(unexplained_acronyms(text, audience))
        candidates.extend(long_sentences(found, audience))
        candidates.extend(hard_words(text, audience))
        if audience == "easy_read":
            candidates.extend(passive_voice(text))
    kept = _hedged_promises_removed(_overlaps_removed(candidates), found)
    kept.sort(key=lambda hit: (hit.start, RULES.index(hit.rule)))
    if style:
        kept.extend(reading_ease(text, found, audience))
    return _unique(
        Finding(hit.rule, severity_of(hit.rule, audience), hit.message, text[hit.start : hit.end])
        for hit in kept
    )


def _reported_speech_removed(text: str, found: list[Hit]) -> list[Hit]:
    """Someone's own words in quotation marks are reported as they said them, not asserted
    by the writer, and must not be changed."""
    spans = quoted_spans(text)
    return [hit for hit in found if not inside(spans, hit.start)]


def _overlaps_removed(found: list[Hit]) -> list[Hit]:
    """Within a rule, the longest of overlapping matches stands ("may well" over "may").
    Money in a speculative or promised phrase ("a paid role" in "you will definitely get a
    paid role") is part of that speculation, not a vague amount."""
    assertions = [hit for hit in found if hit.rule in _ASSERTIONS]
    kept: list[Hit] = []
    for rule in RULES:
        cluster: list[Hit] = []
        for hit in sorted((hit for hit in found if hit.rule == rule), key=lambda h: h.start):
            if cluster and hit.start >= max(other.end for other in cluster):
                kept.append(_longest(cluster))
                cluster = []
            cluster.append(hit)
        if cluster:
            kept.append(_longest(cluster))
    return [
        hit
        for hit in kept
        if not (
            hit.rule == "vague_amount"
            and any(other.start <= hit.start and hit.end <= other.end for other in assertions)
        )
    ]


def _longest(cluster: list[Hit]) -> Hit:
    return max(cluster, key=lambda hit: (hit.end - hit.start, -hit.start))


def _hedged_promises_removed(found: list[Hit], all_sentences: list[Sentence]) -> list[Hit]:
    """ "We hope … this will lead to paid work" is speculation: one finding, not two."""

    def hedged(hit: Hit) -> bool:
        sentence = sentence_at(all_sentences, hit.start)
        return sentence is not None and any(
            other.rule == "speculative" and sentence.start <= other.start < hit.start
            for other in found
        )

    return [hit for hit in found if not (hit.rule == "promise" and hedged(hit))]


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    """The same words found twice by the same rule are reported once."""
    seen: set[tuple[str, str]] = set()
    unique: list[Finding] = []
    for finding in findings:
        key = (finding.rule, finding.excerpt.lower())
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique

"""Words a reader may not know: unexplained acronyms, jargon, and (in easy read) the
passive voice, which hides who does what."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from powerwith.offers.clarity.core import Audience, Hit
from powerwith.offers.clarity.text import hits, phrases

# Said as words in everyday British English, so explaining them would talk down to people.
# TBC, TBD, TBA and ASAP are left to the vague-amount and vague-time rules.
EVERYDAY_ACRONYMS = frozenset(
    {"UK", "NHS", "OK", "GP", "ID", "TV", "AM", "PM", "TBC", "TBD", "TBA", "ASAP"}
)
# Familiar to most readers of an offer, but not to everyone who reads easy read: British
# Sign Language is a communication need in its own right, so easy read always spells it out.
STANDARD_ACRONYMS = frozenset({"BSL", "CV", "PDF"})
_LONGEST_ACRONYM = 6  # longer runs of capitals are emphasis ("IMPORTANT"), not acronyms

_CAPITALS = re.compile(r"(?<![\w&])([A-Z]{2,})(?:s|'s|’s)?(?![\w&])")

# (pattern, what to do instead)
HARD_WORDS: list[tuple[str, str]] = [
    (r"facilitat(?:e|es|ed|ing)", "Use “help” or “run” instead."),
    (r"utili[sz](?:e|es|ed|ing|ation)", "Use “use” instead."),
    (r"remunerat(?:ion|e|ed|ing)", "Use “pay” instead."),
    (r"stakeholders?", "Say who you mean, for example “ward staff, patients and families”."),
    (r"commenc(?:e|es|ed|ing|ement)", "Use “start” instead."),
    (r"prior to", "Use “before” instead."),
    (r"in order to", "Use “to” instead."),
    (r"endeavou?r(?:s|ed|ing)?", "Use “try” instead, or say what you will do."),
    (r"ascertain(?:s|ed|ing)?", "Use “find out” instead."),
    (r"honorari(?:um|a|ums)", "Use “payment” instead, and say how much."),
    (r"leverag(?:e|es|ed|ing)", "Use “use” instead."),
    (r"deliverables", "Say what will be made, for example “a training course”."),
    (r"in accordance with", "Use “following” or “under” instead."),
    (r"subsequently", "Use “later” or “after that” instead."),
    (r"forthwith", "Use “now” or “straight away” instead."),
    (r"notwithstanding", "Use “despite” or “even though” instead."),
    (r"aforementioned", "Name the thing again instead."),
    (r"expenditure", "Use “spending” instead."),
    (r"in receipt of", "Use “get” or “have” instead."),
    (r"at this (?:moment|point) in time", "Use “now” instead."),
    (r"pro rata", "Say what it means for this role, for example “£12,250 for 2½ days a week”."),
    (r"approximately", "Use “about” instead, or give the exact figure."),
    (r"reimburs(?:e|es|ed|ing|ement)", "Use “pay you back” instead."),
    (r"subsistence", "Use “money for food and drink” instead, and say how much."),
    (r"per diems?", "Use “a daily allowance” instead, and say how much."),
    (r"work(?:-| )?streams?", "Use “a part of the work” instead, and say which part."),
]

# Fine for most readers, hard in easy read.
EASY_READ_HARD_WORDS: list[tuple[str, str]] = [
    (r"evaluat(?:e|es|ed|ing|ion)", "Use “check how it went” instead."),
    (r"requirements?", "Use “what you need” instead."),
    (r"confidential(?:ity)?", "Use “private” instead."),
    (r"anonymi[sz]ed|anonymous(?:ly)?", "Use “without your name” instead."),
    (r"consultation", "Use “asking what you think” instead."),
    (r"safeguarding", "Use “keeping people safe” instead."),
]
# The charter's own words: kept, but explained the first time in easy read.
EXPLAIN_IN_EASY_READ: list[tuple[str, str]] = [
    (r"co-?produc(?:tion|e|es|ed|ing)", "working together as equals from the start"),
    (r"co-?design(?:s|ed|ing)?", "planning and making it together"),
    (
        r"restrictive (?:practices?|interventions?)",
        "things staff do that stop people doing what they want, like restraint or seclusion",
    ),
]
_HARD = [(phrases(pattern), advice) for pattern, advice in HARD_WORDS]
_EASY_READ_HARD = [(phrases(pattern), advice) for pattern, advice in EASY_READ_HARD_WORDS]
_EXPLAIN = [(phrases(pattern), explanation) for pattern, explanation in EXPLAIN_IN_EASY_READ]
_EXPLANATION_AFTER = re.compile(
    r"[\s,]*(?:which |that |this )?(?:means|is when|is where|\()", re.IGNORECASE
)

_PARTICIPLE = (
    r"\w{2,}ed|paid|given|taken|sent|made|done|written|told|shown|known|seen|held|kept|met"
    r"|brought|bought|taught|found|chosen|spoken|left|heard|driven|forgotten|hidden|led|lost"
    r"|meant|sold|spent|understood|won|begun|drawn|broken|thrown|put|set|run|built|caught"
    r"|felt|hurt|let|shut|thought|stuck|withdrawn|undertaken|overseen"
)
PASSIVE = phrases(
    r"(?:am|is|are|was|were|be|been|being)"
    r"(?: (?:not|never|also|always|often|usually|only|then|just|all|now|still|fully))?"
    rf" (?:{_PARTICIPLE})"
)
# Words after "is" or "are" that end in -ed but describe a feeling or state.
_NOT_PARTICIPLES = frozenset(
    {
        "interested", "worried", "tired", "scared", "bored", "excited", "pleased", "married",
        "supposed", "concerned", "need", "feed", "seed", "speed", "shed", "bed", "red",
        "hundred", "naked", "wicked", "sacred",
    }
)  # fmt: skip


def _acronym_message(acronym: str) -> str:
    return (
        f"“{acronym}” is not explained. Write it out in full the first time, with the short "
        "form in brackets, for example “Restraint Reduction Network (RRN)”."
    )


def unexplained_acronyms(text: str, audience: Audience) -> Iterator[Hit]:
    allowed = EVERYDAY_ACRONYMS | (STANDARD_ACRONYMS if audience == "standard" else set())
    found = list(_CAPITALS.finditer(text))
    shouted = _shouted(text, found)
    for match in found:
        acronym = match.group(1)
        if acronym in allowed or len(acronym) > _LONGEST_ACRONYM or match.start() in shouted:
            continue
        if not _explained(text, acronym):
            yield Hit("unexplained_acronym", match.start(), match.end(), _acronym_message(acronym))


def _shouted(text: str, found: list[re.Match[str]]) -> set[int]:
    """Starts of capitalised words next to another: "PLEASE NOTE" is emphasis."""
    shouted: set[int] = set()
    for first, second in pairwise(found):
        if not text[first.end() : second.start()].strip(" :,-–"):
            shouted |= {first.start(), second.start()}
    return shouted


def _explained(text: str, acronym: str) -> bool:
    short = re.escape(acronym)
    return any(
        re.search(pattern, text)
        for pattern in (
            rf"\w\s*\(\s*{short}s?\s*\)",  # Restraint Reduction Network (RRN)
            rf"\b{short}s?\s*\(\s*[A-Za-z][^()]*\s[^()]*\)",  # RRN (Restraint Reduction Network)
            rf"\b{short}\s+(?:stands\s+for|means|is\s+short\s+for)\b",
        )
    )


def hard_words(text: str, audience: Audience) -> Iterator[Hit]:
    listed = _HARD + (_EASY_READ_HARD if audience == "easy_read" else [])
    for pattern, advice in listed:
        for match in pattern.finditer(text):
            message = f"“{match.group()}” is a hard word. {advice}"
            yield Hit("hard_word", match.start(), match.end(), message)
    if audience == "easy_read":
        yield from _unexplained_words(text)


def _unexplained_words(text: str) -> Iterator[Hit]:
    for pattern, explanation in _EXPLAIN:
        found = list(pattern.finditer(text))
        # Explained once, anywhere, is enough: as for acronyms.
        if any(_EXPLANATION_AFTER.match(text, match.end()) for match in found):
            continue
        for match in found:
            yield Hit(
                "hard_word",
                match.start(),
                match.end(),
                f"“{match.group()}” is a word not everyone knows. Explain it in simple words, "
                f"for example “{explanation}”.",
            )


def _passive_message(excerpt: str) -> str:
    return (
        f"“{excerpt}” does not say who does it. Say who does what, for example “We will pay "
        "you” instead of “You will be paid”."
    )


def passive_voice(text: str) -> Iterator[Hit]:
    for hit in hits(PASSIVE, text, "passive_voice", _passive_message):
        last_word = text[hit.start : hit.end].split()[-1].lower()
        if last_word in _NOT_PARTICIPLES:
            continue
        if last_word == "used" and text[hit.end :].lstrip().lower().startswith("to "):
            continue  # "are used to" means "are familiar with"
        yield hit

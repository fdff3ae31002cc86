"""Sentences, words and quotations: the pieces every rule reads the text through."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from powerwith.offers.clarity.core import Hit

# A full stop after these is part of the word, not the end of a sentence.
ABBREVIATIONS = frozenset({"e.g", "i.e", "dr", "mr", "mrs", "ms", "st", "no", "approx"})

_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]*[\"”’')\]]*$")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
# How far back a rule looks for the words before a match ("you may", "can't promise"):
# enough for a few words, and it keeps a 20,000-character text linear.
LOOK_BACK = 40
_BULLET = re.compile(r"^[\s\-*•·–]+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
_AMOUNT = re.compile(r"£\s?\d|\b\d[\d,]*(?:\.\d\d)?\s?(?:pounds|GBP)\b|\b\d+p\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return count_words(self.text)


def count_words(text: str) -> int:
    """Words as a reader counts them: "£25", "10:00" and "co-production" are one word each."""
    return sum(1 for token in text.split() if any(char.isalnum() for char in token))


def sentences(text: str) -> list[Sentence]:
    """Split on full stops, question and exclamation marks and line breaks, but not after
    "e.g." or "Dr." nor where the next word starts in lower case; each line of a list is a
    sentence of its own."""
    found: list[Sentence] = []
    start = 0
    for end in _END.finditer(text):
        if end.group() != "\n" and not _ends_sentence(text, end.start(), end.end()):
            continue
        _add(found, text, start, end.end())
        start = end.end()
    _add(found, text, start, len(text))
    return found


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, stop - LOOK_BACK), stop)
    if word and word.group(1).lower().rstrip(".") in ABBREVIATIONS:
        return False
    following = _NEXT_CHARACTER.match(text, after)
    return following is None or not following.group(1).islower()


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    lead = len(piece) - len(_BULLET.sub("", piece))
    stripped = piece[lead:].rstrip()
    if count_words(stripped):
        found.append(Sentence(start + lead, start + lead + len(stripped), stripped))


def sentence_at(all_sentences: list[Sentence], position: int) -> Sentence | None:
    for sentence in all_sentences:
        if sentence.start <= position < sentence.end:
            return sentence
    return None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in _QUOTED.finditer(text)]


def before(text: str, position: int) -> str:
    """The few words before a position."""
    return text[max(0, position - LOOK_BACK) : position]


def inside(spans: list[tuple[int, int]], position: int) -> bool:
    return any(start < position < end for start, end in spans)


def has_amount(text: str) -> bool:
    """A sum of money in figures: "£25", "£12.60", "30 pounds", "50p"."""
    return _AMOUNT.search(text) is not None


def phrases(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern that matches any of the phrases as whole words.
    Spaces in a phrase match any run of white space; apostrophes match straight or curly."""
    joined = "|".join(f"(?:{alternative})" for alternative in alternatives)
    joined = joined.replace(" ", r"\s+").replace("'", "['’]")
    return re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])", re.IGNORECASE)


def hits(
    pattern: re.Pattern[str], text: str, rule: str, message: Callable[[str], str]
) -> Iterator[Hit]:
    for match in pattern.finditer(text):
        yield Hit(rule, match.start(), match.end(), message(match.group()))

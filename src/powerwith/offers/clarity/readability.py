"""Long sentences and reading ease (Flesch, from textstat)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from powerwith.offers.clarity.core import Audience, Hit
from powerwith.offers.clarity.text import Sentence, count_words

if TYPE_CHECKING:
    from textstat.textstat import textstatistics  # type: ignore[import-untyped]

LONGEST_SENTENCE: dict[Audience, int] = {"standard": 25, "easy_read": 15}
# Flesch reading ease: 60–70 is plain English; easy read should be easier still.
LOWEST_READING_EASE: dict[Audience, int] = {"standard": 50, "easy_read": 70}
# Below this, one long word swings the score: reading ease says nothing useful.
FEWEST_SENTENCES = 3
FEWEST_WORDS = 40
# The hardest sentence is shown as the excerpt; a two-word heading is not a sentence to fix.
_WORDS_TO_SCORE_A_SENTENCE = 5


def long_sentences(found: list[Sentence], audience: Audience) -> Iterator[Hit]:
    limit = LONGEST_SENTENCE[audience]
    for sentence in found:
        words = sentence.words
        if words > limit:
            yield Hit(
                "long_sentence",
                sentence.start,
                sentence.end,
                f"This sentence has {words} words. Split it into sentences of {limit} words "
                "or fewer, with one idea in each.",
            )


def reading_ease(text: str, found: list[Sentence], audience: Audience) -> Iterator[Hit]:
    if len(found) < FEWEST_SENTENCES or count_words(text) < FEWEST_WORDS:
        return
    lowest = LOWEST_READING_EASE[audience]
    score = _textstat().flesch_reading_ease(text)
    if score >= lowest:
        return
    hardest = min(
        (sentence for sentence in found if sentence.words >= _WORDS_TO_SCORE_A_SENTENCE),
        key=lambda sentence: _textstat().flesch_reading_ease(sentence.text),
        default=found[0],
    )
    shown = max(score, 0)  # the formula goes below 0 for the hardest texts; 0 says as much
    yield Hit(
        "reading_ease",
        hardest.start,
        hardest.end,
        f"This text is hard to read: its reading ease is {shown:.0f} and should be {lowest} or "
        "more. Use shorter sentences and everyday words. The hardest sentence is shown.",
    )


@cache
def _textstat() -> textstatistics:
    # Imported on first use: textstat brings in NLTK, which takes most of a second.
    from textstat.textstat import textstatistics

    counter = textstatistics()
    # For "en_GB" textstat looks words up in NLTK's CMU dictionary, which it downloads on
    # first use: a network call from inside a request, and a failure offline. The BCP 47
    # spelling "en-GB" is not matched by that lookup, so syllables are counted with Pyphen's
    # British English hyphenation dictionary (shipped in the package) and the English Flesch
    # constants still apply. tests/offers/test_clarity.py pins the score of a known text.
    counter.set_lang("en-GB")
    return counter

"""The clarity checker on sentences its patterns were not written from.

The held-back sample (clarity_held_back.py) must not be used to tune patterns: a sentence
it misses is fixed from new sentences in clarity_corpus.py, and this sample is measured
again unchanged. Its figures are printed at the end of the run.
"""

from __future__ import annotations

from powerwith.offers.clarity import BLOCKING_RULES
from tests.offers.clarity_held_back import HELD_BACK
from tests.offers.clarity_scoring import HELD_BACK_SCORE, score

# Floors for the rules that block sending. Measured before the checker changed for issue 15:
# precision 0.846, recall 0.667; after (upper bounds, "later", "pay you back" and the four
# hard words, all from the issue): precision 0.929, recall 0.788. What it still misses is
# listed in the printed figures, to be taught from new corpus sentences, not from these.
LOWEST_PRECISION = 0.9
LOWEST_RECALL = 0.75


def test_it_finds_most_of_what_blocks_sending_in_sentences_it_has_not_seen(request):
    assert len(HELD_BACK) >= 40
    result = score(HELD_BACK)
    request.config.stash[HELD_BACK_SCORE] = result
    blocking = result.of(BLOCKING_RULES)
    print(
        f"held-back sample, rules that block sending: precision {blocking.precision:.3f}, "
        f"recall {blocking.recall:.3f}"
    )
    assert blocking.precision >= LOWEST_PRECISION, "\n".join(result.lines())
    assert blocking.recall >= LOWEST_RECALL, "\n".join(result.lines())


def test_the_held_back_sample_has_clear_texts_and_every_blocking_rule():
    assert any(not expected for _, _, expected in HELD_BACK)
    for rule in BLOCKING_RULES:
        assert any(rule in expected for _, _, expected in HELD_BACK), rule

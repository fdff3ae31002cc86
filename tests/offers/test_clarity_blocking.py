"""What the clarity checker learned from issue 15, and which of its findings block an offer
being sent: speculation, promises, vague amounts and vague times, for every reader."""

from __future__ import annotations

import pytest

from powerwith.offers.clarity import BLOCKING_RULES, Finding, blocking, check
from tests.offers.clarity_corpus import CORPUS
from tests.offers.clarity_held_back import HELD_BACK

TIME = (
    "is vague about time. Give a date or a number of days, for example “by 12 January 2027” "
    "or “within 14 days”."
)


def test_the_rules_that_block_are_speculation_promises_and_vague_amounts_and_times():
    assert {"speculative", "promise", "vague_amount", "vague_time"} == BLOCKING_RULES
    found = check("Hopefully we will facilitate it soon.")
    assert [(f.rule, f.blocks) for f in found] == [
        ("speculative", True),
        ("hard_word", False),
        ("vague_time", True),
    ]


def test_the_sentence_sent_with_one_tick_is_found_five_times():
    text = "We may be able to pay you something later, and there might be more work soon"
    assert [(f.rule, f.excerpt) for f in check(text)] == [
        ("speculative", "may"),
        ("vague_amount", "pay you something"),
        ("vague_time", "later"),
        ("speculative", "might"),
        ("vague_time", "soon"),
    ]


@pytest.mark.parametrize("audience", ["standard", "easy_read"])
def test_blocking_finds_what_check_finds_that_blocks(audience):
    for text, _, _ in [*CORPUS, *HELD_BACK]:
        expected = [f for f in check(text, audience) if f.blocks]
        assert blocking(text, audience) == expected, text


def test_an_upper_bound_is_not_an_amount():
    [finding] = check("Travel expenses will be paid at cost, up to £50.")
    assert finding == Finding(
        "vague_amount",
        "warning",
        "“up to £50” is a limit, not an amount. Say what the person will get, for example "
        "“£50” or “the cost of your train ticket”.",
        "up to £50",
    )
    assert [f.excerpt for f in check("We pay a maximum of £40 for a taxi.")] == ["a maximum of £40"]
    assert check("Up to six people will sit on the panel.") == []


@pytest.mark.parametrize(
    ("text", "excerpt", "advice"),
    [
        ("We will reimburse your bus fare.", "reimburse", "Use “pay you back” instead."),
        ("Your costs are reimbursed.", "reimbursed", "Use “pay you back” instead."),
        (
            "Subsistence of £7 is paid.",
            "Subsistence",
            "Use “money for food and drink” instead, and say how much.",
        ),
        (
            "A per diem of £30 is paid.",
            "per diem",
            "Use “a daily allowance” instead, and say how much.",
        ),
        (
            "You will join the training workstream.",
            "workstream",
            "Use “a part of the work” instead, and say which part.",
        ),
    ],
)
def test_it_finds_the_hard_words_it_missed(text, excerpt, advice):
    [finding] = check(text)
    assert finding == Finding(
        "hard_word", "advice", f"“{excerpt}” is a hard word. {advice}", excerpt
    )
    assert not finding.blocks


def test_its_plain_alternative_to_reimburse_is_clear():
    assert check("We will pay you back for your train ticket on the day.") == []
    assert check("You will be paid back for your parking.") == []


def test_later_on_its_own_is_vague_but_a_deadline_is_not():
    [finding] = check("We will tell you the dates later.")
    assert finding == Finding("vague_time", "warning", f"“later” {TIME}", "later")
    assert check("Please send your claim no later than 31 March 2027.") == []
    assert check("The money reaches your bank 3 days later.") == []
    assert check("Later in this letter you will find a map.") == []

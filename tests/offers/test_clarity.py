"""The clarity checker: its figures over the labelled corpus, and each rule's finding,
word for word."""

from __future__ import annotations

import dataclasses
import time

import pytest

from powerwith.offers.clarity import MAX_TEXT_LENGTH, Finding, check
from tests.offers.clarity_corpus import CORPUS, PASSAGES
from tests.offers.clarity_scoring import CLARITY_SCORE, score

SPECULATIVE = (
    "is speculative. Say only what is agreed and certain. If something is not decided yet, "
    "say so plainly and say when the person will know."
)
PROMISE = (
    "reads as a promise. State the facts of what is agreed instead, such as what you will pay "
    "and by when, and make no promises about what may follow."
)
VAGUE = "is vague. Give the exact figure, such as the number of hours or the amount in pounds."
UNDECIDED = (
    "leaves something undecided. Confirm it before you send this, or say plainly that it is "
    "not decided yet and the date the person will hear."
)
MONEY = (
    "mentions money but the text gives no amount. Say how much in pounds, for example "
    "“£25 an hour”."
)
TIME = (
    "is vague about time. Give a date or a number of days, for example “by 12 January 2027” "
    "or “within 14 days”."
)
ACRONYM = (
    "is not explained. Write it out in full the first time, with the short form in brackets, "
    "for example “Restraint Reduction Network (RRN)”."
)
PASSIVE = (
    "does not say who does it. Say who does what, for example “We will pay you” instead of "
    "“You will be paid”."
)


def only(text: str, audience: str = "standard") -> Finding:
    [finding] = check(text, audience)  # type: ignore[arg-type]
    return finding


def test_it_meets_the_corpus_with_precision_and_recall_of_at_least_nine_tenths(request):
    assert len(CORPUS) >= 150
    result = score(CORPUS)
    request.config.stash[CLARITY_SCORE] = result
    assert result.overall.precision >= 0.9, "\n".join(result.lines())
    assert result.overall.recall >= 0.9, "\n".join(result.lines())


def test_the_corpus_has_clear_and_problem_texts_for_every_rule_and_both_audiences():
    assert any(not expected for _, _, expected in CORPUS)
    for rule in (
        "speculative",
        "promise",
        "vague_amount",
        "vague_time",
        "unexplained_acronym",
        "long_sentence",
        "hard_word",
        "reading_ease",
        "passive_voice",
    ):
        assert any(rule in expected for _, _, expected in CORPUS), rule
    assert {audience for _, audience, _ in CORPUS} == {"standard", "easy_read"}


def test_it_finds_speculation():
    assert only("This could lead to paid work.") == Finding(
        "speculative",
        "warning",
        f"“could lead to paid work” {SPECULATIVE}",
        "could lead to paid work",
    )


def test_it_keeps_the_excerpt_as_written_and_matches_whatever_the_case():
    assert only("HOPEFULLY we meet.").excerpt == "HOPEFULLY"


def test_it_matches_whole_words_only():
    assert check("The soonest date is 3 March 2027. The mighty river is nearby.") == []


def test_may_as_a_month_or_as_permission_is_not_speculation():
    assert check("The panel meets on Tuesday 4 May. You may bring a friend.") == []
    assert only("Your story may lead to changes.").excerpt == "may"


def test_might_in_someone_elses_quoted_words_is_reported_speech():
    assert check("Jo said: “I might not have come back without the group.”") == []
    assert only("We might meet again.").rule == "speculative"


@pytest.mark.parametrize(
    "text",
    [
        "Here is what we expect from you: arrive on time.",
        "You will have work to do before each session.",
        "You will have a role in shaping the course.",
    ],
)
def test_what_a_role_asks_is_neither_speculation_nor_a_promise(text):
    assert check(text) == []


def test_honest_uncertainty_is_not_a_promise():
    assert check("We can't promise there will be more work.") == []
    assert check("There is no guarantee of further work.") == []


def test_it_finds_a_promise():
    assert only("We promise to reply within 2 working days.") == Finding(
        "promise", "warning", f"“promise” {PROMISE}", "promise"
    )


def test_a_hedged_promise_is_one_speculative_finding():
    [finding] = check("We hope this will lead to paid work.")
    assert (finding.rule, finding.excerpt) == ("speculative", "We hope")


def test_it_finds_a_vague_amount():
    assert only("The work will take a few hours.") == Finding(
        "vague_amount", "warning", f"“a few hours” {VAGUE}", "a few hours"
    )


def test_it_finds_something_left_to_be_confirmed():
    assert only("The rate of pay is TBC.") == Finding(
        "vague_amount", "warning", f"“TBC” {UNDECIDED}", "TBC"
    )


def test_it_finds_money_without_an_amount():
    assert only("You will be paid within 14 days.") == Finding(
        "vague_amount", "warning", f"“You will be paid” {MONEY}", "You will be paid"
    )


def test_an_amount_anywhere_in_the_text_is_enough():
    assert check("We pay £25 an hour. You will be paid within 14 days.") == []
    assert check("£25 an hour, paid within 14 days.") == []


def test_it_finds_a_vague_time():
    assert only("We will be in touch soon.") == Finding(
        "vague_time", "warning", f"“soon” {TIME}", "soon"
    )


def test_as_soon_as_something_happens_is_not_vague():
    assert check("As soon as you arrive, ask for Priya.") == []
    assert only("Reply as soon as possible.").excerpt == "as soon as possible"


def test_it_finds_an_unexplained_acronym():
    assert only("Please contact the PALS team.") == Finding(
        "unexplained_acronym", "warning", f"“PALS” {ACRONYM}", "PALS"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Restraint Reduction Network (RRN) wrote the standards.",
        "The RRN (Restraint Reduction Network) wrote the standards.",
        "The RRN wrote the standards. RRN stands for Restraint Reduction Network.",
    ],
)
def test_an_acronym_explained_anywhere_in_the_text_is_clear(text):
    assert check(text) == []


def test_everyday_acronyms_need_no_explanation_but_bsl_does_in_easy_read():
    assert check("Ask your GP or the NHS. It's OK to say no. We can book a BSL interpreter.") == []
    assert only("We can book a BSL interpreter.", "easy_read").excerpt == "BSL"


def test_capitals_for_emphasis_are_not_acronyms():
    assert check("IMPORTANT: bring your bank details. PLEASE NOTE the time.") == []


def test_it_finds_a_long_sentence():
    text = " ".join(["word"] * 26) + "."
    assert only(text) == Finding(
        "long_sentence",
        "advice",
        "This sentence has 26 words. Split it into sentences of 25 words or fewer, with one "
        "idea in each.",
        text,
    )
    assert check(" ".join(["word"] * 25) + ".") == []


def test_a_sentence_over_fifteen_words_is_a_warning_in_easy_read():
    finding = only(" ".join(["word"] * 16) + ".", "easy_read")
    assert (finding.rule, finding.severity) == ("long_sentence", "warning")
    assert check(" ".join(["word"] * 15) + ".", "easy_read") == []


def test_it_finds_each_sentence_of_a_text_and_each_line_of_a_list():
    long = " ".join(["word"] * 16)
    text = f"{long}. Short one, e.g. this.\n- {long}\n- two"
    assert [f.excerpt for f in check(text, "easy_read")] == [f"{long}.", long]


def test_it_finds_a_hard_word():
    assert only("We will facilitate a discussion.") == Finding(
        "hard_word",
        "advice",
        "“facilitate” is a hard word. Use “help” or “run” instead.",
        "facilitate",
    )


def test_co_production_needs_explaining_only_in_easy_read():
    assert check("We will co-produce the training.") == []
    assert only("We will co-produce the training.", "easy_read") == Finding(
        "hard_word",
        "advice",
        "“co-produce” is a word not everyone knows. Explain it in simple words, for example "
        "“working together as equals from the start”.",
        "co-produce",
    )
    assert check("Co-production means we work as equals.", "easy_read") == []


def test_it_finds_the_passive_voice_in_easy_read_only():
    assert only("You will be paid £25 an hour.", "easy_read") == Finding(
        "passive_voice", "advice", f"“be paid” {PASSIVE}", "be paid"
    )
    assert check("You will be paid £25 an hour.") == []
    assert check("We are interested in what you think.", "easy_read") == []


def test_it_finds_hard_reading_and_shows_the_hardest_sentence():
    text, _, _ = PASSAGES[1]
    # Pinned: textstat counts syllables with Pyphen here, never a dictionary downloaded at
    # run time (see readability.py). A change in that path changes this score.
    assert only(text) == Finding(
        "reading_ease",
        "advice",
        "This text is hard to read: its reading ease is 0 and should be 50 or more. Use shorter "
        "sentences and everyday words. The hardest sentence is shown.",
        "Evaluation methodologies incorporate qualitative thematic analysis alongside "
        "quantitative performance indicators.",
    )
    easy_read, _, _ = PASSAGES[4]
    assert "its reading ease is 61 and should be 70" in only(easy_read, "easy_read").message


def test_reading_ease_never_downloads_a_dictionary(monkeypatch):
    import nltk  # type: ignore[import-untyped]

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("textstat reached for NLTK's downloadable CMU dictionary")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    text, _, _ = PASSAGES[1]
    # A text of its own, so that no answer cached by textstat stands in for the work.
    assert only(f"{text} Organisational responsibilities remain.").rule == "reading_ease"


def test_reading_ease_is_not_judged_on_short_texts():
    assert check("Interdisciplinary collaboration necessitates organisational commitment.") == []


def test_it_lists_findings_in_the_order_of_the_text_and_each_words_once():
    found = check("We will be in touch soon. Hopefully soon.")
    assert [(f.rule, f.excerpt) for f in found] == [
        ("vague_time", "soon"),
        ("speculative", "Hopefully"),
    ]


def test_a_finding_cannot_be_changed():
    with pytest.raises(dataclasses.FrozenInstanceError):
        only("Hopefully.").rule = "promise"  # type: ignore[misc]


def test_it_refuses_an_unknown_audience():
    with pytest.raises(ValueError, match="Unknown audience 'large_print'"):
        check("Hello.", "large_print")  # type: ignore[arg-type]


def test_it_reads_the_longest_text_allowed_quickly():
    paragraph = (
        "Hopefully we will be in touch soon. You may be offered more work by the RRN. "
        "We will make sure you are happy, and the work will take a few hours. "
    )
    text = (paragraph * 200)[:MAX_TEXT_LENGTH]
    started = time.perf_counter()
    assert check(text, "easy_read")
    assert time.perf_counter() - started < 2

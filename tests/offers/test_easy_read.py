"""The easy-read rendering: short sentences made from the offer's facts, the key facts in
a box with pictures and labels, "It's OK to say no" in its own box, and what the
organisation wrote kept apart, in their words."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader
from weasyprint import HTML

from powerwith.core.choices import CoWorkingLevel, Focus, LocationMode, RewardBasis
from powerwith.offers.renderings import easy_read, render
from powerwith.payments.models import PayRoute
from powerwith.payments.routes import EASY_WORDS, WORDS
from tests.offers.factories import (
    ADDRESS,
    COMPLETE_TERMS,
    FIRST_SESSION,
    SECOND_SESSION,
    offer_to,
    prefers,
    sent_content,
)
from tests.offers.reading import blocks_of, sentences_of
from tests.offers.test_renderings import font_sizes

pytestmark = pytest.mark.django_db

MOST_WORDS = 15
# "is paid", "are given", "was sent"…: a passive verb after a form of "to be".
PASSIVE = re.compile(
    r"\b(is|are|was|were|be|been|being)\s+(\w+ed|paid|given|made|sent|done|shown|written|"
    r"kept|sold|seen|known|told|held|taken)\b",
    re.IGNORECASE,
)


@pytest.fixture
def content(riverside_coordinator, expert_at_riverside) -> dict[str, Any]:
    prefers(expert_at_riverside, "easy_read")
    return sent_content(offer_to(riverside_coordinator, expert_at_riverside))


def easy_html(content: dict[str, Any]) -> str:
    return render(content, "easy-read").data.decode()


def words(sentence: str) -> int:
    return len(sentence.split())


def offer_pay_route_words(route: str) -> dict[str, Any]:
    return {"route": route, "label": route, "words": WORDS[route], "easy_read": EASY_WORDS[route]}


def variants(base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The offer in every shape its structured content can take."""
    for focus in Focus:
        yield {**base, "opportunity": {**base["opportunity"], "focus": [focus.value]}}
    for level in [*CoWorkingLevel, ""]:
        yield {**base, "opportunity": {**base["opportunity"], "level": level}}
    for basis in RewardBasis:
        yield {**base, "reward": {**base["reward"], "basis": basis.value}}
    for mode in LocationMode:
        yield {**base, "location": {"mode": mode.value, "address": "", "details": "Call us."}}
    yield {**base, "sessions": [base["sessions"][0]], "hours_per_week": "4.5"}
    yield {**base, "sessions": [], "hours_per_week": "1"}
    yield {**base, "contact": None, "backup_contact": None, "benefits_signpost": "Ask us."}
    yield {**base, "expenses": {"travel": True, "travel_in_advance": False}}
    yield {**base, "expenses": {"travel": False}, "output_use": {"publish": False}}
    for route in PayRoute:
        # How the person would be paid, as payments adds it for the reader.
        yield {**base, "pay_route": offer_pay_route_words(route)}
    yield {**base, "output_use": {use: True for use in base["output_use"]}}
    yield {
        **base,
        "consent_needed": ["take_part", "share_narrative", "publish", "distribute", "monetise"],
    }
    yield {**base, "support": {"wellbeing_checks": False, "ground_rules": "", "text": ""}}
    voluntary = copy.deepcopy(base)
    voluntary["reward"] = {"basis": "voluntary", "amount": None, "paid_within_days": None}
    voluntary["reward"]["method"] = ""
    voluntary["benefits_signpost"] = None
    yield voluntary


def test_every_sentence_it_can_make_has_at_most_15_words_and_no_passive_verb(content):
    checked = 0
    for variant in [content, *variants(content)]:
        for sentence in easy_read.sentences(variant):
            assert words(sentence) <= MOST_WORDS, sentence
            assert not PASSIVE.search(sentence), sentence
            checked += 1
    assert checked > 500


def test_every_sentence_on_the_page_outside_their_words_has_at_most_15_words(content):
    for variant in [content, *variants(content)]:
        for sentence in sentences_of(blocks_of(easy_html(variant), skip_class="their-words")):
            assert words(sentence) <= MOST_WORDS, sentence


def test_the_key_facts_box_gives_what_where_when_money_and_who_to_ask(content):
    html = easy_html(content)
    box = html[html.index('class="key-facts"') : html.index('class="say-no"')]
    blocks = blocks_of(box)
    for label in ["What", "Where", "When", "Money", "Who to ask"]:
        assert label in blocks
    assert box.count('<img src="data:image/svg+xml;base64,') == 5
    assert box.count('alt=""') == 5  # each picture stands beside its own text label
    text = " ".join(blocks)
    assert "You help design training." in text
    assert ADDRESS in text
    assert "2 sessions." in text
    assert f"The first is on {FIRST_SESSION}." in text
    assert "They pay you £25.00 an hour." in text
    assert "Your contact person is" not in text  # the box stays brief
    assert "Jo Bloggs." in text
    assert "Email: jo@riverside.example" in text


def test_it_is_ok_to_say_no_has_its_own_box_near_the_top(content):
    html = easy_html(content)
    box = html[html.index('<section class="say-no"') :]
    box = box[: box.index("</section>")]
    assert '<h2 id="say-no">' in box
    assert blocks_of(box)[:2] == ["It's OK to say no", "You do not have to say yes."]
    assert "You do not have to give a reason." in box
    assert html.index('class="say-no"') < html.index("What you will do")


def test_it_states_the_rest_of_the_offer_in_short_sentences(content):
    text = " ".join(blocks_of(easy_html(content), skip_class="their-words"))
    for sentence in [
        f"{FIRST_SESSION}",
        f"{SECOND_SESSION}",
        "That is £137.50 for 5 hours and 30 minutes.",
        "They pay you within 14 days of the work.",
        "They pay you by bank transfer.",
        "They can pay for your travel before the day.",
        "They pay for care or childcare while you work.",
        "Money from this work can change your benefits.",
        "They share your work with their own staff.",
        "You can change your mind at any time.",
        "Jo Bloggs asks how you are before the work.",
        "They still pay you for the time booked.",
        "If they are away, ask Kim Lee.",
        "You can ask a question first.",
    ]:
        assert sentence in text


def test_what_the_organisation_wrote_is_kept_in_their_words_and_not_called_easy_read(content):
    html = easy_html(content)
    outside = " ".join(blocks_of(html, skip_class="their-words"))
    inside = html[html.index('class="in-their-words"') :]
    for written in [
        COMPLETE_TERMS["message"],
        COMPLETE_TERMS["adjustments"],
        COMPLETE_TERMS["support"],
        content["input_expected"],
        content["opportunity"]["purpose"],
        content["support"]["ground_rules"],
    ]:
        assert written not in outside
        assert written in inside
    assert "It is not in easy read." in inside
    # The default benefits signpost is ours, said in short sentences in the money part.
    assert "Citizens Advice" not in html


def test_the_easy_read_page_prints_at_14_point_or_more(content):
    pdf = HTML(string=easy_html(content)).write_pdf()
    assert min(font_sizes(PdfReader(io.BytesIO(pdf)))) >= 14

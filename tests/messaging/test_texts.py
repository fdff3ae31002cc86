"""Text messages are short and plain, refused rather than cut, and say nothing
special-category; neither does the outside of a letter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from powerwith.messaging import texts
from powerwith.messaging.texts import TEXT_LIMIT, TOPICS, TextTooLong, text_for
from powerwith.people.schedule import ITEM_CHOICES, RESTRICTIVE_INTERVENTIONS, SETTINGS

TEMPLATES = Path(texts.__file__).parent / "templates" / "messaging"
# A long name and the longest organisation name in the demo, and a long link.
NAME = "Alexandra-Josephine"
ORGANISATION = "Hillview Health NHS Foundation Trust"
LINK = "https://powerwith.example.org/my-feedback/123456/easy-read/"
# Words that say what someone lived through, beyond the Schedule's own labels.
SENSITIVE = {
    "restrain",
    "restraint",
    "seclusion",
    "segregation",
    "tranquil",
    "sectioned",
    "detained",
    "mental health",
    "learning disability",
    "autism",
    "autistic",
    "psychiatric",
    "hospital",
    "crisis",
    "self-harm",
    "suicide",
}


def _labels() -> set[str]:
    labels = {
        str(label).lower() for _, label in [*ITEM_CHOICES, *RESTRICTIVE_INTERVENTIONS, *SETTINGS]
    }
    return {label for label in labels if len(label) > 3} | SENSITIVE


def _words_of(path: Path) -> str:
    """A template's own words, without its tags."""
    return re.sub(r"{[{%].*?[%}]}", " ", path.read_text()).lower()


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_text_fits_in_one_text_message_with_long_names(topic):
    body = text_for(topic, name=NAME, organisation=ORGANISATION, link=LINK)

    assert len(body) <= TEXT_LIMIT
    assert LINK in body


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_text_for_a_supporter_fits_too(topic):
    body = text_for(topic, name=NAME, organisation=ORGANISATION, link=LINK, for_supporter=NAME)

    assert len(body) <= TEXT_LIMIT
    assert body.startswith(f"For {NAME}, who named you as their supporter")


def test_a_text_longer_than_the_channel_allows_is_refused_not_cut():
    with pytest.raises(TextTooLong) as refused:
        text_for("offer_sent", name="A" * 300, organisation=ORGANISATION, link=LINK)

    assert refused.value.length > TEXT_LIMIT
    assert "more than the 306" in str(refused.value)


@pytest.mark.parametrize(
    "template",
    [*sorted((TEMPLATES / "texts").glob("*.txt")), TEMPLATES / "letter_window.html"],
    ids=lambda path: path.name,
)
def test_no_text_and_no_envelope_window_says_anything_special_category(template):
    words = _words_of(template)

    found = sorted(label for label in _labels() if label in words)

    assert found == []


def test_every_topic_has_a_text_and_a_phone_script():
    for topic in TOPICS:
        assert (TEMPLATES / "texts" / f"{topic}.txt").exists()
        assert (TEMPLATES / "calls" / f"{topic}.txt").exists()


def test_every_topic_a_message_names_has_its_templates():
    source = Path(texts.__file__).parents[1]
    named = set()
    for path in source.rglob("*.py"):
        named |= set(re.findall(r'Recipient\(\s*[\w.]+,\s*"(\w+)"', path.read_text()))
        named |= set(re.findall(r'topic="(\w+)"', path.read_text()))

    assert named, "the scan found no messages: it no longer matches how they are written"
    assert named <= set(TOPICS)

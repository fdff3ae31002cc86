"""Words an offer says once, and the same way everywhere: the ground rules are not printed
twice beside the power to stop, in any rendering or on either offer page, and times are
written the one way the product writes them."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from powerwith.offers.renderings import render
from tests.conftest import logged_in
from tests.offers.factories import sent_content, sent_offer
from tests.offers.reading import flat

pytestmark = pytest.mark.django_db

# What every opportunity starts with as its ground rules (opportunities.choices).
STARTING_RULES = "You can stop, take time out or ask for support at any time."
POWER_TO_STOP = "You can stop, take time out or ask for support at any time. It costs you nothing."


def pages(client, offer, coordinator, person) -> dict[str, str]:
    content = sent_content(offer)
    shown = {fmt: render(content, fmt).data.decode() for fmt in ("html", "easy-read", "text")}
    logged_in(client, coordinator.user)
    shown["offer page"] = client.get(f"/offers/{offer.pk}/").content.decode()
    logged_in(client, person.user)
    shown["the person's page"] = client.get(f"/my-offers/{offer.pk}/").content.decode()
    return {name: flat(text) for name, text in shown.items()}


def test_the_power_to_stop_is_not_printed_again_as_the_ground_rules(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside, ground_rules=STARTING_RULES)
    for name, text in pages(client, offer, riverside_coordinator, expert_at_riverside).items():
        assert "Ground rules" not in text, name
        assert text.count("ask for support at any time") <= 1, name


def test_ground_rules_beyond_the_power_to_stop_are_printed_once(
    client, riverside_coordinator, expert_at_riverside
):
    rules = f"{STARTING_RULES} Phones on silent, please.\nWe keep to time."
    offer = sent_offer(riverside_coordinator, expert_at_riverside, ground_rules=rules)
    for name, text in pages(client, offer, riverside_coordinator, expert_at_riverside).items():
        assert text.count("Ground rules") == 1, name
        assert text.count("Phones on silent, please.") == 1, name
        assert "We keep to time." in text, name
        if name != "easy-read":
            assert text.count(POWER_TO_STOP) == 1, name


def test_the_offer_page_writes_times_the_one_way(
    client, riverside_coordinator, expert_at_riverside
):
    # 13:05 UTC in July is 2:05pm in London.
    with time_machine.travel(dt.datetime(2027, 7, 1, 13, 5, tzinfo=dt.UTC), tick=False):
        offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    page = flat(client.get(f"/offers/{offer.pk}/").content.decode())
    assert "1 Jul 2027, 2:05pm" in page
    assert "p.m." not in page
    assert "14:05" not in page

"""The offer as a full document: the web page and the large print PDF read the same."""

from __future__ import annotations

from typing import Any

from powerwith.offers.renderings import words
from powerwith.offers.renderings.base import icon
from powerwith.offers.renderings.words import Content


def _fact(name: str, label: str, text: str) -> dict[str, str]:
    return {"name": name, "icon": icon(name), "label": label, "text": text}


def key_facts(content: Content) -> list[dict[str, str]]:
    """What, where, when, money and who to ask: each with its icon and a text label."""
    return [
        _fact("what", "What", words.title(content)),
        _fact("where", "Where", words.where(content)),
        _fact("when", "When", words.when_summary(content)),
        _fact("money", "Money", words.money_summary(content)),
        _fact("who", "Who to ask", words.contact_line(content["contact"])),
    ]


def context(content: Content) -> dict[str, Any]:
    contact = content["contact"]
    return {
        "content": content,
        "title": words.title(content),
        "organisation": content["organisation"],
        "key_facts": key_facts(content),
        "level": words.level(content),
        "focus": words.focus_labels(content),
        "where": words.where(content),
        "sessions": words.sessions(content),
        "hours_per_week": words.hours_per_week(content),
        "voluntary": words.is_voluntary(content),
        "rate": words.rate(content),
        "total": words.total(content),
        "paid_within": words.paid_within(content),
        "payment_method": words.payment_method(content),
        "pay_route": words.pay_route(content),
        "expenses_covered": words.expenses_covered(content),
        "expenses_not_covered": words.expenses_not_covered(content),
        "travel_in_advance": words.travel_in_advance(content),
        "output_uses": words.output_uses(content),
        "output_not_used": words.output_not_used(content),
        "consents": words.consents(content),
        "wellbeing_checks": words.WELLBEING_CHECKS,
        "ground_rules": words.ground_rules(content),
        "contact_name": contact["name"] if contact else "",
    }

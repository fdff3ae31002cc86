"""What is written for an offer, checked: the person's terms, the text of questions and
answers, and the clarity checker over everything the coordinator wrote."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from powerwith.core.errors import InvalidInput
from powerwith.offers import clarity, content
from powerwith.offers.formats import RenderFormat, preferred_format
from powerwith.opportunities.models import Opportunity
from powerwith.people.choices import PaymentPreference

TEXT_TERMS = {"message": 4000, "adjustments": 4000, "support": 4000, "benefits_signpost": 4000}
PAYMENT_METHODS = [m for m in PaymentPreference.values if m != PaymentPreference.PREFER_NOT_TO_SAY]
TERMS = (*TEXT_TERMS, "payment_method")
QUESTION_LENGTH = 4000


def clean_terms(terms: Mapping[str, Any]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for name, value in terms.items():
        if name not in TERMS:
            raise InvalidInput(f"Unknown term: {name}. Use any of: {', '.join(TERMS)}.", field=name)
        text = "" if value is None else str(value).strip()
        if name == "payment_method":
            if text and text not in PAYMENT_METHODS:
                raise InvalidInput(
                    f"Unknown payment method '{text}'. Use one of: {', '.join(PAYMENT_METHODS)}.",
                    field=name,
                )
        elif len(text) > TEXT_TERMS[name]:
            raise InvalidInput(
                f"The {name.replace('_', ' ')} must be {TEXT_TERMS[name]} characters or fewer.",
                field=name,
            )
        cleaned[name] = text
    return cleaned


def clean_text(text: str, what: str) -> str:
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput(f"Write your {what}.", field="text")
    if len(cleaned) > QUESTION_LENGTH:
        raise InvalidInput(f"Keep it to {QUESTION_LENGTH} characters or fewer.", field="text")
    return cleaned


def audience_for(person_formats: list[str]) -> clarity.Audience:
    """The clarity checker is stricter for people who read easy read best."""
    if preferred_format(person_formats) == RenderFormat.EASY_READ:
        return "easy_read"
    return "standard"


@dataclass(frozen=True)
class Place:
    """Where a checked text is written: on the opportunity, shared by every offer of it,
    or in this person's terms on the offer page; ``box`` is the id of its text box there."""

    on_opportunity: bool
    words: str
    box: str


PLACES: dict[str, Place] = {
    "message": Place(False, "this offer's message to the person", "id_message"),
    "input_expected": Place(True, "what the opportunity asks people to do", "id_input_expected"),
    "purpose": Place(True, "the opportunity's purpose", "id_purpose"),
    "success_measures": Place(True, "the opportunity's success measures", "id_success_measures"),
    "support": Place(False, "this offer's support arrangements", "id_support"),
    "ground_rules": Place(True, "the opportunity's ground rules", "id_ground_rules"),
    "adjustments": Place(False, "this offer's adjustments", "id_adjustments"),
    "benefits_signpost": Place(False, "this offer's benefits advice", "id_benefits_signpost"),
}
OPPORTUNITY_TEXT = tuple(name for name, place in PLACES.items() if place.on_opportunity)
SHARED = "shared by every offer of this opportunity"
# The words an error summary lists blocking findings under.
CHANGE_THESE = (
    "Change these words: they are speculative, promise something, or leave an amount or a "
    "time vague."
)
# What each rule says about the words found, for a one-line summary.
PROBLEMS = {
    "speculative": "is speculative",
    "promise": "reads as a promise",
    "vague_amount": "leaves an amount vague",
    "vague_time": "leaves a time vague",
    "unexplained_acronym": "is not explained",
    "long_sentence": "is a long sentence",
    "hard_word": "is a hard word",
    "passive_voice": "does not say who does it",
    "reading_ease": "is hard to read",
}


def _located(
    name: str, finding: clarity.Finding, opportunity_id: int | None, offer_id: int | None
) -> dict[str, Any]:
    place = PLACES[name]
    where = f"in {place.words}" + (f" — {SHARED}" if place.on_opportunity else "")
    if place.on_opportunity:
        page = reverse("opportunities:edit", kwargs={"opportunity_id": opportunity_id})
    else:
        page = reverse("offers:offer", kwargs={"offer_id": offer_id}) if offer_id else ""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "excerpt": finding.excerpt,
        "field": name,
        "blocks": finding.blocks,
        "on_opportunity": place.on_opportunity,
        "where": where,
        "summary": f"“{finding.excerpt}” {PROBLEMS[finding.rule]} {where}",
        "href": f"{page}#{place.box}" if page else "",
    }


def clarity_findings(
    offer_content: Mapping[str, Any], *, offer_id: int | None = None
) -> list[dict[str, Any]]:
    """The clarity checker over every part the coordinator wrote, each finding with the
    part (``field``) it came from, where that part is written and, for the pages, a link
    to its text box (``href``; the offer's own boxes only when ``offer_id`` is given)."""
    audience = audience_for(list(offer_content["person"]["formats"]))
    opportunity_id = offer_content["opportunity"]["id"]
    return [
        _located(name, finding, opportunity_id, offer_id)
        for name, text in content.free_text(dict(offer_content))
        for finding in clarity.check(text, audience)
    ]


def opportunity_findings(opportunity: Opportunity) -> list[dict[str, Any]]:
    """The checker over the opportunity's own text, shared by every offer of it. Its
    blocking findings are the same for every reader, so the standard audience is used."""
    return [
        _located(name, finding, opportunity.pk, None)
        for name in OPPORTUNITY_TEXT
        for finding in clarity.check(getattr(opportunity, name), "standard")
    ]


def blocking_rules(offer_content: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The (field, rule) of each blocking finding in an offer's content, as a version was
    sent or as it would be sent now, found without judging style."""
    audience = audience_for(list(offer_content["person"]["formats"]))
    return [
        (name, finding.rule)
        for name, text in content.free_text(dict(offer_content))
        for finding in clarity.blocking(text, audience)
    ]


def opportunity_blocking_rules(opportunity: Opportunity) -> list[tuple[str, str]]:
    """The (field, rule) of each blocking finding in the opportunity's own text."""
    return [
        (name, finding.rule)
        for name in OPPORTUNITY_TEXT
        for finding in clarity.blocking(getattr(opportunity, name))
    ]


def blocking_in(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["blocks"]]


def warnings_in(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["severity"] == "warning"]


def style_warnings_in(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The warnings that can be acknowledged: every warning that does not block."""
    return [f for f in warnings_in(findings) if not f["blocks"]]

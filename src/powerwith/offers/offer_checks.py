"""What is written for an offer, checked: the person's terms, the text of questions and
answers, and the clarity checker over everything the coordinator wrote."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from powerwith.errors import InvalidInput
from powerwith.offers import clarity, content
from powerwith.offers.formats import RenderFormat, preferred_format
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


def clarity_findings(offer_content: Mapping[str, Any]) -> list[dict[str, str]]:
    """The clarity checker over every part the coordinator wrote, each finding with the
    part (``field``) it came from."""
    audience = audience_for(list(offer_content["person"]["formats"]))
    return [
        {
            "rule": finding.rule,
            "severity": finding.severity,
            "message": finding.message,
            "excerpt": finding.excerpt,
            "field": name,
        }
        for name, text in content.free_text(dict(offer_content))
        for finding in clarity.check(text, audience)
    ]


def warnings_in(findings: list[dict[str, str]]) -> list[dict[str, str]]:
    return [f for f in findings if f["severity"] == "warning"]

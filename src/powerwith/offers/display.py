"""What the offer pages show beside the offer itself: where to fix each missing element,
what changed between two sent versions, and the formats a person can read it in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from powerwith.offers.checks import CHANGE_THESE
from powerwith.offers.content import REQUIRED_ELEMENTS
from powerwith.offers.formats import RenderFormat, preferred_format
from powerwith.offers.models import Offer

# Elements written for this person on the offer page itself; the rest are the
# opportunity's terms.
TERMS_FIELDS = {
    "payment_method": "id_payment_method",
    "benefits_advice_signpost": "id_benefits_signpost",
    "support": "id_support",
    "adjustments": "id_adjustments",
}
PARTS = {
    "message": "the message to you",
    "opportunity": "what the work is",
    "input_expected": "what you are asked to do",
    "location": "where it happens",
    "sessions": "when it happens",
    "hours_per_week": "the hours each week",
    "reward": "the money",
    "expenses": "the expenses paid",
    "benefits_signpost": "the benefits advice",
    "output_use": "what happens to what you share or make",
    "consent_needed": "the consent asked for",
    "contact": "your contact person",
    "backup_contact": "the backup contact person",
    "support": "the support",
    "adjustments": "the adjustments",
}


@dataclass(frozen=True)
class Gap:
    code: str
    label: str
    href: str


def _opportunity_link(offer: Offer) -> str:
    # The opportunity's edit page comes with the full opportunity pages; until then its
    # own page is where to look.
    try:
        return reverse("opportunities:edit", kwargs={"opportunity_id": offer.opportunity_id})
    except NoReverseMatch:
        return reverse("opportunities:detail", kwargs={"opportunity_id": offer.opportunity_id})


def gaps(offer: Offer, codes: list[str]) -> list[Gap]:
    """Each missing element in words, linked to the place to put it right."""
    opportunity_link = _opportunity_link(offer)
    return [
        Gap(
            code,
            REQUIRED_ELEMENTS[code],
            f"#{TERMS_FIELDS[code]}" if code in TERMS_FIELDS else opportunity_link,
        )
        for code in codes
    ]


def on_the_page(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Clarity findings as the offer page links them: text in this person's terms to its
    box on the same page, the opportunity's text to its box on the opportunity's form."""
    return [
        {**f, "page_href": f["href"] if f["on_opportunity"] else f"#{f['href'].partition('#')[2]}"}
        for f in findings
    ]


def cannot_send(gaps_: list[Gap], blocking: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What stops the offer being sent, for the error summary: each problem linked to the
    place to put it right."""
    groups = []
    if gaps_:
        links = [{"text": gap.label, "href": gap.href} for gap in gaps_]
        groups.append({"intro": "It must state:", "links": links})
    if blocking:
        links = [{"text": f["summary"], "href": f["page_href"]} for f in blocking]
        groups.append({"intro": CHANGE_THESE, "links": links})
    return groups


def changed_parts(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The parts of the offer that differ between two versions, in words."""
    return [label for key, label in PARTS.items() if before.get(key) != after.get(key)]


@dataclass(frozen=True)
class FormatLink:
    code: str
    label: str
    recommended: bool
    href: str


def format_links(
    offer: Offer, formats: list[str], *, easy_read_first: bool = False
) -> list[FormatLink]:
    """Every rendering of the offer, the person's preferred one first and recommended."""
    preferred = preferred_format(formats, easy_read_first=easy_read_first)
    ordered = sorted(RenderFormat, key=lambda f: f != preferred)
    return [
        FormatLink(
            f.value, str(f.label), f == preferred, f"/offers/{offer.pk}/render/?format={f.value}"
        )
        for f in ordered
    ]

"""What an offer of work says: the snapshot that is sent, hashed, rendered and accepted,
and the send gate's list of what is still missing from it.

The charter: "Any offer of work should clearly state any expectations" — input, place,
time — and reward agreed in advance, expenses, a contact person, support, what happens
to outputs and the consent that needs, and that it is OK to say no.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from powerwith.core.choices import (
    EXPENSES,
    OUTPUT_USES,
    Focus,
    LocationMode,
    RewardBasis,
)
from powerwith.offers.models import Offer
from powerwith.people.choices import PaymentPreference, Sharing, YesNo

OK_TO_SAY_NO = (
    "It's OK to say no. You do not have to give a reason. Saying no will not count against you."
)
WITHDRAW_CONSENT = (
    "You can withdraw your consent at any time. You can also leave this work at any time. "
    "Just tell your contact person."
)
POWER_TO_STOP = (
    "You can stop, take time out or ask for support at any time. It costs you nothing. "
    "We still pay for all the time we booked with you."
)
DEFAULT_BENEFITS_SIGNPOST = (
    "Payment can affect some benefits. You can get free advice before you say yes. "
    "Citizens Advice or a local welfare rights service can help. We can help you arrange it."
)

# The send gate: every element an offer must state, with the words a coordinator sees.
REQUIRED_ELEMENTS: dict[str, str] = {
    "input_expected": "What the person is asked to do (the input expected)",
    "location": "Where the work happens, or how to join remotely",
    "time_commitment": "The time commitment (session dates and lengths, or hours per week)",
    "reward": "The reward: how it is worked out and the amount in pounds",
    "payment_timing": "When the payment is made",
    "payment_method": "How the payment is made",
    "expenses": "Which expenses are covered, and whether travel is paid in advance",
    "benefits_advice_signpost": "A signpost to benefits advice (the person asked for it)",
    "output_use": "What will be done with what the person shares or makes (outputs)",
    "contact_person": "The appointed contact person",
    "support": "The support arrangements",
    "adjustments": "The reasonable adjustments agreed (or that none are needed)",
}

EXPENSE_KEYS = tuple(EXPENSES)
OUTPUT_USE_KEYS = tuple(OUTPUT_USES)


def consent_needed(output_use: dict[str, bool], focus: list[str]) -> list[str]:
    """The consent scopes the work needs, before it starts and again after it."""
    scopes = ["take_part"]
    if Focus.PERSONAL_NARRATIVE in focus:
        scopes.append("share_narrative")
    for use in ("publish", "distribute", "monetise"):
        if output_use.get(use):
            scopes.append(use)
    return scopes


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def build(offer: Offer) -> dict[str, Any]:
    """The offer as it would be sent now: opportunity terms plus this person's terms."""
    opportunity = offer.opportunity
    person = offer.person
    terms = dict(offer.terms or {})
    voluntary = opportunity.reward_basis == RewardBasis.VOLUNTARY
    # Payment preference and the benefits-advice answer are details: an organisation the
    # person shares only a summary with must not learn them from the offer it writes.
    # From the prefetch when a list has one (``person__links``), else one small query.
    shares_details = person.pk is not None and any(
        link.organisation_id == offer.organisation_id and link.sharing == Sharing.DETAILS
        for link in person.links.all()
    )
    method = terms.get("payment_method") or (
        person.payment_preference
        if shares_details
        and person.payment_preference not in ("", PaymentPreference.PREFER_NOT_TO_SAY)
        else ""
    )
    # Without the answer, the signpost is always given: it costs nothing and reveals nothing.
    wants_benefits_advice = person.benefits_advice == YesNo.YES or not shares_details
    contact = opportunity.contact_user
    backup = opportunity.backup_contact_user
    sessions = [
        {"starts_at": s.starts_at.isoformat(), "minutes": s.minutes}
        # From the prefetch when a list has one: sorted and filtered here, not re-queried.
        for s in sorted(opportunity.sessions.all(), key=lambda s: (s.starts_at, s.pk))
        if s.cancelled_at is None
    ]
    return {
        "organisation": opportunity.organisation.name,
        "opportunity": {
            "id": opportunity.pk,
            "title": opportunity.title,
            "purpose": opportunity.purpose,
            "goal_type": opportunity.goal_type,
            "commitment": opportunity.commitment,
            "level": opportunity.level,
            "focus": list(opportunity.focus),
            "outcomes": list(opportunity.outcomes),
            "success_measures": opportunity.success_measures,
        },
        "person": {
            "id": person.pk,
            "preferred_name": person.preferred_name,
            "formats": list(person.formats),
        },
        "message": terms.get("message", ""),
        "input_expected": opportunity.input_expected,
        "location": {
            "mode": opportunity.location_mode,
            "address": opportunity.location_address,
            "details": opportunity.location_details,
        },
        "sessions": sessions,
        "hours_per_week": (
            str(opportunity.hours_per_week) if opportunity.hours_per_week is not None else None
        ),
        "reward": {
            "basis": opportunity.reward_basis,
            "amount": None if voluntary else _money(opportunity.reward_amount),
            "paid_within_days": None if voluntary else opportunity.paid_within_days,
            "method": "" if voluntary else method,
        },
        "expenses": {key: bool(opportunity.expenses.get(key)) for key in EXPENSE_KEYS}
        if opportunity.expenses
        else {},
        "benefits_signpost": (
            terms.get("benefits_signpost") or DEFAULT_BENEFITS_SIGNPOST
            if wants_benefits_advice and not voluntary
            else None
        ),
        "output_use": {use: bool(opportunity.output_use.get(use)) for use in OUTPUT_USE_KEYS}
        if opportunity.output_use
        else {},
        "consent_needed": consent_needed(dict(opportunity.output_use), list(opportunity.focus)),
        "contact": (
            {"name": contact.full_name or contact.email, "email": contact.email}
            if contact
            else None
        ),
        "backup_contact": (
            {"name": backup.full_name or backup.email, "email": backup.email} if backup else None
        ),
        "support": {
            "wellbeing_checks": opportunity.wellbeing_checks,
            "ground_rules": opportunity.ground_rules,
            "text": terms.get("support", ""),
        },
        "adjustments": terms.get("adjustments", ""),
        "statements": {
            "ok_to_say_no": OK_TO_SAY_NO,
            "withdraw_consent": WITHDRAW_CONSENT,
            "power_to_stop": POWER_TO_STOP,
        },
    }


def missing(content: dict[str, Any]) -> list[str]:
    """The required elements the offer does not state yet, as stable codes."""
    gaps = []
    if not content["input_expected"].strip():
        gaps.append("input_expected")
    location = content["location"]
    if (
        not location["mode"]
        or (location["mode"] == LocationMode.IN_PERSON and not location["address"].strip())
        or (location["mode"] != LocationMode.IN_PERSON and not location["details"].strip())
    ):
        gaps.append("location")
    if not content["sessions"] and not content["hours_per_week"]:
        gaps.append("time_commitment")
    reward = content["reward"]
    voluntary = reward["basis"] == RewardBasis.VOLUNTARY
    if not reward["basis"] or (not voluntary and reward["amount"] is None):
        gaps.append("reward")
    if not voluntary and reward["paid_within_days"] is None:
        gaps.append("payment_timing")
    if not voluntary and not reward["method"]:
        gaps.append("payment_method")
    if not content["expenses"]:
        gaps.append("expenses")
    if content["benefits_signpost"] is not None and not content["benefits_signpost"].strip():
        gaps.append("benefits_advice_signpost")
    if not content["output_use"]:
        gaps.append("output_use")
    if content["contact"] is None:
        gaps.append("contact_person")
    support = content["support"]
    if not (
        support["wellbeing_checks"] or support["ground_rules"].strip() or support["text"].strip()
    ):
        gaps.append("support")
    if not content["adjustments"].strip():
        gaps.append("adjustments")
    return gaps


def content_hash(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def free_text(content: dict[str, Any]) -> list[tuple[str, str]]:
    """The coordinator-written text the clarity checker reads, with where it came from."""
    parts = [
        ("message", content["message"]),
        ("input_expected", content["input_expected"]),
        ("purpose", content["opportunity"]["purpose"]),
        ("success_measures", content["opportunity"]["success_measures"]),
        ("support", content["support"]["text"]),
        ("ground_rules", content["support"]["ground_rules"]),
        ("adjustments", content["adjustments"]),
        ("benefits_signpost", content["benefits_signpost"] or ""),
    ]
    return [(name, text) for name, text in parts if text and text.strip()]


# What a higher part adds to an offer for the person reading it, by name: a function of
# a list of offers, each with its snapshot, answering a value for each (a list is read at
# once), which the part registers in its app's ready() (as parts tell messaging how to
# print their enclosures), since offers may not import it
# (docs/adr/011-layers-and-layout.md). Payments adds how the person would be paid.
Reading = tuple[Offer, dict[str, Any]]
Addition = Callable[[Sequence[Reading]], list[Any]]
_ADDITIONS: dict[str, Addition] = {}


def add_for_reader(name: str, addition: Addition) -> None:
    """Say how to work out ``name`` for the readers of offers (an app's ready() calls this)."""
    _ADDITIONS[name] = addition


def additions(readings: Sequence[Reading]) -> list[dict[str, Any]]:
    """What higher parts add to each snapshot of an offer for its reader, as it is today."""
    found: list[dict[str, Any]] = [{} for _ in readings]
    for name, addition in _ADDITIONS.items():
        for added, value in zip(found, addition(readings), strict=True):
            added[name] = value
    return found


def for_reader(offer: Offer, snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot as the person is given it in every rendering, the e-mail and the
    letter: what was sent, with what higher parts add (how they would be paid). The
    snapshot kept and hashed as sent stays as it was."""
    return {**snapshot, **additions([(offer, snapshot)])[0]}

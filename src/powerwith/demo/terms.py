"""The terms of each demo opportunity, so that an offer made from it can be sent: what the
person is asked to do, where, for how much from the organisation's rate card, the
expenses, the contacts, what happens to what they share, and the support.

Every sentence here is read by the clarity checker when an offer is sent, and the demo's
tests hold it to no warnings: the demo shows the plain wording the charter asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from powerwith.accounts.models import Organisation
from powerwith.core.choices import Commitment, LocationMode, Outcome, RewardBasis
from powerwith.core.roles import Role
from powerwith.demo.logins import staff_email
from powerwith.demo.work_data import OpportunityTemplate
from powerwith.opportunities.models import RateCard

# The rate card each demo organisation keeps, from the start of the 2026 financial year.
RATES_FROM = date(2026, 4, 1)
RATES: dict[str, Decimal] = {
    RewardBasis.HOURLY: Decimal("25.00"),
    RewardBasis.DAILY: Decimal("150.00"),
    RewardBasis.PER_SESSION: Decimal("60.00"),
    # A year, for a full-time post; part-time roles are paid in proportion.
    RewardBasis.SALARIED: Decimal("24000.00"),
}
RATE_NOTES: dict[str, str] = {
    RewardBasis.SALARIED: "A year for 37.5 hours a week; part-time roles pro rata."
}
FULL_TIME_HOURS = Decimal("37.5")
PAID_WITHIN_DAYS = 14
REVIEW_AFTER_DAYS = 182

GROUND_RULES = (
    "You can stop, take time out or ask for support at any time. You do not have to give a reason."
)
ADDRESSES = {
    "riverside": "Riverside House, 1 Mill Lane, Leeds LS1 4AB",
    "hillview": "Education Centre, Hillview Hospital, 12 Orchard Road, Sheffield S10 9ZZ",
}
CALL_DETAILS: dict[str, str] = {
    LocationMode.PHONE: "We will phone you on the number you give us.",
    LocationMode.VIDEO: "A video call link by email the day before.",
}
IN_PERSON_EXPENSES = {
    "travel": True,
    "travel_in_advance": True,
    "subsistence": True,
    "care": True,
    "support_worker": True,
    "equipment": False,
}
# Working from home: no travel, but the care, support and kit that make it possible.
REMOTE_EXPENSES = {
    "travel": False,
    "travel_in_advance": False,
    "subsistence": False,
    "care": True,
    "support_worker": True,
    "equipment": True,
}


@dataclass(frozen=True)
class Terms:
    input_expected: str
    success_measures: str
    outcomes: tuple[str, ...]
    # Of share_internally, publish, distribute, monetise: the uses that apply.
    output_use: tuple[str, ...]
    hours_per_week: Decimal | None = None


CO_DESIGN = Terms(
    input_expected="Tell us what helped you and what made things worse. Help us choose the "
    "course activities.",
    success_measures="Staff who take the course say it changed what they do. We count each "
    "use of restraint for a year after the course. We compare it with the year before.",
    outcomes=(Outcome.TRAINING_RESOURCE, Outcome.TRAINER),
    output_use=("share_internally", "distribute"),
)
PEER_SUPPORT = "Peer support worker role"

TERMS: dict[tuple[str, str], Terms] = {
    ("riverside", "Co-design restraint reduction training"): CO_DESIGN,
    ("riverside", "Review of seclusion policy"): Terms(
        input_expected="Read the draft policy before the meeting. Then tell us what you think "
        "of it and what you would change.",
        success_measures="Every change you suggest goes to the policy group. We tell you what "
        "they did with it.",
        outcomes=(Outcome.POLICY, Outcome.CRITICAL_REVIEW),
        output_use=("share_internally", "publish"),
    ),
    ("riverside", PEER_SUPPORT): Terms(
        input_expected="Meet people who are leaving residential care. Listen to them, and "
        "share what helped you when you moved on.",
        success_measures="The people you support tell us they felt listened to. We ask them "
        "at the start and again after three months.",
        outcomes=(Outcome.PEER_SUPPORT_WORKER,),
        output_use=("share_internally",),
        hours_per_week=Decimal("15.0"),
    ),
    ("riverside", "Family carers' reference group on behaviours of concern"): Terms(
        input_expected="Join a phone meeting every two months. Tell us what families need "
        "from us when a relative's behaviour is a concern.",
        success_measures="Each meeting ends with a list of changes we agree to make. At the "
        "next meeting we report on each one.",
        outcomes=(Outcome.REPORT, Outcome.PANEL_MEMBER),
        output_use=("share_internally", "publish"),
        hours_per_week=Decimal("0.5"),
    ),
    ("riverside", "Easy read review of the restraint leaflet"): Terms(
        input_expected="Read the easy read leaflet with us. Tell us which parts are hard to "
        "follow.",
        success_measures="People who use our services read the new leaflet. They can tell us "
        "what it means.",
        outcomes=(Outcome.CRITICAL_REVIEW,),
        output_use=("share_internally", "publish", "distribute"),
    ),
    ("hillview", "Co-design restraint reduction training"): CO_DESIGN,
    ("hillview", "Review of seclusion and long-term segregation policy"): Terms(
        input_expected="Read each draft section. Tell us what it would mean for the people it "
        "affects. Help us write the changes.",
        success_measures="The new policy goes to the trust board with your changes in it. We "
        "show you the final text before it goes.",
        outcomes=(Outcome.POLICY, Outcome.REPORT),
        output_use=("share_internally", "publish"),
    ),
    ("hillview", PEER_SUPPORT): Terms(
        input_expected="Visit people at home when they are in a mental health crisis. Listen, "
        "and share what helped you in your own crisis when it feels right.",
        success_measures="The people you support tell us they felt listened to. We ask them "
        "after each visit and again after three months.",
        outcomes=(Outcome.PEER_SUPPORT_WORKER, Outcome.CRISIS_BEFRIENDER),
        output_use=("share_internally",),
        hours_per_week=Decimal("22.5"),
    ),
    ("hillview", "Evaluate the rapid tranquilisation guidance"): Terms(
        input_expected="Read the guidance and the notes staff keep when they use it. Tell us "
        "where it works and where it lets people down.",
        success_measures="Your findings go in a report to the ward managers. Each finding gets "
        "a written reply within two months.",
        outcomes=(Outcome.REPORT, Outcome.CRITICAL_REVIEW),
        output_use=("share_internally", "publish"),
    ),
    ("hillview", "Sharing lived experience at staff induction"): Terms(
        input_expected="Tell new ward staff what restrictive practice felt like, in your own "
        "words. You choose what to share and what to keep to yourself.",
        success_measures="New staff say what they will do differently after your talk. We ask "
        "them at the end of their first month.",
        outcomes=(Outcome.TRAINING_RESOURCE, Outcome.TRAINER),
        output_use=("share_internally",),
        hours_per_week=Decimal("1.0"),
    ),
    ("hillview", "Tribunal experience focus group"): Terms(
        input_expected="Tell us what taking part in a mental health tribunal was like. You "
        "join a group of up to six people.",
        success_measures="What the group says goes in a report to the tribunal team. We send "
        "you a copy.",
        outcomes=(Outcome.REPORT,),
        output_use=("share_internally", "publish"),
    ),
}


def _amount(template: OpportunityTemplate, terms: Terms) -> Decimal | None:
    if template.reward_basis == RewardBasis.VOLUNTARY:
        return None
    rate = RATES[template.reward_basis]
    if template.reward_basis == RewardBasis.SALARIED and terms.hours_per_week is not None:
        return (rate * terms.hours_per_week / FULL_TIME_HOURS).quantize(Decimal("0.01"))
    return rate


def opportunity_terms(
    slug: str, template: OpportunityTemplate, user_ids: dict[str, int], now: datetime
) -> dict[str, Any]:
    """The opportunity's terms, as fields of ``Opportunity``."""
    terms = TERMS[(slug, template.title)]
    in_person = template.location_mode == LocationMode.IN_PERSON
    enduring = template.commitment == Commitment.ENDURING_ROLE
    paid = template.reward_basis != RewardBasis.VOLUNTARY
    return {
        "input_expected": terms.input_expected,
        "success_measures": terms.success_measures,
        "outcomes": list(terms.outcomes),
        "location_address": ADDRESSES[slug] if in_person else "",
        "location_details": "" if in_person else CALL_DETAILS[template.location_mode],
        "hours_per_week": terms.hours_per_week if enduring else None,
        "review_date": (now + timedelta(days=REVIEW_AFTER_DAYS)).date() if enduring else None,
        "reward_amount": _amount(template, terms),
        "paid_within_days": PAID_WITHIN_DAYS if paid else None,
        "expenses": dict(IN_PERSON_EXPENSES if in_person else REMOTE_EXPENSES),
        "output_use": {
            use: use in terms.output_use
            for use in ("share_internally", "publish", "distribute", "monetise")
        },
        "contact_user_id": user_ids[staff_email(slug, Role.CONTACT)],
        "backup_contact_user_id": user_ids[staff_email(slug, Role.COORDINATOR)],
        "wellbeing_checks": True,
        "ground_rules": GROUND_RULES,
    }


def ensure_rates(organisations: dict[str, Organisation], user_ids: dict[str, int]) -> None:
    """Each organisation's rate card, set by its admin: missing rows only, found by
    (basis, valid from), so a rate changed in the app during a demo stays."""
    for slug, organisation in organisations.items():
        existing = set(
            RateCard.objects.filter(organisation=organisation).values_list("basis", "valid_from")
        )
        RateCard.objects.bulk_create(
            RateCard(
                organisation=organisation,
                basis=basis,
                amount=amount,
                valid_from=RATES_FROM,
                note=RATE_NOTES.get(basis, ""),
                created_by_id=user_ids[staff_email(slug, Role.ADMIN)],
            )
            for basis, amount in RATES.items()
            if (basis, RATES_FROM) not in existing
        )

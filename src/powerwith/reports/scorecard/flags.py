"""Tokenism flags: signs that co-working is slipping into "cursory, tokenistic and
uncaring activities under the banner of co-production". Each has a stable lower-case
code (the API's) and a message for the page."""

from __future__ import annotations

from powerwith.core.choices import CoWorkingLevel
from powerwith.reports.scorecard.base import consent_given_at, voluntary_choice_before
from powerwith.reports.scorecard.records import Records

# "The same few people": the busiest tenth of the organisation's experts did at least half
# of its paid work in the last 12 months, and at least twice their even share (so two
# people with equal hours are not flagged), and one of them has this opportunity too. The
# figure is the one the matches page and the dashboard show (``engagements.concentration``).
CONCENTRATED_SHARE = 0.5
OVER_EVEN_SHARE = 2

MESSAGES: dict[str, str] = {
    "consultation_no_impact": (
        "This is a consultation that has started, and nothing is recorded about what "
        "changed because of what people said."
    ),
    "unpaid_without_choice": (
        "Someone is taking part without pay, and their own choice not to be paid is not recorded."
    ),
    "no_feedback_asked": (
        "Someone's part in the work has finished and they have not been asked how it went."
    ),
    "work_concentrated": (
        "Most of the organisation's paid work goes to the same few people, and this "
        "opportunity goes to them too."
    ),
    "consent_gaps": ("Someone attended a session without consent to take part at the time."),
}


def tokenism_flags(r: Records) -> list[str]:
    flags = []
    if (
        r.opportunity.level == CoWorkingLevel.CONSULTATION
        and r.work_has_begun
        and not r.impact_entries
    ):
        flags.append("consultation_no_impact")
    if not r.opportunity.is_paid and any(
        not voluntary_choice_before(r, person_id, r.now) for person_id in r.taking_part
    ):
        flags.append("unpaid_without_choice")
    if r.completed - r.asked:
        flags.append("no_feedback_asked")
    share = r.concentration.share
    if (
        share is not None
        and share >= max(CONCENTRATED_SHARE, OVER_EVEN_SHARE * r.concentration.even_share)
        and r.busiest & r.accepted_people
    ):
        flags.append("work_concentrated")
    if any(
        t.attended and t.starts_at <= r.now and not consent_given_at(r, t.person_id, t.starts_at)
        for t in r.takings
    ):
        flags.append("consent_gaps")
    return flags

"""The checks of the P, O, E and R principles (W's are in ``work``), and the list of
every principle's checks in the order the scorecard shows them. How a check with
nothing to judge yet is scored is explained in ``base``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from powerwith.engagements.coverage import BookedStart, consent_coverage
from powerwith.offers.checks import PLACES, blocking_rules, opportunity_blocking_rules
from powerwith.offers.models import OfferStatus
from powerwith.reports.scorecard.base import (
    Check,
    accepted_before,
    before_first,
    not_yet,
    of,
)
from powerwith.reports.scorecard.records import Records
from powerwith.reports.scorecard.work import (
    adjustments_confirmed,
    claims_paid_on_time,
    contact_appointed,
    offer_in_format,
    reward_agreed,
    wellbeing_checks_done,
)

__all__ = ["PRINCIPLES", "Check"]


def required_experience(r: Records) -> Check:
    name = "Required experience set"
    essential = sum(1 for q in r.requirements if q.essential)
    if not r.requirements:
        return Check(name, False, "No experience is asked for.")
    return Check(
        name, True, f"{len(r.requirements)} requirements are set, {essential} of them essential."
    )


def _has(r: Records, person_id: int) -> bool:
    """The same test as matching's hard filter (``scoring.candidates``): an entry with the
    item, and the setting and intervention when the requirement names them."""
    entries = r.experience.get(person_id, set())
    return all(
        any(
            code == q.code
            and (not q.setting or setting == q.setting)
            and (not q.intervention or intervention == q.intervention)
            for code, setting, intervention in entries
        )
        for q in r.requirements
        if q.essential
    )


def offered_have_experience(r: Records) -> Check:
    name = "People offered the work have the essential experience"
    offered = sorted({o.person_id for o in r.sent_offers})
    if not any(q.essential for q in r.requirements):
        return not_yet(name, "no essential experience is set.")
    if not offered:
        return not_yet(name, "nobody has been offered the work.")
    fit = sum(1 for p in offered if _has(r, p))
    return Check(
        name,
        fit == len(offered),
        f"{of(fit, len(offered), 'person', 'people')} offered the work "
        f"{'has' if len(offered) == 1 else 'have'} all the essential experience.",
    )


def goals_set(r: Records) -> Check:
    goal = r.opportunity.get_goal_type_display()
    if r.opportunity.goal_type:
        return Check("Goal set", True, f"The goal is {goal.lower()}.")
    return Check("Goal set", False, "No goal (exploratory, explanatory or emancipatory) is set.")


def outcomes_set(r: Records) -> Check:
    name = "Outcomes and success measures set"
    missing = [
        words
        for words, value in (
            ("outcomes", r.opportunity.outcomes),
            ("success measures", r.opportunity.success_measures.strip()),
        )
        if not value
    ]
    if missing:
        return Check(name, False, f"No {' or '.join(missing)} set.")
    return Check(name, True, f"{len(r.opportunity.outcomes)} outcomes and success measures set.")


# How the scorecard counts the findings that block an offer being sent.
BLOCKING_WORDS = {
    "speculative": ("speculative phrase", "speculative phrases"),
    "promise": ("promise", "promises"),
    "vague_amount": ("vague amount", "vague amounts"),
    "vague_time": ("vague time", "vague times"),
}
# Offers the person still holds: the version last sent says what they were told.
NOT_HELD = frozenset({OfferStatus.DECLINED, OfferStatus.WITHDRAWN})


def _held(count: int) -> str:
    return f"the {count} offer{'' if count == 1 else 's'} people hold"


def nothing_speculative_or_vague(r: Records) -> Check:
    """The charter: communications "should never involve or include speculative
    assertions, or what could be construed as intentions or promises". Counted in the
    opportunity's own words and in the version each person holds, including versions
    sent before such words stopped an offer being sent."""
    name = "Nothing speculative, promised or vague in what people are told"
    own = opportunity_blocking_rules(r.opportunity)
    held = [o for o in r.offers if o.pk in r.sent_contents and o.status not in NOT_HELD]
    in_offers = {o.pk: blocking_rules(r.sent_contents[o.pk]) for o in held}
    found = Counter(rule for _, rule in own)
    found.update(rule for rules in in_offers.values() for _, rule in rules)
    offers_words = f" and in {_held(len(held))}" if held else ""
    if not found:
        return Check(
            name,
            True,
            "The clarity checker finds nothing speculative, promised or vague in the "
            f"opportunity's words{offers_words}.",
        )
    kinds = ", ".join(
        f"{count} {BLOCKING_WORDS[rule][count != 1]}"
        for rule, count in sorted(
            found.items(), key=lambda item: list(BLOCKING_WORDS).index(item[0])
        )
    )
    places = []
    if own:
        fields = sorted({PLACES[field].words for field, _ in own})
        places.append(f"{len(own)} in {' and '.join(fields)}")
    if any(in_offers.values()):
        offending = sum(1 for rules in in_offers.values() if rules)
        total = sum(len(rules) for rules in in_offers.values())
        some = "" if offending == len(held) else f"{offending} of "
        places.append(f"{total} in {some}{_held(len(held))}")
    return Check(name, False, f"{kinds}: {'; '.join(places)}.")


def offer_before_first_session(r: Records) -> Check:
    return before_first(
        r,
        "Offer sent and accepted before the first session",
        "accepted a written offer",
        lambda p, first: accepted_before(r, p, first),
    )


def consent_before_every_session(r: Records) -> Check:
    """Consent coverage (``consent.coverage``) of this opportunity's bookings: the
    dashboard's figure, restricted to them."""
    name = "Take part consent before every session"
    if r.first_start is None:
        return not_yet(name, "there are no sessions yet.")
    share = consent_coverage(
        [BookedStart(t.person_id, r.opportunity.pk, t.starts_at) for t in r.takings if t.booked],
        r.consent_events,
        r.opportunity.organisation.reconfirm_months,
        r.now,
    )
    if not share.whole:
        return not_yet(name, "nobody is booked on a session that has started.")
    return Check(
        name,
        share.part == share.whole,
        f"{of(share.part, share.whole, 'person', 'people')} booked on sessions that have "
        "started had consent to take part before every one of them.",
    )


def feedback_from_half(r: Records) -> Check:
    name = "Feedback from at least half of the experts"
    experts = len(r.completed)
    if not experts:
        return not_yet(name, "nobody's part in the work has finished.")
    return Check(
        name,
        r.answered * 2 >= experts,
        f"{of(min(r.answered, experts), experts, 'expert')} by experience whose part is "
        "finished told us how it went.",
    )


def impact_recorded(r: Records) -> Check:
    name = "An impact entry recorded"
    if r.impact_entries:
        return Check(name, True, f'{r.impact_entries} "you said, we did" entries recorded.')
    if not r.work_has_begun:
        return not_yet(name, "the work has not started.")
    return Check(name, False, 'No "you said, we did" entry is recorded.')


def review_date_set(r: Records) -> Check:
    review = r.opportunity.review_date
    if review is None:
        return Check("Review date set", False, "No review date is set.")
    return Check("Review date set", True, f"The review date is {review:%-d %B %Y}.")


def review_not_overdue(r: Records) -> Check:
    name = "Review not overdue"
    review = r.opportunity.review_date
    if review is None:
        return not_yet(name, "no review date is set.")
    if r.opportunity.status == "reviewed":
        return Check(name, True, "The work has been reviewed.")
    if review < r.today:
        return Check(name, False, f"The review was due on {review:%-d %B %Y}.")
    return Check(name, True, f"The review is due on {review:%-d %B %Y}.")


PRINCIPLES: dict[str, tuple[Callable[[Records], Check], ...]] = {
    "people": (required_experience, offered_have_experience),
    "outcomes": (
        goals_set,
        outcomes_set,
        nothing_speculative_or_vague,
        offer_before_first_session,
        consent_before_every_session,
    ),
    "work": (
        reward_agreed,
        contact_appointed,
        offer_in_format,
        adjustments_confirmed,
        wellbeing_checks_done,
        claims_paid_on_time,
    ),
    "evaluation": (feedback_from_half, impact_recorded),
    "review": (review_date_set, review_not_overdue),
}

"""What every check shares: its shape, and the rules for "before the first session".

A check that has nothing to judge yet (no sessions, nobody offered the work, no claims…)
is shown with ``judged`` false, ``met`` false and evidence that says why, and is left out
of its principle's score: a new opportunity is not marked down for work not yet done,
and not marked up either. A principle with no judged check has no score (see
``scorecard.Principle``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from powerwith.engagements.coverage import take_part_given
from powerwith.payments.models import RewardChoiceKind
from powerwith.reports.scorecard.records import Records


@dataclass(frozen=True)
class Check:
    name: str
    met: bool
    evidence: str
    judged: bool = True


def not_yet(name: str, why: str) -> Check:
    return Check(name, False, f"Not possible to judge yet: {why}", judged=False)


def of(done: int, total: int, noun: str, plural: str = "") -> str:
    return f"{done} of {total} {noun if total == 1 else plural or noun + 's'}"


def day(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y}"


def consent_given_at(records: Records, person_id: int, when: datetime) -> bool:
    return take_part_given(
        records.consent_events.get(person_id, []),
        when,
        records.opportunity.organisation.reconfirm_months,
    )


def deadline_words(records: Records) -> str:
    first = records.first_start
    if first is not None and first > records.now:
        return f" so far; the first session is on {day(first)}"
    return ""


def before_first(r: Records, name: str, what: str, test: Callable[[int, datetime], bool]) -> Check:
    first = r.first_start
    if first is None:
        return not_yet(name, "there are no sessions yet.")
    people = sorted(r.taking_part)
    if not people:
        return not_yet(name, "nobody is taking part yet.")
    done = sum(1 for p in people if test(p, first))
    return Check(
        name,
        done == len(people),
        f"{of(done, len(people), 'person', 'people')} {what} before the first session"
        f"{deadline_words(r)}.",
    )


def accepted_before(r: Records, person_id: int, when: datetime) -> bool:
    return any(
        o.person_id == person_id and r.first_acceptance.get(o.pk, when) < when for o in r.offers
    )


def voluntary_choice_before(r: Records, person_id: int, when: datetime) -> bool:
    """The person's own recorded choice not to be paid, with a reason, before ``when``
    (the newest choice recorded by then is the one that holds)."""
    choices = [c for c in r.reward_choices.get(person_id, []) if c.created_at < when]
    return (
        bool(choices)
        and choices[-1].choice == RewardChoiceKind.DECLINE
        and bool(choices[-1].reason.strip())
    )

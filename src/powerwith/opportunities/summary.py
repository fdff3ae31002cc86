"""An opportunity's terms in plain words, grouped as the pages show them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat

from powerwith.accounts.models import User
from powerwith.core.choices import (
    EXPENSES,
    LEVEL_DESCRIPTIONS,
    OUTPUT_USES,
    PER_BASIS,
    CoWorkingLevel,
    Focus,
    Outcome,
    RewardBasis,
)
from powerwith.core.times import clock
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.rules import money

NOT_DECIDED = "Not decided yet"


@dataclass
class Section:
    heading: str
    rows: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, key: str, *lines: str) -> None:
        kept = [line for line in lines if line]
        self.rows.append((key, kept or [NOT_DECIDED]))


def session_line(starts_at: dt.datetime, minutes: int) -> str:
    zone = ZoneInfo(settings.TIME_ZONE)
    start = starts_at.astimezone(zone)
    end = (starts_at + dt.timedelta(minutes=minutes)).astimezone(zone)
    return (
        f"{dateformat.format(start, 'l j F Y')}, {clock(start)} to {clock(end)} ({minutes} minutes)"
    )


def reward_lines(opportunity: Opportunity) -> list[str]:
    basis = opportunity.reward_basis
    if not basis:
        return []
    if basis == RewardBasis.VOLUNTARY:
        return [
            "Voluntary, by the person's own choice: there is no fee, and expenses are "
            "still paid as below."
        ]
    amount = opportunity.reward_amount
    lines = [
        str(RewardBasis(basis).label),
        f"{money(amount)} {PER_BASIS[basis]}" if amount is not None else "Amount not set yet",
    ]
    days = opportunity.paid_within_days
    lines.append(
        f"Paid within {days} day{'s' if days != 1 else ''}"
        if days is not None
        else "When it is paid is not set yet"
    )
    return lines


def _flags(flags: dict[str, bool], labels: dict[str, str], none: str) -> list[str]:
    if not flags:
        return []
    return [labels[key] for key, on in flags.items() if on and key in labels] or [none]


def _person(user: User | None) -> str:
    if user is None:
        return ""
    return f"{user.full_name} ({user.email})" if user.full_name else user.email


def terms_summary(opportunity: Opportunity) -> list[Section]:
    o = opportunity
    work = Section("The work")
    work.add("Status", o.get_status_display())
    work.add("Purpose", o.purpose)
    work.add("Goal", o.get_goal_type_display() if o.goal_type else "")
    work.add("Commitment", o.get_commitment_display() if o.commitment else "")
    work.add(
        "Level of co-working",
        *([o.get_level_display(), LEVEL_DESCRIPTIONS[CoWorkingLevel(o.level)]] if o.level else []),
    )
    work.add("Focus", *[str(Focus(code).label) for code in o.focus if code in Focus.values])
    work.add("Outcomes", *[str(Outcome(c).label) for c in o.outcomes if c in Outcome.values])
    work.add("Success measures", o.success_measures)
    work.add("What the person is asked to do", o.input_expected)

    place = Section("Where and when")
    place.add("How people take part", o.get_location_mode_display() if o.location_mode else "")
    place.add("Address", o.location_address)
    place.add("Phone or video call details", o.location_details)
    place.add(
        "Sessions",
        *[session_line(s.starts_at, s.minutes) for s in o.sessions.all() if s.cancelled_at is None],
    )
    place.add("Hours per week", f"{o.hours_per_week} hours" if o.hours_per_week is not None else "")

    money_section = Section("Reward and expenses")
    money_section.add("Reward", *reward_lines(o))
    money_section.add("Expenses covered", *_flags(o.expenses, EXPENSES, "No expenses are covered"))

    people = Section("Contact and support")
    people.add("Contact person", _person(o.contact_user))
    people.add("Backup contact", _person(o.backup_contact_user))
    people.add(
        "Wellbeing checks",
        "Before, at the end of and after the work" if o.wellbeing_checks else "None planned",
    )
    people.add("Ground rules", o.ground_rules)

    outputs = Section("Outputs and review")
    outputs.add(
        "How what people share or make is used",
        *_flags(o.output_use, OUTPUT_USES, "Not used beyond the work itself"),
    )
    outputs.add("Review date", dateformat.format(o.review_date, "j F Y") if o.review_date else "")
    return [work, place, money_section, people, outputs]

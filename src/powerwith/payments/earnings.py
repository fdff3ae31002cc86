"""The benefits-aware guard: would an offer take any week over the person's own weekly
earnings limit?

A person may record dated weekly limits (for example the permitted-work limit). Nothing
here is a constant: the limits are the person's rows, each in force from its own date
until a later row replaces it. Weeks run Monday to Sunday in the organisation's time
zone. Where a limit changes in the middle of a week, the lower of the limits in force on
any day of that week is used, so the guard errs on the person's side.

What a session earns follows the offer's reward: by the hour (minutes × the hourly
rate), per session, or by the day (one day's pay for each day with work, however many
sessions fall in it). Voluntary work earns nothing; a salary is spread over 52 weeks.

The result is for the person's eyes only: pages show it on the person's own offer page
and nowhere else, and no API gives it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone

from powerwith.core.choices import RewardBasis
from powerwith.engagements.models import Attendance, BookingStatus
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.people.models import EarningsLimit, Person

PENNY = Decimal("0.01")
WEEKS_IN_A_YEAR = 52


@dataclass(frozen=True)
class Work:
    """One session of work and how it is paid. ``source`` names the piece of work it
    belongs to, so a day's pay is counted once for a piece of work, and so the offer
    being looked at can be told from the rest."""

    source: str
    starts_at: dt.datetime
    minutes: int
    basis: str
    amount: Decimal | None

    @property
    def day(self) -> dt.date:
        return timezone.localtime(self.starts_at).date()

    @property
    def week(self) -> dt.date:
        return week_of(self.day)


@dataclass(frozen=True)
class Limit:
    weekly_amount: Decimal
    valid_from: dt.date


@dataclass(frozen=True)
class Breach:
    """A week the offer would take over the limit."""

    week: dt.date  # the Monday
    total: Decimal  # everything earned that week, the offer included
    from_offer: Decimal
    limit: Decimal
    # An offer of so many hours a week, without dated sessions: any week of it.
    typical: bool = False

    @property
    def week_ends(self) -> dt.date:
        return self.week + dt.timedelta(days=6)

    @property
    def over_by(self) -> Decimal:
        return self.total - self.limit


def week_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _pounds(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def limit_for_week(limits: Iterable[Limit], week: dt.date) -> Decimal | None:
    """The lowest limit in force on any day of the week starting ``week``; None when no
    limit is in force at all that week."""
    ordered = sorted(limits, key=lambda limit: limit.valid_from)
    in_force: list[Decimal] = []
    for offset in range(7):
        day = week + dt.timedelta(days=offset)
        current = [limit for limit in ordered if limit.valid_from <= day]
        if current:
            in_force.append(current[-1].weekly_amount)
    return min(in_force) if in_force else None


def weekly_earnings(work: Iterable[Work]) -> dict[dt.date, dict[str, Decimal]]:
    """For each week, what each piece of work earns in it."""
    weeks: dict[dt.date, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    days_paid: set[tuple[str, dt.date]] = set()
    for item in work:
        if item.amount is None or item.basis in ("", RewardBasis.VOLUNTARY):
            continue
        if item.basis == RewardBasis.HOURLY:
            earned = item.amount * item.minutes / 60
        elif item.basis == RewardBasis.PER_SESSION:
            earned = item.amount
        elif item.basis == RewardBasis.DAILY:
            if (item.source, item.day) in days_paid:
                continue
            days_paid.add((item.source, item.day))
            earned = item.amount
        elif item.basis == RewardBasis.SALARIED:
            earned = item.amount / WEEKS_IN_A_YEAR
        else:
            continue
        weeks[item.week][item.source] += earned
    return {week: dict(by_source) for week, by_source in weeks.items()}


def breaches(
    offer: Sequence[Work], others: Iterable[Work], limits: Iterable[Limit]
) -> list[Breach]:
    """The weeks in which the offer's work, with the other work already agreed, would go
    over the limit in force that week, earliest first."""
    limits = list(limits)
    if not limits:
        return []
    sources = {item.source for item in offer}
    weeks = weekly_earnings([*offer, *others])
    found = []
    for week in sorted(weeks):
        by_source = weeks[week]
        from_offer = sum((by_source.get(s, Decimal(0)) for s in sources), Decimal(0))
        if not from_offer:
            continue
        limit = limit_for_week(limits, week)
        total = sum(by_source.values(), Decimal(0))
        if limit is not None and _pounds(total) > limit:
            found.append(Breach(week, _pounds(total), _pounds(from_offer), limit))
    return found


def typical_week(content: dict[str, Any], limits: Iterable[Limit], today: dt.date) -> Breach | None:
    """For an offer of hours a week paid by the hour, without dated sessions: whether a
    week of it would go over the lowest limit in force from this week on."""
    reward = content.get("reward") or {}
    hours, amount = content.get("hours_per_week"), reward.get("amount")
    if content.get("sessions") or not hours or amount is None:
        return None
    if reward.get("basis") != RewardBasis.HOURLY:
        return None
    limits = list(limits)
    this_week = week_of(today)
    applying = [limit.weekly_amount for limit in limits if limit.valid_from > this_week]
    current = limit_for_week(limits, this_week)
    if current is not None:
        applying.append(current)
    if not applying:
        return None
    weekly = _pounds(Decimal(hours) * Decimal(amount))
    lowest = min(applying)
    if weekly <= lowest:
        return None
    return Breach(this_week, weekly, weekly, lowest, typical=True)


def work_in(content: dict[str, Any], source: str) -> list[Work]:
    """The sessions of an offer as sent (its version's content), with its reward."""
    reward = content.get("reward") or {}
    amount = reward.get("amount")
    return [
        Work(
            source=source,
            starts_at=dt.datetime.fromisoformat(session["starts_at"]),
            minutes=int(session["minutes"]),
            basis=reward.get("basis") or "",
            amount=Decimal(amount) if amount is not None else None,
        )
        for session in content.get("sessions") or []
    ]


def limits_of(person: Person) -> list[Limit]:
    return [
        Limit(weekly_amount=row.weekly_amount, valid_from=row.valid_from)
        for row in EarningsLimit.objects.filter(person=person)
    ]


def other_work(person: Person, *, leaving_out_offer_id: int) -> list[Work]:
    """The work the person has already agreed to, from every organisation: the sessions
    of their accepted offers, and the sessions they are booked into (at the rate of the
    offer they accepted for it). A session counted both ways counts once."""
    accepted = list(
        Offer.objects.filter(taking_part(), person=person)
        .exclude(pk=leaving_out_offer_id)
        .select_related("accepted_version")
    )
    contents: dict[int, dict[str, Any]] = {}
    for offer in accepted:
        # What the person agreed to, even while a changed version waits for them.
        if offer.accepted_version is not None:
            contents[offer.opportunity_id] = dict(offer.accepted_version.content)
    work: dict[tuple[str, dt.datetime], Work] = {}
    for opportunity_id, content in contents.items():
        for item in work_in(content, f"opportunity-{opportunity_id}"):
            work[(item.source, item.starts_at)] = item
    bookings = Attendance.objects.filter(
        person=person,
        status=BookingStatus.BOOKED,
        session__cancelled_at__isnull=True,
        session__opportunity_id__in=list(contents),
    ).select_related("session")
    for booking in bookings:
        session = booking.session
        reward = contents[session.opportunity_id].get("reward") or {}
        amount = reward.get("amount")
        item = Work(
            source=f"opportunity-{session.opportunity_id}",
            starts_at=session.starts_at,
            minutes=session.minutes,
            basis=reward.get("basis") or "",
            amount=Decimal(amount) if amount is not None else None,
        )
        work[(item.source, item.starts_at)] = item
    return list(work.values())


def guard(
    person: Person, *, offer_id: int, opportunity_id: int, content: dict[str, Any]
) -> list[Breach]:
    """The weeks this offer would take over the person's own limit. Empty without a
    recorded limit, for voluntary work, or when every week stays within it."""
    limits = limits_of(person)
    if not limits:
        return []
    typical = typical_week(content, limits, timezone.localdate())
    if typical is not None:
        return [typical]
    offered = work_in(content, f"opportunity-{opportunity_id}")
    others = [
        item
        for item in other_work(person, leaving_out_offer_id=offer_id)
        if item.source != f"opportunity-{opportunity_id}"
    ]
    return breaches(offered, others, limits)

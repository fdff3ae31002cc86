"""What needs the person now: the top of every home page, first and counted.

Each role's home starts with the tasks waiting for the reader — "3 offers are waiting for
your answer", "2 claims to approve" — in the order the action-needed list keeps (the
order of ``ActionKind``: someone wanting support first), then what is coming up, then
everything else. Only what the reader can act on is counted, from the same queries the
pages behind each link use, so the number on the home page is the number on the page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, can
from powerwith.engagements.queries import sessions as session_queries
from powerwith.engagements.queries import wellbeing as wellbeing_queries
from powerwith.inbox import queries as inbox_queries
from powerwith.inbox.models import ActionKind
from powerwith.offers import queries as offer_queries
from powerwith.offers.models import OfferStatus
from powerwith.payments import queries as payment_queries
from powerwith.payments.models import ClaimStatus

COMING_UP = 3
# Staff see the first few of the organisation's sessions in the next fortnight.
STAFF_COMING_UP = 5


@dataclass(frozen=True)
class Task:
    """One thing waiting for the reader: how many, in words, and where to do it."""

    count: int
    words: str
    url: str


@dataclass(frozen=True)
class Upcoming:
    """One session coming up: what, when, where to read about it, and a line beneath."""

    title: str
    starts_at: datetime
    url: str
    note: str = ""


@dataclass(frozen=True)
class ComingUp:
    """The part of a home page after the tasks (``includes/coming_up.html``): the next
    sessions, and for staff how many there are in all and where to find them. With nothing
    coming up, ``empty`` is said, or nothing at all."""

    items: list[Upcoming]
    summary: str = ""
    all_url: str = ""
    all_words: str = ""
    empty: str = ""


def _say(count: int, one: str, many: str) -> str:
    return (one if count == 1 else many).format(count=count)


# The action-needed list's kinds, in words a home page can count.
KIND_WORDS: dict[str, tuple[str, str]] = {
    ActionKind.WANTS_SUPPORT: ("{count} person wants support", "{count} people want support"),
    ActionKind.STOPPED: ("{count} person stopped or took time out", "{count} stops or time out"),
    ActionKind.ADJUSTMENT: ("{count} adjustment to confirm", "{count} adjustments to confirm"),
    ActionKind.CHECK_OVERDUE: (
        "{count} wellbeing check is overdue",
        "{count} wellbeing checks are overdue",
    ),
    ActionKind.CLAIM_OVERDUE: ("{count} claim not paid on time", "{count} claims not paid on time"),
    ActionKind.TRAVEL_ADVANCE: (
        "{count} travel advance to pay",
        "{count} travel advances to pay",
    ),
    ActionKind.TAKE_DOWN: ("{count} output to take down", "{count} outputs to take down"),
    ActionKind.RECONFIRM: ("{count} consent to reconfirm", "{count} consents to reconfirm"),
    ActionKind.QUESTION: ("{count} question to answer", "{count} questions to answer"),
    ActionKind.OFFER_TO_SEND: ("{count} changed offer to send", "{count} changed offers to send"),
    ActionKind.LEFT_WORK: ("{count} person left the work", "{count} people left the work"),
    ActionKind.MESSAGE_FAILED: ("{count} message not sent", "{count} messages not sent"),
}


def staff_tasks(membership: Membership, now: datetime) -> list[Task]:
    """The member's open action-needed items by kind, in the list's order of priority,
    then the claims waiting for approval (for those who approve them)."""
    if not can(membership, Capability.WORK_AS_STAFF):
        return []
    counts = Counter(inbox_queries.open_actions(membership).values_list("kind", flat=True))
    inbox = reverse("inbox:action_needed")
    tasks = [
        Task(counts[kind], _say(counts[kind], *KIND_WORDS[kind]), inbox)
        for kind in ActionKind.values
        if counts[kind] and kind in KIND_WORDS
    ]
    if can(membership, Capability.MANAGE_CLAIMS):
        waiting = payment_queries.claims_of(membership).filter(status=ClaimStatus.SUBMITTED)
        count = waiting.count()
        if count:
            words = _say(count, "{count} claim to approve", "{count} claims to approve")
            tasks.append(Task(count, words, reverse("payments:claims") + "?show=waiting"))
    return tasks


def expert_tasks(user: User, now: datetime) -> list[Task]:
    """What waits for the person, at every organisation they work with."""
    tasks = []
    offers = offer_queries.offers_for_person(user).filter(status=OfferStatus.SENT).count()
    if offers:
        words = _say(
            offers,
            "{count} offer is waiting for your answer",
            "{count} offers are waiting for your answer",
        )
        tasks.append(Task(offers, words, reverse("offers:my_offers")))
    checks = wellbeing_queries.due_checks(wellbeing_queries.own_checks(user), now).count()
    if checks:
        words = _say(
            checks, "{count} wellbeing check to answer", "{count} wellbeing checks to answer"
        )
        tasks.append(Task(checks, words, reverse("engagements:my_wellbeing")))
    unclaimed = payment_queries.attended_unclaimed(user, now).count()
    if unclaimed:
        words = _say(
            unclaimed,
            "{count} session you can claim for",
            "{count} sessions you can claim for",
        )
        tasks.append(Task(unclaimed, words, reverse("payments:my_claims")))
    return tasks


def coming_up(user: User, now: datetime, *, several: bool = False) -> ComingUp:
    """The person's next booked sessions, soonest first: the top of "Your sessions". For
    someone who works with ``several`` organisations each says whose it is."""
    bookings = session_queries.my_bookings(user).filter(
        session__starts_at__gte=now, session__cancelled_at=None
    )[:COMING_UP]
    return ComingUp(
        [
            Upcoming(
                booking.session.opportunity.title,
                booking.session.starts_at,
                reverse("engagements:my_session", kwargs={"session_id": booking.session_id}),
                f"With {booking.session.opportunity.organisation.name}" if several else "",
            )
            for booking in bookings
        ]
    )


def staff_coming_up(membership: Membership, now: datetime) -> ComingUp | None:
    """For those who oversee all the organisation's work (coordinators and admins): its
    sessions in the next fortnight, soonest first. None for anyone else: an auditor sees no
    sessions by name, and a contact person's home has its own sessions today. Reviews due
    are not counted here: working them out reads the organisation's whole consent ledger,
    too much for every visit to a home page; the reviews page and its reminders have them."""
    if not can(membership, Capability.OVERSEE_ALL_WORK):
        return None
    sessions = session_queries.sessions_coming_up(membership, now)
    count = sessions.count()
    days = f"in the next {session_queries.COMING_DAYS} days"
    items = [
        Upcoming(
            session.opportunity.title,
            session.starts_at,
            reverse("engagements:session", kwargs={"session_id": session.pk}),
        )
        for session in sessions[:STAFF_COMING_UP]
    ]
    return ComingUp(
        items,
        summary=_say(
            count,
            f"{{count}} session {days}",
            f"{{count}} sessions {days}",
        )
        + ("" if count <= len(items) else f", the first {len(items)} here"),
        all_url=reverse("engagements:sessions_coming_up"),
        all_words=f"All the sessions {days}",
        empty=f"No sessions {days}.",
    )

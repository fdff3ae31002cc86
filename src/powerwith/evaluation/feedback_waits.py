"""Why people taking part in a piece of work cannot be asked for feedback yet, in words,
each with where to put it right — so that "nobody new to ask" is never said without a
reason. The rule itself is ``completion.completed_people``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.formats import date_format

from powerwith.engagements.models import BookingStatus, Session
from powerwith.evaluation.completion import FINISHED_STATUSES
from powerwith.evaluation.models import FeedbackRequest
from powerwith.evaluation.queries import bookings_of, completed_in
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity


@dataclass(frozen=True)
class Waiting:
    sentence: str
    link: str
    link_text: str


def _people(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def what_feedback_waits_for(opportunity: Opportunity, now: datetime) -> list[Waiting]:
    """The reasons, empty when everyone taking part is asked or can be."""
    taking = set(
        Offer.objects.filter(taking_part(), opportunity=opportunity).values_list(
            "person_id", flat=True
        )
    )
    asked = set(
        FeedbackRequest.objects.filter(opportunity=opportunity).values_list("person_id", flat=True)
    )
    waiting = taking - asked - completed_in(opportunity, now)
    if not waiting or opportunity.status in FINISHED_STATUSES:
        return []
    bookings = [b for _, b in bookings_of([opportunity.pk], sorted(waiting))]
    sessions_link = reverse("engagements:opportunity_sessions", args=[opportunity.pk])
    found: list[Waiting] = []
    for session in _ended_without_attendance(opportunity, now):
        found.append(
            Waiting(
                f"Nobody is recorded as taking part in the session on "
                f"{date_format(session.starts_at, 'j F Y')}. People are asked once their "
                "attendance is recorded.",
                reverse("engagements:session", args=[session.pk]),
                f"Record attendance for {date_format(session.starts_at, 'j F Y')}",
            )
        )
    to_come = {b.person_id for b in bookings if b.booked and b.ends_at > now}
    if to_come:
        found.append(
            Waiting(
                f"{_people(len(to_come))} still {'has' if len(to_come) == 1 else 'have'} a "
                "session to come: they are asked once their last session ends.",
                sessions_link,
                "See the sessions",
            )
        )
    never_booked = waiting - {b.person_id for b in bookings}
    if never_booked:
        found.append(
            Waiting(
                f"{_people(len(never_booked))} taking part "
                f"{'is' if len(never_booked) == 1 else 'are'} not booked into any session. "
                "They are asked once they take part in one, or "
                "when the work is marked completed.",
                sessions_link,
                "Book people into sessions",
            )
        )
    return found


def _ended_without_attendance(opportunity: Opportunity, now: datetime) -> list[Session]:
    """Sessions that have ended, with people booked, none of them recorded as there."""
    booked = Q(attendance__status=BookingStatus.BOOKED)
    sessions = (
        Session.objects.filter(opportunity=opportunity, cancelled_at=None, starts_at__lte=now)
        .annotate(
            live=Count("attendance", filter=booked),
            there=Count("attendance", filter=booked & Q(attendance__attended=True)),
        )
        .filter(live__gt=0, there=0)
        .order_by("starts_at")
    )
    return [session for session in sessions if session.ends_at <= now]

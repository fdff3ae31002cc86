"""Demo data for wellbeing checks and the power to stop, at Riverside: a few checks
answered by the people booked into sessions (one asking for support), and one person
taking time out.

Made through the services, as each person would, so the contact person's home page and
"action needed" list show what they would in real use. Uses the bookings made by
``demo.sessions`` (which runs first); with none, it does nothing. Idempotent: once any
check is answered or any stop recorded at Riverside, it adds nothing more.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, BookingStatus, StopEvent, WellbeingCheck
from powerwith.engagements.queries.wellbeing import opens_at
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.engagements.services.wellbeing import complete_check

ORGANISATION_SLUG = "riverside"
ANSWERS = [(4, ""), (2, "Feeling anxious about the next session."), (5, "")]


def _membership(booking: Attendance) -> Membership | None:
    if booking.person.user_id is None:
        return None
    return Membership.objects.filter(
        user_id=booking.person.user_id,
        organisation_id=booking.session.opportunity.organisation_id,
    ).first()


@transaction.atomic
def add_wellbeing() -> int:
    """Answer up to three open checks and record one time out; how many rows were added."""
    bookings = Attendance.objects.filter(
        status=BookingStatus.BOOKED,
        person__user__isnull=False,
        session__opportunity__organisation__slug=ORGANISATION_SLUG,
    ).select_related("person", "session__opportunity__organisation")
    if not bookings.exists():
        return 0
    answered = WellbeingCheck.objects.filter(
        attendance__in=bookings, completed_at__isnull=False
    ).exists()
    stopped = StopEvent.objects.filter(organisation__slug=ORGANISATION_SLUG).exists()
    if answered or stopped:
        return 0
    now = timezone.now()
    added = 0
    open_checks = [
        c
        for c in WellbeingCheck.objects.filter(attendance__in=bookings, completed_at=None)
        .select_related("attendance__person", "attendance__session__opportunity__organisation")
        .order_by("due_at", "pk")
        if opens_at(c.due_at) <= now
    ]
    for check, (feeling, note) in zip(open_checks, ANSWERS, strict=False):
        by = _membership(check.attendance)
        if by is None:
            continue
        complete_check(check, by=by, feeling=feeling, note=note, wants_support=feeling <= 2)
        added += 1
    first = bookings.order_by("session__starts_at", "pk").first()
    assert first is not None
    by = _membership(first)
    if by is not None:
        stop_or_time_out(
            person=first.person,
            session=first.session,
            opportunity=first.session.opportunity,
            kind="time_out",
            by=by,
        )
        added += 1
    return added

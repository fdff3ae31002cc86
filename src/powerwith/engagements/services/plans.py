"""The sessions of an opportunity: the times the work happens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict
from powerwith.engagements.models import Session
from powerwith.engagements.services.sessions import reschedule_checks
from powerwith.opportunities import rules
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.rules import SessionInput
from powerwith.opportunities.services.access import require_manager


@dataclass
class SessionPlan:
    add: list[SessionInput]
    resize: list[tuple[Session, int]]
    remove: list[Session]

    def __bool__(self) -> bool:
        return bool(self.add or self.resize or self.remove)


def plan_sessions(opportunity: Opportunity | None, sessions: Iterable[SessionInput]) -> SessionPlan:
    """What to add, change and remove so the sessions are the ones given. A session
    people are booked on, or took part in, is never removed under them."""
    held = [] if opportunity is None else list(Session.objects.filter(opportunity=opportunity))
    wanted = rules.clean_sessions(
        sessions, existing=[s.starts_at for s in held], now=timezone.now()
    )
    by_start = {s.starts_at.replace(second=0, microsecond=0): s for s in held}
    starts = {s.starts_at for s in wanted}
    remove = [s for start, s in by_start.items() if start not in starts]
    # Bookings (even cancelled ones) and adjustments asked for one session are records
    # the people concerned rely on; deleting the session would delete them with it.
    booked = [s for s in remove if s.attendance.exists() or s.adjustments.exists()]
    if booked:
        raise Conflict(
            f"The session on {rules.when(booked[0].starts_at)} has people booked on it or "
            "recorded as taking part (or an adjustment asked for it), so it cannot be removed. "
            "Put it back in the list, or cancel it from its session page.",
            field="sessions",
        )
    return SessionPlan(
        add=[s for s in wanted if s.starts_at not in by_start],
        resize=[
            (by_start[s.starts_at], s.minutes)
            for s in wanted
            if s.starts_at in by_start and by_start[s.starts_at].minutes != s.minutes
        ],
        remove=remove,
    )


def write_sessions(opportunity: Opportunity, plan: SessionPlan, by: Membership) -> None:
    Session.objects.filter(pk__in=[s.pk for s in plan.remove]).delete()
    for session, minutes in plan.resize:
        session.minutes = minutes
        session.save(update_fields=["minutes"])
        # The check at the end of the session moves with its end.
        reschedule_checks(session)
    Session.objects.bulk_create(
        Session(opportunity=opportunity, starts_at=s.starts_at, minutes=s.minutes) for s in plan.add
    )
    # A prefetched list from the query that found the opportunity is now stale.
    getattr(opportunity, "_prefetched_objects_cache", {}).pop("sessions", None)
    audit.record(
        actor=by.user,
        action="opportunity.sessions_updated",
        organisation=by.organisation,
        target=opportunity,
        added=[s.starts_at.isoformat() for s in plan.add],
        changed=[{"starts_at": s.starts_at.isoformat(), "minutes": m} for s, m in plan.resize],
        removed=[s.starts_at.isoformat() for s in plan.remove],
    )


@transaction.atomic
def set_sessions(
    opportunity: Opportunity, *, by: Membership, sessions: Iterable[SessionInput]
) -> list[Session]:
    """Make the opportunity's sessions the ones given: sessions already held stay as they
    are, new ones start from now on."""
    require_manager(by, opportunity)
    plan = plan_sessions(opportunity, sessions)
    if plan:
        write_sessions(opportunity, plan, by)
    return list(Session.objects.filter(opportunity=opportunity))

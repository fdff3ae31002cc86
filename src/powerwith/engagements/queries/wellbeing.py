"""Reads of wellbeing checks, stop events and the "action needed" list, scoped to who asks.

Who sees a check or a stop event is decided here once, for pages and the API alike: the
person sees their own; who oversees all the work (coordinators and admins) sees the
organisation's; a contact person sees those of the opportunities they are appointed to.
Anything else is 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, can
from powerwith.engagements.models import (
    Attendance,
    BookingStatus,
    Session,
    StopEvent,
    WellbeingCheck,
)
from powerwith.offers.agreement import taking_part
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person

OVERDUE_AFTER = timedelta(hours=24)
RECENT = timedelta(days=30)


def next_local_midnight(now: datetime) -> datetime:
    day = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(0, 0)))


def opens_at(due_at: datetime) -> datetime:
    """A check can be answered from the start of the day it falls due (local time)."""
    day = timezone.localtime(due_at).date()
    return timezone.make_aware(datetime.combine(day, time(0, 0)))


def contact_for(user_id: int, prefix: str = "") -> Q:
    """The opportunity (reached through ``prefix``) has this user as its contact person."""
    return Q(**{f"{prefix}contact_user_id": user_id}) | Q(
        **{f"{prefix}backup_contact_user_id": user_id}
    )


def _checks() -> QuerySet[WellbeingCheck]:
    return WellbeingCheck.objects.select_related(
        "attendance__person",
        "attendance__session__opportunity__organisation",
        "completed_by",
    )


def checks_visible_to(membership: Membership) -> QuerySet[WellbeingCheck]:
    """Checks of booked people (a cancelled booking's checks are no longer asked for)."""
    checks = _checks().filter(
        attendance__status=BookingStatus.BOOKED,
        attendance__session__opportunity__organisation_id=membership.organisation_id,
    )
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return checks
    if can(membership, Capability.CARE_FOR_PEOPLE):
        return checks.filter(contact_for(membership.user_id, "attendance__session__opportunity__"))
    if not can(membership, Capability.WORK_AS_STAFF):
        return checks.filter(attendance__person__user_id=membership.user_id)
    return checks.none()


def get_check_for(membership: Membership, check_id: int) -> WellbeingCheck:
    found = checks_visible_to(membership).filter(pk=check_id).first()
    if found is None:
        raise Http404("No such wellbeing check.")
    return found


def due_checks(checks: QuerySet[WellbeingCheck], now: datetime) -> QuerySet[WellbeingCheck]:
    """Not yet answered, and open to answer: due today or before."""
    return checks.filter(completed_at=None, due_at__lt=next_local_midnight(now))


def own_checks(user: User) -> QuerySet[WellbeingCheck]:
    """The person's own checks, at every organisation they work with."""
    return _checks().filter(
        attendance__person__user_id=user.pk, attendance__status=BookingStatus.BOOKED
    )


def checks_of(person: Person) -> QuerySet[WellbeingCheck]:
    """The person's checks at every organisation they work with: for their own
    supporter (powerwith.workflows.supporting asks first that the supporter is theirs)."""
    return _checks().filter(attendance__person=person, attendance__status=BookingStatus.BOOKED)


def get_own_check(user: User, check_id: int) -> WellbeingCheck:
    found = own_checks(user).filter(pk=check_id).first()
    if found is None:
        raise Http404("No such wellbeing check.")
    return found


@dataclass(frozen=True)
class MyChecks:
    due: list[WellbeingCheck]
    coming_up: list[WellbeingCheck]
    done: list[WellbeingCheck]


def my_checks(user: User, now: datetime) -> MyChecks:
    """Due now (oldest first), coming up (soonest first) and done (latest first)."""
    every = list(own_checks(user))
    opening = next_local_midnight(now)
    return MyChecks(
        due=[c for c in every if not c.is_done and c.due_at < opening],
        coming_up=[c for c in every if not c.is_done and c.due_at >= opening],
        done=sorted(
            (c for c in every if c.is_done),
            key=lambda c: c.completed_at or c.due_at,
            reverse=True,
        ),
    )


def own_booking(user: User, session_id: int) -> Attendance:
    """The logged-in person's booking into this session, at any organisation; 404 if none."""
    # ``__pk``, not ``_id``: Django answers no rows for an id too large for the
    # database there, where ``_id`` fails on SQLite (a 500 for a made-up URL).
    found = (
        Attendance.objects.select_related("session__opportunity__organisation", "person")
        .filter(session__pk=session_id, person__user_id=user.pk, status=BookingStatus.BOOKED)
        .first()
    )
    if found is None:
        raise Http404("You are not booked into that session.")
    return found


def sessions_visible_to(membership: Membership) -> QuerySet[Session]:
    sessions = Session.objects.select_related("opportunity").filter(
        opportunity__organisation_id=membership.organisation_id
    )
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return sessions
    if can(membership, Capability.CARE_FOR_PEOPLE):
        return sessions.filter(contact_for(membership.user_id, "opportunity__"))
    return sessions.none()


def get_session_for_staff(membership: Membership, session_id: int) -> Session:
    found = sessions_visible_to(membership).filter(pk=session_id).first()
    if found is None:
        raise Http404("No such session.")
    return found


def booked_person(session: Session, person_id: int) -> Person:
    """Someone booked into the session; 404 for anyone else."""
    found = Person.objects.filter(
        pk=person_id, attendance__session=session, attendance__status=BookingStatus.BOOKED
    ).first()
    if found is None:
        raise Http404("No one by that id is booked into this session.")
    return found


def stop_events_visible_to(membership: Membership) -> QuerySet[StopEvent]:
    events = StopEvent.objects.select_related("person", "opportunity", "session").filter(
        organisation_id=membership.organisation_id
    )
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return events
    if can(membership, Capability.CARE_FOR_PEOPLE):
        return events.filter(contact_for(membership.user_id, "opportunity__"))
    if not can(membership, Capability.WORK_AS_STAFF):
        return events.filter(person__user_id=membership.user_id)
    return events.none()


def last_stop(user: User, session: Session) -> StopEvent | None:
    return (
        StopEvent.objects.select_related("opportunity__organisation")
        .filter(person__user_id=user.pk, session=session)
        .first()
    )


def membership_in(user: User, organisation_id: int) -> Membership:
    """The user's own membership of the organisation a check or session belongs to: a
    person who works with two organisations answers each one's checks as themself there."""
    found = Membership.objects.filter(user=user, organisation_id=organisation_id).first()
    if found is None:
        raise Http404("You do not work with that organisation.")
    return found


def own_person_here(membership: Membership) -> Person:
    found = Person.objects.filter(
        user_id=membership.user_id, links__organisation_id=membership.organisation_id
    ).first()
    if found is None:
        raise Http404("You do not have a profile here.")
    return found


def _working_on(person_id: int) -> Q:
    """An opportunity the person has accepted an offer for, or is booked into."""
    return (Q(offers__person_id=person_id) & taking_part("offers__")) | Q(
        sessions__attendance__person_id=person_id,
        sessions__attendance__status=BookingStatus.BOOKED,
    )


def get_own_opportunity(membership: Membership, person: Person, opportunity_id: int) -> Opportunity:
    found = (
        Opportunity.objects.filter(
            _working_on(person.pk), pk=opportunity_id, organisation_id=membership.organisation_id
        )
        .distinct()
        .first()
    )
    if found is None:
        raise Http404("No such opportunity.")
    return found


def get_opportunity_for_staff(membership: Membership, opportunity_id: int) -> Opportunity:
    found = Opportunity.objects.filter(
        pk=opportunity_id, organisation_id=membership.organisation_id
    )
    if not can(membership, Capability.OVERSEE_ALL_WORK):
        if can(membership, Capability.CARE_FOR_PEOPLE):
            found = found.filter(contact_for(membership.user_id))
        else:
            found = found.none()
    opportunity = found.first()
    if opportunity is None:
        raise Http404("No such opportunity.")
    return opportunity


def get_person_in(opportunity: Opportunity, person_id: int) -> Person:
    """Someone working on the opportunity; 404 for anyone else."""
    if not Opportunity.objects.filter(_working_on(person_id), pk=opportunity.pk).exists():
        raise Http404("No such person.")
    return Person.objects.get(pk=person_id)


def get_session_in(opportunity: Opportunity, session_id: int) -> Session:
    found = Session.objects.filter(pk=session_id, opportunity=opportunity).first()
    if found is None:
        raise Http404("No such session.")
    return found

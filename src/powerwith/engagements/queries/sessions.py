"""Reads of sessions, bookings, adjustments and calendar feeds, scoped to who is asking.

Who oversees all the work (coordinators and admins) sees the organisation's sessions;
a contact person sees the sessions of the opportunities they are appointed to; an expert
by experience sees only the sessions they are booked into. Anything else is 404, as if
it did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet, prefetch_related_objects
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, can, require
from powerwith.engagements.models import (
    Adjustment,
    AdjustmentStatus,
    Attendance,
    BookingStatus,
    CalendarFeed,
    Session,
    StopEvent,
)
from powerwith.engagements.services.booking import booking_problems_for
from powerwith.engagements.services.calendar import token_hash
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import ActedFor, Person


def _contact_for(user_id: int) -> Q:
    return Q(opportunity__contact_user_id=user_id) | Q(opportunity__backup_contact_user_id=user_id)


def is_contact_for(user: User, opportunity: Opportunity) -> bool:
    return user.pk in (opportunity.contact_user_id, opportunity.backup_contact_user_id)


def sessions_visible_to(membership: Membership) -> QuerySet[Session]:
    scoped = Session.objects.filter(
        opportunity__organisation_id=membership.organisation_id
    ).select_related("opportunity__organisation", "opportunity__contact_user")
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return scoped
    if can(membership, Capability.CARE_FOR_PEOPLE):
        return scoped.filter(_contact_for(membership.user_id))
    if not can(membership, Capability.WORK_AS_STAFF):
        return scoped.filter(
            attendance__person__user_id=membership.user_id,
            attendance__status=BookingStatus.BOOKED,
        )
    return scoped.none()


# The organisation's sessions ahead that staff see together: on the home page and after it.
COMING_DAYS = 14


def sessions_coming_up(membership: Membership, now: datetime) -> QuerySet[Session]:
    """The sessions this member may see that start within ``COMING_DAYS``, soonest first."""
    until = now + timedelta(days=COMING_DAYS)
    visible = sessions_visible_to(membership).filter(cancelled_at=None)
    return visible.filter(starts_at__gte=now, starts_at__lt=until).order_by("starts_at", "pk")


def get_session_for(membership: Membership, session_id: int) -> Session:
    """One session this membership may see; 404 for another organisation's, and for an
    expert, for a session they are not booked into."""
    found = sessions_visible_to(membership).filter(pk=session_id).first()
    if found is None:
        raise Http404("No such session.")
    return found


def get_staff_session(membership: Membership, session_id: int) -> Session:
    """A session for the staff pages: experts have their own page for their sessions.
    Its stop events come with it: the page lists them under each person booked."""
    if not can(membership, Capability.CARE_FOR_PEOPLE):
        raise Http404("No such session.")
    found = get_session_for(membership, session_id)
    prefetch_related_objects([found], "stop_events")
    return found


def get_opportunity_with_sessions(membership: Membership, opportunity_id: int) -> Opportunity:
    """The opportunity whose sessions this membership may list; 404 for anyone else's."""
    found = Opportunity.objects.filter(
        pk=opportunity_id, organisation_id=membership.organisation_id
    ).first()
    if found is None:
        raise Http404("No such opportunity.")
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return found
    if can(membership, Capability.CARE_FOR_PEOPLE) and is_contact_for(membership.user, found):
        return found
    if (
        not can(membership, Capability.WORK_AS_STAFF)
        and sessions_visible_to(membership).filter(opportunity=found).exists()
    ):
        return found
    raise Http404("No such opportunity.")


def sessions_of_opportunity(membership: Membership, opportunity: Opportunity) -> QuerySet[Session]:
    return sessions_visible_to(membership).filter(opportunity=opportunity).distinct()


def bookings_of(session: Session) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(session=session)
        .select_related("person", "booked_by", "cancelled_by")
        .prefetch_related("wellbeing_checks")
        .order_by("status", "person__preferred_name", "pk")
    )


def bookings_visible(membership: Membership, session: Session) -> QuerySet[Attendance]:
    """Everyone booked, for staff; only their own booking, for an expert."""
    bookings = bookings_of(session)
    if not can(membership, Capability.WORK_AS_STAFF):
        return bookings.filter(person__user_id=membership.user_id)
    return bookings


def get_booking(session: Session, booking_id: int) -> Attendance:
    found = bookings_of(session).filter(pk=booking_id).first()
    if found is None:
        raise Http404("No such booking.")
    return found


def get_staff_booking(membership: Membership, booking_id: int) -> Attendance:
    """A booking in a session of this member's staff pages, still booked; 404 for any
    other, and for experts."""
    if not can(membership, Capability.CARE_FOR_PEOPLE):
        raise Http404("No such booking.")
    found = (
        Attendance.objects.filter(
            pk=booking_id,
            status=BookingStatus.BOOKED,
            session__in=sessions_visible_to(membership),
        )
        .select_related("person", "session__opportunity")
        .first()
    )
    if found is None:
        raise Http404("No such booking.")
    return found


def get_booking_of_person(session: Session, person_id: int) -> Attendance:
    found = bookings_of(session).filter(person_id=person_id).first()
    if found is None:
        raise Http404("No such booking.")
    return found


@dataclass(frozen=True)
class Candidate:
    """A person with an accepted offer for the session's opportunity, and why (in words)
    they cannot be booked, if they cannot."""

    person: Person
    booking: Attendance | None
    problems: list[str] = field(default_factory=list)

    @property
    def is_booked(self) -> bool:
        return self.booking is not None and self.booking.is_booked


def candidates_for(session: Session) -> list[Candidate]:
    accepted = list(
        Offer.objects.filter(taking_part(), opportunity_id=session.opportunity_id)
        .select_related("person")
        .order_by("person__preferred_name", "person_id")
    )
    bookings = {b.person_id: b for b in Attendance.objects.filter(session=session)}
    problems = booking_problems_for([offer.person for offer in accepted], session)
    return [
        Candidate(
            person=offer.person,
            booking=bookings.get(offer.person_id),
            problems=problems[offer.person_id],
        )
        for offer in accepted
    ]


def people_booked(session: Session) -> list[Person]:
    return [b.person for b in bookings_of(session).filter(status=BookingStatus.BOOKED)]


# The person's own sessions, across every organisation they work with.


def my_bookings(user: User) -> QuerySet[Attendance]:
    return (
        Attendance.objects.filter(person__user_id=user.pk, status=BookingStatus.BOOKED)
        .select_related(
            "session__opportunity__organisation",
            "session__opportunity__contact_user",
            "person",
        )
        .order_by("session__starts_at", "pk")
    )


def bookings_of_person(person: Person) -> QuerySet[Attendance]:
    """The person's bookings at every organisation they work with: for their own
    supporter (powerwith.workflows.supporting asks first that the supporter is theirs)."""
    return (
        Attendance.objects.filter(person=person, status=BookingStatus.BOOKED)
        .select_related("session__opportunity__organisation", "person")
        .order_by("session__starts_at", "pk")
    )


def split_by_time(
    bookings: QuerySet[Attendance], now: datetime
) -> tuple[list[Attendance], list[Attendance]]:
    """Upcoming (soonest first) and past (latest first)."""
    upcoming = list(bookings.filter(session__starts_at__gte=now))
    past = list(bookings.filter(session__starts_at__lt=now).order_by("-session__starts_at"))
    return upcoming, past


def get_my_booking(user: User, session_id: int, *, cancelled_too: bool = False) -> Attendance:
    """The user's own booking into a session. With ``cancelled_too``, a cancelled one as
    well: a link to a session the person was booked on still opens, and says it is
    cancelled."""
    bookings = my_bookings(user)
    if cancelled_too:
        bookings = (
            Attendance.objects.filter(person__user_id=user.pk)
            .select_related(
                "session__opportunity__organisation",
                "session__opportunity__contact_user",
                "person",
            )
            .order_by("status", "-pk")  # "booked" before "cancelled"
        )
    # ``__pk``, not ``_id``: Django answers no rows for an id too large for the
    # database there, where ``_id`` fails on SQLite (a 500 for a made-up URL).
    found = bookings.filter(session__pk=session_id).first()
    if found is None:
        raise Http404("No such session.")
    return found


def done_for_me(booking: Attendance) -> list[ActedFor]:
    """What was done for the person in this session's work on their word, by staff or by
    their supporter through their own login: a time out, stop or request for support (for
    this session or the whole work) and an adjustment. The person sees who did it."""
    session = booking.session
    this_or_all = Q(session__isnull=True) | Q(session=session)
    stops = StopEvent.objects.filter(
        this_or_all, person=booking.person, opportunity_id=session.opportunity_id
    ).values_list("pk", flat=True)
    adjustments = my_adjustments(booking).values_list("pk", flat=True)
    return list(
        ActedFor.objects.filter(person=booking.person)
        .filter(
            Q(subject="stop_event", subject_id__in=list(stops))
            | Q(subject="adjustment", subject_id__in=list(adjustments))
        )
        .order_by("recorded_at", "pk")
    )


# Reasonable adjustments.


def adjustments_for_session(session: Session) -> QuerySet[Adjustment]:
    """What the people booked asked for: for all of the opportunity's sessions, or for
    this one."""
    return (
        Adjustment.objects.filter(opportunity_id=session.opportunity_id)
        .exclude(status=AdjustmentStatus.REPLACED)
        .filter(Q(session__isnull=True) | Q(session=session))
        .filter(
            person__attendance__session=session,
            person__attendance__status=BookingStatus.BOOKED,
        )
        .select_related("person", "confirmed_by", "requested_by", "session")
        .distinct()
    )


def adjustments_visible(membership: Membership, session: Session) -> QuerySet[Adjustment]:
    adjustments = adjustments_for_session(session)
    if not can(membership, Capability.WORK_AS_STAFF):
        return adjustments.filter(person__user_id=membership.user_id)
    return adjustments


def my_adjustments(booking: Attendance) -> QuerySet[Adjustment]:
    session = booking.session
    return (
        Adjustment.objects.filter(person=booking.person, opportunity_id=session.opportunity_id)
        .exclude(status=AdjustmentStatus.REPLACED)
        .filter(Q(session__isnull=True) | Q(session=session))
        .select_related("confirmed_by", "agreed_in")
    )


def agreed_adjustments(person: Person, organisation_id: int) -> QuerySet[Adjustment]:
    """The adjustments agreed in the person's accepted offers of the organisation's work,
    still standing."""
    return (
        Adjustment.objects.filter(
            person=person, opportunity__organisation_id=organisation_id, agreed_in__isnull=False
        )
        .exclude(status=AdjustmentStatus.REPLACED)
        .select_related("opportunity")
        .order_by("opportunity__title", "pk")
    )


def get_adjustment_for(membership: Membership, adjustment_id: int) -> Adjustment:
    """An adjustment this membership may see; 404 for another organisation's, and for an
    expert, for anyone else's; a contact person sees those of their opportunities."""
    found = (
        Adjustment.objects.filter(
            pk=adjustment_id, opportunity__organisation_id=membership.organisation_id
        )
        .select_related("person", "opportunity__organisation", "session")
        .first()
    )
    if found is None:
        raise Http404("No such adjustment.")
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return found
    if can(membership, Capability.CARE_FOR_PEOPLE) and is_contact_for(
        membership.user, found.opportunity
    ):
        return found
    if found.person.user_id == membership.user_id and not can(membership, Capability.WORK_AS_STAFF):
        return found
    raise Http404("No such adjustment.")


def unconfirmed_adjustments(session: Session) -> QuerySet[Adjustment]:
    return adjustments_for_session(session).filter(status=AdjustmentStatus.REQUESTED)


# Calendar feeds.


def active_feed(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at=None).order_by("-created_at").first()


def feed_owner(token: str) -> User:
    """The user whose feed this secret opens; 404 for a revoked or unknown one."""
    found = (
        CalendarFeed.objects.filter(token_hash=token_hash(token), revoked_at=None)
        .select_related("user")
        .first()
    )
    if found is None or not found.user.is_active:
        raise Http404("No such calendar.")
    return found.user


def feed_sessions(user: User) -> QuerySet[Session]:
    """The sessions in a user's calendar: their own bookings, the sessions they are the
    contact person for, and for coordinators and admins their organisation's sessions."""
    wanted = Q(attendance__person__user_id=user.pk, attendance__status=BookingStatus.BOOKED)
    memberships = Membership.objects.filter(user=user)
    for membership in memberships:
        if can(membership, Capability.MANAGE_SESSIONS):
            wanted |= Q(opportunity__organisation_id=membership.organisation_id)
        elif can(membership, Capability.CARE_FOR_PEOPLE):
            wanted |= Q(opportunity__organisation_id=membership.organisation_id) & _contact_for(
                user.pk
            )
    return (
        Session.objects.filter(wanted, cancelled_at=None)
        .select_related("opportunity__organisation", "opportunity__contact_user")
        .distinct()
        .order_by("starts_at", "pk")
    )


def require_staff(membership: Membership) -> None:
    require(membership, Capability.CARE_FOR_PEOPLE, "Only staff of the organisation can see this.")

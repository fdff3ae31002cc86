"""The staff's session pages: an opportunity's sessions, one session with who is booked
and their reasonable adjustments, booking, cancelling and recording attendance.

Coordinators and admins manage; a contact person (for their opportunities) and an
auditor read. Every session is found through queries_sessions, so another
organisation's is 404.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can, require
from powerwith.core.web import form_status, membership_required
from powerwith.engagements.forms.sessions import (
    AttendanceForm,
    BookForm,
)
from powerwith.engagements.models import Session
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.services import booking as booking_services
from powerwith.engagements.services import sessions as services
from powerwith.offers.queries import refusal_for
from powerwith.people.choices import What
from powerwith.people.queries import get_person_for
from powerwith.people.reads import record_reads


def session_for(request: Request, session_id: int) -> Session:
    return queries.get_staff_session(membership_of(request), session_id)


def require_manager(request: Request) -> None:
    if not can(membership_of(request), Capability.MANAGE_SESSIONS):
        raise PermissionDenied("Only coordinators and admins can change sessions.")


@membership_required
def sessions_coming_up(request: Request) -> HttpResponse:
    """Every session of the organisation in the next fortnight: where the home page's
    Coming up leads, for those who oversee all the work."""
    membership = membership_of(request)
    require(
        membership,
        Capability.OVERSEE_ALL_WORK,
        "Only coordinators and admins see all the organisation's sessions.",
    )
    context = {
        "sessions": queries.sessions_coming_up(membership, timezone.now()),
        "days": queries.COMING_DAYS,
    }
    return render(request, "engagements/sessions_coming_up.html", context)


@membership_required
def opportunity_sessions(request: Request, opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_staff(membership)
    opportunity = queries.get_opportunity_with_sessions(membership, opportunity_id)
    sessions = queries.sessions_of_opportunity(membership, opportunity)
    context = {
        "opportunity": opportunity,
        "sessions": sessions,
        "now": timezone.now(),
        "can_manage": can(membership, Capability.MANAGE_SESSIONS),
    }
    return render(request, "engagements/opportunity_sessions.html", context)


def _page(request: Request, session: Session, form: forms.Form | None = None) -> HttpResponse:
    membership = membership_of(request)
    bookings = list(queries.bookings_of(session))
    now = timezone.now()
    can_manage = can(membership, Capability.MANAGE_SESSIONS)
    arranges = can(membership, Capability.ARRANGE_ADJUSTMENTS) or queries.is_contact_for(
        membership.user, session.opportunity
    )
    adjustments = list(queries.adjustments_for_session(session))
    if can(membership, Capability.CARE_FOR_PEOPLE):
        for booking in bookings:
            booking.may_act_for = (  # type: ignore[attr-defined]
                booking.is_booked and refusal_for(membership, booking.person) is None
            )
    context = {
        "session": session,
        "opportunity": session.opportunity,
        "bookings": bookings,
        "candidates": queries.candidates_for(session) if can_manage else [],
        "adjustments": adjustments,
        "can_manage": can_manage,
        "can_confirm": arranges,
        "can_record_adjustment": arranges,
        "started": session.starts_at <= now,
        "open": session.cancelled_at is None and session.starts_at > now,
        "form": form,
    }
    record_reads(
        viewer=membership,
        people=[a.person for a in adjustments],
        what=What.ADJUSTMENTS,
        where=request.path,
    )
    if can(membership, Capability.CARE_FOR_PEOPLE):
        # The wellbeing section shows each booked person's check answers.
        record_reads(
            viewer=membership,
            people=[
                booking.person
                for booking in bookings
                if booking.is_booked and any(c.is_done for c in booking.wellbeing_checks.all())
            ],
            what=What.WELLBEING_NOTES,
            where=request.path,
        )
    return render(request, "engagements/session.html", context, status=form_status(form))


@membership_required
def session_detail(request: Request, session_id: int) -> HttpResponse:
    return _page(request, session_for(request, session_id))


@membership_required
@require_POST
def session_book(request: Request, session_id: int) -> HttpResponse:
    require_manager(request)
    membership = membership_of(request)
    session = session_for(request, session_id)
    form = BookForm(request.POST)
    if form.is_valid():
        person = get_person_for(membership, form.cleaned_data["person_id"])
        try:
            booking_services.book(session=session, person=person, by=membership)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, f"{person.preferred_name} is booked. They are sent an invitation."
            )
            return redirect("engagements:session", session_id=session.pk)
    else:
        form.add_error(None, "Choose who to book.")
    return _page(request, session, form=form)


@membership_required
@require_POST
def booking_cancel(request: Request, session_id: int, booking_id: int) -> HttpResponse:
    require_manager(request)
    session = session_for(request, session_id)
    booking = queries.get_booking(session, booking_id)
    booking_services.cancel_booking(booking, by=membership_of(request))
    messages.success(
        request, f"{booking.person.preferred_name}'s booking is cancelled. They are told."
    )
    return redirect("engagements:session", session_id=session.pk)


@membership_required
@require_POST
def booking_attendance(request: Request, session_id: int, booking_id: int) -> HttpResponse:
    require_manager(request)
    session = session_for(request, session_id)
    booking = queries.get_booking(session, booking_id)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        try:
            services.record_attendance(
                booking, by=membership_of(request), attended=form.cleaned_data["attended"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Attendance for {booking.person.preferred_name} is saved.")
            return redirect("engagements:session", session_id=session.pk)
    return _page(request, session, form=form)

"""The person's own sessions, across every organisation they work with: where and when,
who their contact person is, and the reasonable adjustments they asked for.

Every session is reached through the logged-in user's own bookings, so no one can reach
another person's session through these pages.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status, organisation_filter, posted
from powerwith.engagements.forms.sessions import THIS, MyAdjustmentsForm
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.people.queries import organisation_choices, person_of


@login_required
def my_sessions(request: Request) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    shown = organisation_filter(request, organisation_choices(person), "sessions")
    bookings = queries.my_bookings(request.user)
    if shown.chosen:
        bookings = bookings.filter(session__opportunity__organisation_id=shown.chosen)
    upcoming, past = queries.split_by_time(bookings, timezone.now())
    context = {"person": person, "upcoming": upcoming, "past": past, "organisation_filter": shown}
    return render(request, "engagements/my_sessions.html", context)


@login_required
def my_session(request: Request, session_id: int) -> HttpResponse:
    booking = queries.get_my_booking(request.user, session_id, cancelled_too=True)
    context = {
        "booking": booking,
        "session": booking.session,
        "opportunity": booking.session.opportunity,
        "adjustments": queries.my_adjustments(booking),
        "done_for_me": queries.done_for_me(booking),
        "started": booking.session.starts_at <= timezone.now(),
    }
    return render(request, "engagements/my_session.html", context)


@login_required
def my_session_adjustments(request: Request, session_id: int) -> HttpResponse:
    booking = queries.get_my_booking(request.user, session_id)
    session = booking.session
    form = MyAdjustmentsForm(posted(request), person=booking.person, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                for category, details in form.requests():
                    request_adjustment(
                        person=booking.person,
                        opportunity=session.opportunity,
                        by=request.user,
                        category=category,
                        details=details,
                        session=session if form.cleaned_data["scope"] == THIS else None,
                    )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                "Your request is sent. Your contact person will confirm each adjustment "
                "before the session.",
            )
            return redirect("engagements:my_session", session_id=session.pk)
    context = {
        "booking": booking,
        "session": session,
        "form": form,
        "agreed": [a for a in queries.my_adjustments(booking) if a.agreed_in_id is not None],
    }
    status = form_status(form)
    return render(request, "engagements/my_session_adjustments.html", context, status=status)

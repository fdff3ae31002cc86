"""The person's claims for their time: from recorded attendance, every session on their
"Time to claim" list in one step, or one session by hand (a session attendance does not
show, or one that ran over)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts.models import User
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.times import day_and_clock
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.engagements.models import Attendance
from powerwith.payments import queries, services
from powerwith.payments.fees import agreed_fee, duration, pay_rate, time_amount
from powerwith.payments.forms import TimeClaimForm, TimeFromAttendanceForm
from powerwith.payments.time_to_claim import time_to_claim, total
from powerwith.payments.views.mine import own_profile


def _time_label(user: User, booking: Attendance) -> str:
    session = booking.session
    offer = queries.offer_for_session(user, session.opportunity_id)
    label = (
        f"{session.opportunity.title} ({session.opportunity.organisation.name}), "
        f"{day_and_clock(session.starts_at)} "
        f"({duration(session.minutes)} booked"
    )
    if offer is not None:
        fee = agreed_fee(offer)
        rate = pay_rate(fee, queries.latest_choice(booking.person, session.opportunity_id))
        if rate is not None:
            label += f": £{time_amount(fee.basis, rate, session.minutes)}"
    return label + ")"


@membership_required
def my_time_to_claim(request: Request) -> HttpResponse:
    """The sessions attendance shows, claimed for in one step once the person confirms."""
    person, membership = own_profile(request)
    rows = time_to_claim(request.user, timezone.now())
    form = TimeFromAttendanceForm(posted(request), rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            claims = services.claim_time_from_attendance(
                person=person, by=membership, session_ids=form.cleaned_data["session_ids"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            count = len(claims)
            messages.success(
                request,
                f"Your time is claimed for {count} session{'' if count == 1 else 's'}. "
                "Each claim is sent for approval.",
            )
            return redirect("payments:my_claims")
    context = {"form": form, "time_to_claim": rows, "time_total": total(rows)}
    return render(request, "payments/my_time_to_claim.html", context, status=form_status(form))


@membership_required
def my_time_claim(request: Request) -> HttpResponse:
    person, membership = own_profile(request)
    bookings = {b.session_id: b for b in queries.claimable_bookings(request.user, timezone.now())}
    sessions = [(session_id, _time_label(request.user, b)) for session_id, b in bookings.items()]
    form = TimeClaimForm(posted(request), sessions=sessions)
    if request.method == "POST" and form.is_valid():
        booking = bookings[form.cleaned_data["session_id"]]
        offer = queries.offer_for_session(request.user, booking.session.opportunity_id)
        try:
            if offer is None:
                raise Http404("No accepted offer for this work.")
            claim = services.submit_time_claim(
                person=person,
                offer=offer,
                session_id=booking.session_id,
                by=membership,
                minutes=form.cleaned_data["minutes"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your claim for your time is sent for approval.")
            return redirect("payments:my_claim", claim_id=claim.pk)
    return render(
        request,
        "payments/my_time_claim.html",
        {"form": form, "sessions": sessions},
        status=form_status(form),
    )

"""A supporter acting for the person in their work, through the supporter's own login:
taking time out, stopping or asking for support, asking for a reasonable adjustment,
claiming the person's pay for a session, and saying how finished work went
(docs/adr/023-supporters-answer-through-their-own-login.md).

Each page is reached only through a booked session or a piece of work of someone who named
this account as a supporter that may help them answer (powerwith.workflows.supporting),
read afresh on every request; only a supporter the person lets answer for them, who says
the person agreed, changes anything (powerwith.workflows.on_behalf.supporters).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status, posted, refused_status
from powerwith.engagements.forms.sessions import THIS, SupporterAdjustmentForm
from powerwith.engagements.forms.wellbeing import SupporterStopForm
from powerwith.engagements.models import Attendance, StopKind
from powerwith.evaluation.forms import SupporterFeedbackForm
from powerwith.evaluation.queries import prefers_easy_read
from powerwith.payments.forms import SupporterTimeClaimForm
from powerwith.people.models import Person, Supporter
from powerwith.workflows import supporting
from powerwith.workflows.on_behalf import supporters as answers

DONE = {
    StopKind.TIME_OUT: "wants to take time out",
    StopKind.STOP: "wants to stop",
    StopKind.SUPPORT: "would like support",
}


def _refused(request: Request, person: Person, supporter: Supporter) -> HttpResponse | None:
    """The page that says why, with 403, for a supporter who may not act for the person."""
    refusal = answers.refusal_for_supporter(supporter, person)
    if refusal is None:
        return None
    context = {"person": person, "reason": refusal}
    return render(request, "people/supporting/refused.html", context, status=403)


def _page(
    request: Request,
    template: str,
    booking: Attendance,
    supporter: Supporter,
    form: forms.Form,
    status: int,
    **more: Any,
) -> HttpResponse:
    context: dict[str, Any] = {
        "booking": booking,
        "session": booking.session,
        "opportunity": booking.session.opportunity,
        "person": booking.person,
        "supporter": supporter,
        "may_answer": supporting.may_answer(supporter),
        "form": form,
        **more,
    }
    return render(request, template, context, status=status)


@login_required
def supported_stop(request: Request, supported_booking_id: int) -> HttpResponse:
    booking, supporter = supporting.booking_for_supporter(request.user, supported_booking_id)
    if (
        request.method == "POST"
        and (refused := _refused(request, booking.person, supporter)) is not None
    ):
        return refused
    form = SupporterStopForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            answers.stop_or_time_out(
                booking,
                supporter=supporter,
                user=request.user,
                agreed=data["agreed"],
                kind=data["kind"],
                whole_work=data["scope"] != THIS,
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            name = booking.person.preferred_name
            messages.success(
                request,
                f"You told us that {name} {DONE[StopKind(data['kind'])]}. Their contact "
                f"person has been told, and we will tell {name} too. Their pay for the "
                "booked time does not change.",
            )
            return redirect("people:supporting")
    return _page(request, "people/supporting/stop.html", booking, supporter, form, status)


@login_required
def supported_adjustment(request: Request, supported_booking_id: int) -> HttpResponse:
    booking, supporter = supporting.booking_for_supporter(request.user, supported_booking_id)
    if (
        request.method == "POST"
        and (refused := _refused(request, booking.person, supporter)) is not None
    ):
        return refused
    form = SupporterAdjustmentForm(posted(request), session=booking.session)
    status = form_status(form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            answers.ask_for_adjustment(
                booking,
                supporter=supporter,
                user=request.user,
                agreed=data["agreed"],
                category=data["category"],
                details=data["details"],
                whole_work=data["scope"] != THIS,
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            name = booking.person.preferred_name
            messages.success(
                request,
                f"You asked for an adjustment for {name}. Their contact person will confirm "
                f"it is in place before the session, and we will tell {name} too.",
            )
            return redirect("people:supporting")
    return _page(request, "people/supporting/adjustment.html", booking, supporter, form, status)


@login_required
def supported_claim(request: Request, supported_claim_booking_id: int) -> HttpResponse:
    booking, supporter = supporting.booking_for_supporter(request.user, supported_claim_booking_id)
    person = booking.person
    if request.method == "POST" and (refused := _refused(request, person, supporter)) is not None:
        return refused
    form = SupporterTimeClaimForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        try:
            answers.claim_time(
                booking,
                supporter=supporter,
                user=request.user,
                agreed=form.cleaned_data["agreed"],
                minutes=form.cleaned_data["minutes"],
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            name = person.preferred_name
            messages.success(
                request,
                f"You claimed {name}'s pay for the session. It is sent for approval, and we "
                f"will tell {name} too.",
            )
            return redirect("people:supporting")
    return _page(
        request,
        "people/supporting/claim.html",
        booking,
        supporter,
        form,
        status,
        pay=supporting.pay_for(booking),
        to_claim=supporting.pay_to_claim(booking, timezone.now()),
    )


@login_required
def supported_feedback(request: Request, supported_feedback_offer_id: int) -> HttpResponse:
    engagement, supporter = supporting.engagement_for_supporter(
        request.user, supported_feedback_offer_id, timezone.now()
    )
    offer = engagement.offer
    person = offer.person
    if request.method == "POST" and (refused := _refused(request, person, supporter)) is not None:
        return refused
    form = SupporterFeedbackForm(posted(request), easy_read=prefers_easy_read(person))
    status = form_status(form)
    if request.method == "POST" and not engagement.to_answer:
        status = 409  # answered already, or not finished: the page says which
    elif form.is_valid():
        try:
            answers.give_feedback(
                engagement,
                supporter=supporter,
                user=request.user,
                agreed=form.cleaned_data["agreed"],
                answers=form.answers(),
                comments=form.cleaned_data["comments"],
                anonymous=form.cleaned_data["anonymous"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            name = person.preferred_name
            messages.success(
                request,
                f"You told us how the work went for {name}. Thank you. We will tell {name} too.",
            )
            return redirect("people:supporting")
    context = {
        "engagement": engagement,
        "offer": offer,
        "person": person,
        "supporter": supporter,
        "may_answer": supporting.may_answer(supporter),
        "form": form,
    }
    return render(request, "people/supporting/feedback.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path(
        "supporting/bookings/<int:supported_booking_id>/stop/",
        supported_stop,
        name="supported_stop",
    ),
    path(
        "supporting/bookings/<int:supported_booking_id>/adjustment/",
        supported_adjustment,
        name="supported_adjustment",
    ),
    path(
        "supporting/claims/<int:supported_claim_booking_id>/",
        supported_claim,
        name="supported_claim",
    ),
    path(
        "supporting/feedback/<int:supported_feedback_offer_id>/",
        supported_feedback,
        name="supported_feedback",
    ),
]

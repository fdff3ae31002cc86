"""Staff recording what a person told them another way (on the phone, in person, by
letter or through a supporter): their answer to a wellbeing check, that they want time
out, to stop or support, and an adjustment they asked for."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refused_status,
)
from powerwith.engagements.forms.sessions import THIS, RecordAdjustmentForm
from powerwith.engagements.forms.wellbeing import RecordCheckForm, RecordStopForm
from powerwith.engagements.models import Attendance
from powerwith.engagements.queries import sessions as queries_sessions
from powerwith.engagements.queries import wellbeing as queries
from powerwith.engagements.services.wellbeing import kind_words
from powerwith.workflows import on_behalf


@membership_required
def record_check(request: Request, check_id: int) -> HttpResponse:
    membership = membership_of(request)
    check = queries.get_check_for(membership, check_id)
    person = check.attendance.person
    back = reverse("engagements:wellbeing_check_staff", kwargs={"check_id": check.pk})
    form = RecordCheckForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            on_behalf.answer_wellbeing_check(
                check,
                by=membership,
                word=form.word(),
                feeling=data["feeling"],
                note=data["note"],
                wants_support=data["wants_support"],
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(request, f"The check for {person.preferred_name} is recorded.")
            return redirect(back)
    session = check.attendance.session
    context = {
        "person": person,
        "form": form,
        "caption": f"{session.opportunity.title}, {session.starts_at:%d %B %Y}",
        "what": f"Their answer to their wellbeing check {kind_words(check.kind)}. "
        "Use their words, and do not ask them to explain their answer.",
        "back": back,
        "refused": "This check has already been answered."
        if check.is_done
        else on_behalf.refusal_for(membership, person),
    }
    return render(request, "includes/record_word.html", context, status=status)


def _session_page(booking: Attendance) -> str:
    return reverse("engagements:session", kwargs={"session_id": booking.session_id})


def _caption(booking: Attendance) -> str:
    session = booking.session
    return f"{session.opportunity.title}, {session.starts_at:%d %B %Y}"


@membership_required
def record_stop(request: Request, word_booking_id: int) -> HttpResponse:
    membership = membership_of(request)
    booking = queries_sessions.get_staff_booking(membership, word_booking_id)
    person = booking.person
    form = RecordStopForm(posted(request))
    status = form_status(form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            on_behalf.stop_or_time_out(
                person=person,
                opportunity=booking.session.opportunity,
                session=booking.session if data["scope"] == THIS else None,
                kind=data["kind"],
                by=membership,
                word=form.word(),
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(
                request,
                f"Recorded for {person.preferred_name}. Their contact person has been told. "
                "Their pay for the booked time is not affected.",
            )
            return redirect(f"{_session_page(booking)}#wellbeing")
    context = {
        "person": person,
        "form": form,
        "caption": _caption(booking),
        "what": "That they want to take time out, to stop, or would like support. They do "
        "not need to give a reason, and their pay for the booked time does not change.",
        "back": f"{_session_page(booking)}#wellbeing",
        "refused": on_behalf.refusal_for(membership, person),
    }
    return render(request, "includes/record_word.html", context, status=status)


@membership_required
def record_adjustment(request: Request, word_booking_id: int) -> HttpResponse:
    membership = membership_of(request)
    booking = queries_sessions.get_staff_booking(membership, word_booking_id)
    person = booking.person
    form = RecordAdjustmentForm(posted(request), session=booking.session)
    status = form_status(form)
    if form.is_valid():
        data = form.cleaned_data
        try:
            on_behalf.ask_for_adjustment(
                person=person,
                opportunity=booking.session.opportunity,
                by=membership,
                word=form.word(),
                category=data["category"],
                details=data["details"],
                session=booking.session if data["scope"] == THIS else None,
            )
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(
                request,
                f"The adjustment {person.preferred_name} asked for is recorded. The contact "
                "person is told.",
            )
            return redirect(f"{_session_page(booking)}#adjustments")
    context = {
        "person": person,
        "form": form,
        "caption": _caption(booking),
        "what": "A reasonable adjustment they asked for: what would help them take part.",
        "back": f"{_session_page(booking)}#adjustments",
        "refused": on_behalf.refusal_for(membership, person),
    }
    return render(request, "includes/record_word.html", context, status=status)

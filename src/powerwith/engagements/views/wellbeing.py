"""Wellbeing checks and the power to stop: the person's own pages, and staff acting with
them. Each page reaches a check or session through the logged-in user (or their
organisation's scope in queries_wellbeing), so another person's is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import (
    INVALID,
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refusal,
)
from powerwith.engagements.forms.wellbeing import CheckForm, StaffCheckForm, StaffStopForm
from powerwith.engagements.models import StopKind, WellbeingCheck
from powerwith.engagements.queries import wellbeing as queries
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.engagements.services.wellbeing import complete_check, kind_words
from powerwith.people.choices import What
from powerwith.people.reads import record_read

STOP_CHOICES = [
    (StopKind.TIME_OUT, "Take time out", "Have a break. Come back when you are ready, or not."),
    (StopKind.STOP, "Stop", "Stop taking part in this session. That is OK."),
    (StopKind.SUPPORT, "Ask for support", "Your contact person will get in touch."),
]


def _staff(request: Request) -> None:
    if not can(membership_of(request), Capability.CARE_FOR_PEOPLE):
        raise PermissionDenied("Only coordinators, admins and contact people can do this.")


@login_required
def my_wellbeing(request: Request) -> HttpResponse:
    checks = queries.my_checks(request.user, timezone.now())
    return render(request, "engagements/wellbeing_my_checks.html", {"checks": checks})


def _check_page(
    request: Request, check: WellbeingCheck, form: CheckForm, template: str
) -> HttpResponse:
    now = timezone.now()
    context = {
        "check": check,
        "form": form,
        "session": check.attendance.session,
        "person": check.attendance.person,
        "when_words": kind_words(check.kind),
        "opens_at": queries.opens_at(check.due_at),
        "is_open": queries.opens_at(check.due_at) <= now,
    }
    return render(request, template, context, status=form_status(form))


@login_required
def my_wellbeing_check(request: Request, check_id: int) -> HttpResponse:
    check = queries.get_own_check(request.user, check_id)
    form = CheckForm(posted(request))
    if request.method == "POST" and form.is_valid():
        by = queries.membership_in(
            request.user, check.attendance.session.opportunity.organisation_id
        )
        try:
            complete_check(check, by=by, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if check.wants_support:
                messages.success(
                    request, "Thank you. Your contact person has been told you would like support."
                )
            else:
                messages.success(request, "Thank you for telling us how you are.")
            return redirect("engagements:my_wellbeing")
    return _check_page(request, check, form, "engagements/wellbeing_check.html")


@membership_required
def staff_checks(request: Request) -> HttpResponse:
    _staff(request)
    membership = membership_of(request)
    now = timezone.now()
    due = list(queries.due_checks(queries.checks_visible_to(membership), now))
    overdue_before = now - queries.OVERDUE_AFTER
    return render(
        request,
        "engagements/wellbeing_staff_checks.html",
        {"checks": due, "overdue_before": overdue_before},
    )


@membership_required
def staff_check(request: Request, check_id: int) -> HttpResponse:
    _staff(request)
    membership = membership_of(request)
    check = queries.get_check_for(membership, check_id)
    record_read(
        viewer=membership,
        person=check.attendance.person,
        what=What.WELLBEING_NOTES,
        where=request.path,
    )
    form = StaffCheckForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            complete_check(check, by=membership, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, f"The check for {check.attendance.person.preferred_name} is recorded."
            )
            return redirect("engagements:wellbeing_check_staff", check_id=check.pk)
    return _check_page(request, check, form, "engagements/wellbeing_staff_check.html")


@login_required
def my_session_stop(request: Request, stop_session_id: int) -> HttpResponse:
    booking = queries.own_booking(request.user, stop_session_id)
    session = booking.session
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        by = queries.membership_in(request.user, session.opportunity.organisation_id)
        try:
            stop_or_time_out(
                person=booking.person,
                session=session,
                opportunity=session.opportunity,
                kind=kind,
                by=by,
            )
        except DomainError as error:
            return render(
                request,
                "engagements/stop_choose.html",
                {"session": session, "choices": STOP_CHOICES, "form": refusal(error.message)},
                status=INVALID,
            )
        return redirect("engagements:my_session_stopped", stop_session_id=session.pk)
    return render(
        request, "engagements/stop_choose.html", {"session": session, "choices": STOP_CHOICES}
    )


@login_required
def my_session_stopped(request: Request, stop_session_id: int) -> HttpResponse:
    booking = queries.own_booking(request.user, stop_session_id)
    event = queries.last_stop(request.user, booking.session)
    if event is None:
        return redirect("engagements:my_session_stop", stop_session_id=booking.session_id)
    return render(
        request,
        "engagements/stop_done.html",
        {"session": booking.session, "event": event, "contact": event.opportunity.contact_user},
    )


def _back(request: Request, session_id: int) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, request.is_secure()
    ):
        return wanted
    return reverse("engagements:session", kwargs={"session_id": session_id}) + "#wellbeing"


@membership_required
@require_POST
def session_record_stop(request: Request, stop_session_id: int) -> HttpResponse:
    _staff(request)
    membership = membership_of(request)
    session = queries.get_session_for_staff(membership, stop_session_id)
    form = StaffStopForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose what happened: time out, stop, or asked for support.")
        return redirect(_back(request, session.pk))
    person = queries.booked_person(session, form.cleaned_data["person_id"])
    try:
        stop_or_time_out(
            person=person,
            session=session,
            opportunity=session.opportunity,
            kind=form.cleaned_data["kind"],
            by=membership,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"Recorded for {person.preferred_name}. Their contact person has been told. "
            "Their pay for the booked time is not affected.",
        )
    return redirect(_back(request, session.pk))

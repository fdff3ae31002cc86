"""Adding, changing and cancelling a session: each is changing the work
(``workflows.changing_work``), which tells everyone booked and sends new offer versions,
so these pages are served here under engagements' paths and names."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.engagements.forms.sessions import CancelSessionForm, SessionForm
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.views.sessions import require_manager, session_for
from powerwith.workflows import changing_work


@membership_required
def session_new(request: Request, opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    require_manager(request)
    opportunity = queries.get_opportunity_with_sessions(membership, opportunity_id)
    form = SessionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            session = changing_work.add_session(
                opportunity,
                by=membership,
                starts_at=form.starts_at(),
                minutes=form.cleaned_data["minutes"],
                place=form.cleaned_data["place"],
                recorded=form.cleaned_data["recorded"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The session is added.")
            return redirect("engagements:session", session_id=session.pk)
    context = {"opportunity": opportunity, "form": form, "session": None}
    return render(request, "engagements/session_form.html", context, status=form_status(form))


@membership_required
def session_edit(request: Request, session_id: int) -> HttpResponse:
    require_manager(request)
    session = session_for(request, session_id)
    form = (
        SessionForm(request.POST) if request.method == "POST" else SessionForm.for_session(session)
    )
    if request.method == "POST" and form.is_valid():
        try:
            changing_work.change_session(
                session,
                by=membership_of(request),
                starts_at=form.starts_at(),
                minutes=form.cleaned_data["minutes"],
                place=form.cleaned_data["place"],
                recorded=form.cleaned_data["recorded"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The session is changed. Everyone booked is told.")
            return redirect("engagements:session", session_id=session.pk)
    context = {"opportunity": session.opportunity, "form": form, "session": session}
    return render(request, "engagements/session_form.html", context, status=form_status(form))


@membership_required
def session_cancel(request: Request, session_id: int) -> HttpResponse:
    require_manager(request)
    session = session_for(request, session_id)
    form = CancelSessionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            changing_work.cancel_session(
                session, by=membership_of(request), reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The session is cancelled. Everyone booked is told.")
            return redirect("engagements:session", session_id=session.pk)
    context = {"session": session, "form": form, "booked": queries.people_booked(session)}
    return render(request, "engagements/session_cancel.html", context, status=form_status(form))

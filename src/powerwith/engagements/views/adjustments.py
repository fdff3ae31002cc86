"""Staff record a reasonable adjustment a person asked them for, and the contact person
confirms each one is in place."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.engagements.forms.sessions import THIS, StaffAdjustmentForm
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.services.adjustments import confirm_adjustment, request_adjustment


@membership_required
def session_adjustment_new(request: Request, session_id: int) -> HttpResponse:
    membership = membership_of(request)
    session = queries.get_staff_session(membership, session_id)
    if not (
        can(membership, Capability.ARRANGE_ADJUSTMENTS)
        or queries.is_contact_for(membership.user, session.opportunity)
    ):
        raise PermissionDenied("Only coordinators, admins and the contact person can do this.")
    people = queries.people_booked(session)
    form = StaffAdjustmentForm(posted(request), session=session, people=people)
    if request.method == "POST" and form.is_valid():
        person = next(p for p in people if p.pk == form.cleaned_data["person"])
        try:
            request_adjustment(
                person=person,
                opportunity=session.opportunity,
                by=membership.user,
                category=form.cleaned_data["category"],
                details=form.cleaned_data["details"],
                session=session if form.cleaned_data["scope"] == THIS else None,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The request is recorded. The contact person is told.")
            return redirect("engagements:session", session_id=session.pk)
    context = {"session": session, "form": form, "people": people}
    status = form_status(form)
    return render(request, "engagements/session_adjustment_new.html", context, status=status)


@membership_required
@require_POST
def adjustment_confirm(request: Request, adjustment_id: int) -> HttpResponse:
    membership = membership_of(request)
    adjustment = queries.get_adjustment_for(membership, adjustment_id)
    try:
        confirm_adjustment(adjustment, by=membership)
    except DomainError as error:
        raise PermissionDenied(error.message) from error
    messages.success(
        request, f"The adjustment for {adjustment.person.preferred_name} is confirmed."
    )
    back = request.POST.get("session_id", "")
    if back.isdigit():
        return redirect("engagements:session", session_id=int(back))
    return redirect("engagements:opportunity_sessions", opportunity_id=adjustment.opportunity_id)

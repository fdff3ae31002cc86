"""Leaving the work: a page that says exactly what will happen before anything is done —
for the person, from their offer or from "Your consents", and for staff recording it on
the person's word. The rules live in powerwith.workflows.leaving."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.accounts.queries import memberships_of, own_membership
from powerwith.consent.queries import context_opportunity
from powerwith.core.errors import DomainError, InvalidInput
from powerwith.core.http import Request, membership_of
from powerwith.core.web import INVALID, membership_required, refusal, refused_status
from powerwith.offers import queries
from powerwith.offers.forms import LeaveOnBehalfForm
from powerwith.opportunities.models import Opportunity
from powerwith.people.queries import person_of
from powerwith.workflows import leaving

# An id longer than this is no row of ours (and too large for some databases).
ID_DIGITS = 10


def _own_membership(request: Request, organisation_id: int) -> Membership:
    """The person acts in the organisation the work belongs to, whichever they are
    looking at."""
    found = memberships_of(request.user).filter(organisation_id=organisation_id).first()
    if found is None:
        raise Http404("You do not work with this organisation now.")
    return found


def _render(request: Request, status: int = 200, **context: Any) -> HttpResponse:
    return render(request, "offers/leave.html", context, status=status)


@login_required
def my_offer_leave(request: Request, leaving_offer_id: int) -> HttpResponse:
    offer = queries.get_own_offer(request.user, leaving_offer_id)
    membership = _own_membership(request, offer.organisation_id)
    if offer.accepted_version_id is None:
        raise Http404("You have not accepted this offer, so there is no work to leave.")
    back = reverse("offers:my_offer", args=[offer.pk])
    return _leave(request, membership, offer.opportunity, back=back, done=back)


@membership_required
def leave_from_consents(request: Request) -> HttpResponse:
    """From "Your consents": withdrawing consent to take part — in one piece of work
    (``opportunity_id``), or in all of the organisation's work; with any organisation the
    person works with (``organisation_id``), without switching."""
    named = request.POST.get("organisation_id") or request.GET.get("organisation_id")
    membership = own_membership(request.user, named, membership_of(request))
    raw = request.POST.get("opportunity_id") or request.GET.get("opportunity_id") or ""
    opportunity = None
    if raw:
        if not raw.isdigit() or len(raw) > ID_DIGITS:
            raise Http404("No such work.")
        try:
            opportunity = context_opportunity(membership, int(raw))
        except InvalidInput as unknown:
            raise Http404("No such work.") from unknown
    back = reverse("consent:my_consents")
    return _leave(request, membership, opportunity, back=back, done=back)


def _leave(
    request: Request,
    membership: Membership,
    opportunity: Opportunity | None,
    *,
    back: str,
    done: str,
) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    error = ""
    if request.method == "POST":
        try:
            _, did = leaving.leave_work(person=person, actor=membership, opportunity=opportunity)
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(request, _done_sentence(did, own=True))
            return redirect(done)
    return _render(
        request,
        status=409 if error else 200,
        leaving=leaving.what_leaving_means(person, membership.organisation, opportunity),
        back=back,
        own=True,
        form=refusal(error) if error else None,
        # The work and organisation named in the link stay named when the form is sent.
        action=request.get_full_path(),
    )


@membership_required
def staff_leave(request: Request, leaving_offer_id: int) -> HttpResponse:
    """Staff record that the person told them they are leaving this work."""
    membership = membership_of(request)
    offer = queries.get_offer_for(membership, leaving_offer_id)
    if offer.accepted_version_id is None:
        raise Http404("This offer was never accepted, so there is no work to leave.")
    back = reverse("offers:offer", args=[offer.pk])
    form = LeaveOnBehalfForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _, did = leaving.leave_work(
                    person=offer.person,
                    actor=membership,
                    opportunity=offer.opportunity,
                    method=form.cleaned_data["method"],
                )
            except DomainError as refused:
                form.add_error(None, refused.message)
                status = refused_status(refused)
            else:
                messages.success(request, _done_sentence(did, own=False))
                return redirect(back)
        else:
            status = INVALID
    return _render(
        request,
        status=status,
        leaving=leaving.what_leaving_means(
            offer.person, membership.organisation, offer.opportunity
        ),
        back=back,
        own=False,
        form=form,
        action=request.path,
    )


def _done_sentence(did: leaving.Leaving, *, own: bool) -> str:
    who = "You have" if own else f"{did.person.preferred_name} has"
    count = len(did.to_cancel)
    sessions = f"{count} session{'s' if count != 1 else ''} cancelled" if count else ""
    work = " and ".join(did.work_titles) or "the work"
    sentence = f"{who} left {work}."
    if sessions:
        sentence += f" {sessions[0].upper()}{sessions[1:]}."
    return sentence + " Pay for work already done is not affected."

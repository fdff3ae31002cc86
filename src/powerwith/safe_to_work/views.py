"""Safe-to-work pages: a person's checks (staff record them; the person reads their own)
and what the work requires, for all the organisation's work or for one opportunity."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.safe_to_work import queries, services
from powerwith.safe_to_work.forms import CheckForm, RequiredChecksForm


def _may_set(request: Request) -> bool:
    """Staff who manage opportunities set what the work requires; others only read it."""
    may = can(membership_of(request), Capability.MANAGE_OPPORTUNITIES)
    if request.method == "POST" and not may:
        raise PermissionDenied("Only a coordinator or an admin can set the checks work requires.")
    return may


@membership_required
def person_checks(request: Request, person_id: int) -> HttpResponse:
    membership = membership_of(request)
    if not can(membership, Capability.WORK_AS_STAFF):
        raise Http404("No such person.")
    person = queries.person_for_checks(membership, person_id)
    may_record = queries.may_record(membership)
    form = CheckForm(posted(request) if may_record else None)
    if request.method == "POST":
        services.require_recorder(membership)
        if form.is_valid():
            try:
                check = services.check_input(form.cleaned_data, today=timezone.localdate())
                services.record_check(person=person, by=membership, check=check)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, f"The check is recorded for {person.preferred_name}.")
                return redirect("safe_to_work:person_checks", person_id=person.pk)
    return render(
        request,
        "safe_to_work/person_checks.html",
        {
            "person": person,
            "checks": queries.checks_of(membership.organisation_id, person),
            "form": form,
            "may_record": may_record,
        },
        status=form_status(form),
    )


@membership_required
def required_checks(request: Request) -> HttpResponse:
    membership = membership_of(request)
    queries.require_reader_of_requirements(membership)
    may_set = _may_set(request)
    current = queries.default_requirements(membership.organisation_id)
    form = RequiredChecksForm(
        posted(request) if may_set else None, initial=RequiredChecksForm.initial_for(current)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_required_checks(by=membership, items=form.items())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The checks all your work requires are saved.")
            return redirect("safe_to_work:required_checks")
    return render(
        request,
        "safe_to_work/required_checks.html",
        {"form": form, "may_set": may_set, "current": current},
        status=form_status(form),
    )


@membership_required
def opportunity_checks(request: Request, opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    opportunity = get_opportunity_for(membership, opportunity_id)
    may_set = _may_set(request)
    own = queries.has_own_requirements(opportunity)
    current = queries.requirements_of(opportunity)
    form = RequiredChecksForm(
        posted(request) if may_set else None,
        for_opportunity=True,
        initial=RequiredChecksForm.initial_for(current, own=own),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.follows_default():
                services.follow_default_checks(by=membership, opportunity=opportunity)
            else:
                services.set_required_checks(
                    by=membership, opportunity=opportunity, items=form.items()
                )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The checks this work requires are saved.")
            return redirect("opportunities:detail", opportunity_id=opportunity.pk)
    return render(
        request,
        "safe_to_work/opportunity_checks.html",
        {
            "opportunity": opportunity,
            "form": form,
            "may_set": may_set,
            "own": own,
            "current": current,
        },
        status=form_status(form),
    )

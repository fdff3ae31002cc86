"""Opportunity pages: the list, a new opportunity, one opportunity, and its matches."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.accounts.organisation_settings import can_change_settings
from powerwith.engagements.queries import paid_hours_concentration
from powerwith.errors import DomainError
from powerwith.http import Request
from powerwith.opportunities import queries, services
from powerwith.opportunities.choices import LEVEL_DESCRIPTIONS
from powerwith.opportunities.forms import (
    OpportunityForm,
    RequirementFormSet,
    requirement_inputs,
)
from powerwith.opportunities.matching import matches_for
from powerwith.web import add_domain_error, membership_required

PAGE_SIZE = 25
LEVELS: dict[str, str] = {str(level): text for level, text in LEVEL_DESCRIPTIONS.items()}


def _membership(request: Request) -> Membership:
    assert request.membership is not None  # guaranteed by membership_required
    return request.membership


def _require_manager(request: Request) -> Membership:
    membership = _membership(request)
    if not queries.can_manage_opportunities(membership):
        raise PermissionDenied("Only coordinators and admins can create opportunities.")
    return membership


@membership_required
def opportunity_list(request: Request) -> HttpResponse:
    membership = _membership(request)
    page = Paginator(queries.opportunities_of(membership), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "can_manage": queries.can_manage_opportunities(membership)}
    return render(request, "opportunities/list.html", context)


@membership_required
def opportunity_new(request: Request) -> HttpResponse:
    membership = _require_manager(request)
    form = OpportunityForm(request.POST or None)
    formset = RequirementFormSet(request.POST or None, prefix="requirement")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            opportunity = services.create_opportunity(
                by=membership, data=form.cleaned_data, requirements=requirement_inputs(formset)
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"“{opportunity.title}” is saved.")
            return redirect("opportunities:detail", opportunity_id=opportunity.pk)
    context = {
        "form": form,
        "formset": formset,
        "formset_has_errors": formset.is_bound and not formset.is_valid(),
    }
    return render(request, "opportunities/new.html", context)


@membership_required
def opportunity_detail(request: Request, opportunity_id: int) -> HttpResponse:
    membership = _membership(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    context = {
        "opportunity": opportunity,
        "level_description": LEVELS.get(opportunity.level, ""),
        "session_days": queries.session_days(opportunity),
        "can_see_matches": queries.can_see_matches(membership),
    }
    return render(request, "opportunities/detail.html", context)


@membership_required
def opportunity_matches(request: Request, opportunity_id: int) -> HttpResponse:
    membership = _membership(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    queries.require_matches(membership)
    now = timezone.now()
    context = {
        "opportunity": opportunity,
        "matches": matches_for(membership, opportunity, now=now),
        "concentration": paid_hours_concentration(membership.organisation_id, now),
        "fairness_weight": membership.organisation.fairness_weight,
        "can_change_weight": can_change_settings(membership),
    }
    return render(request, "opportunities/matches.html", context)

"""Two of the coordinator's offer pages that reach past offers: making an offer lists the
people matched to the work first (``matching``), and answering a person's question is the
workflow that tells them (``workflows.offers``). Served here under offers' paths and
names; the offer's own page is ``offers.views.offers``."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import (
    INVALID,
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refused_status,
)
from powerwith.matching.matches import MAX_LIMIT as MATCHES_SHOWN
from powerwith.matching.matches import matches_for
from powerwith.offers import queries, services
from powerwith.offers.forms import AnswerForm, MakeOfferForm
from powerwith.offers.views.offers import offer_for, page
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.people.models import PersonStatus
from powerwith.people.queries import get_person_for, register_of
from powerwith.workflows import offers as offer_workflows


def _people_choices(membership: Membership) -> list[tuple[int, str]]:
    people = register_of(membership).filter(status=PersonStatus.ACTIVE).order_by("preferred_name")
    return list(people.values_list("pk", "preferred_name"))


def _matched_choices(membership: Membership, opportunity: Opportunity) -> list[tuple[int, str]]:
    """The people matched to the work's required experience, best first, for the roles
    that may see matches. Work that asks for no experience matches everyone: no one is
    put first then."""
    if not can(membership, Capability.SEE_MATCHES):
        return []
    if not opportunity.required_experience.exists():
        return []
    found = matches_for(membership, opportunity, limit=MATCHES_SHOWN)
    return [(m.person_id, m.preferred_name) for m in found]


@membership_required
def offer_new(request: Request, opportunity_id: int) -> HttpResponse:
    """The matches page posts here with ``person_id``; a plain visit offers a choice of
    everyone active on the register."""
    membership = membership_of(request)
    opportunity = get_opportunity_for(membership, opportunity_id)
    queries.require_manager(membership)
    form = MakeOfferForm(
        posted(request),
        people=_people_choices(membership),
        matched=_matched_choices(membership, opportunity),
    )
    if request.method == "POST" and form.is_valid():
        person = get_person_for(membership, form.cleaned_data["person_id"])
        try:
            offer = services.create_offer(by=membership, opportunity=opportunity, person=person)
        except DomainError as error:
            existing = queries.live_offer(membership.organisation_id, opportunity.pk, person.pk)
            if existing is not None:
                messages.info(request, error.message)
                return redirect("offers:offer", offer_id=existing.pk)
            add_domain_error(form, error)
        else:
            messages.success(request, f"A draft offer for {person.preferred_name} is ready.")
            return redirect("offers:offer", offer_id=offer.pk)
    context = {"form": form, "opportunity": opportunity}
    return render(request, "offers/offer_new.html", context, status=form_status(form))


@membership_required
@require_POST
def offer_answer(request: Request, offer_id: int) -> HttpResponse:
    membership = membership_of(request)
    offer = offer_for(request, offer_id)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            offer_workflows.answer_question(offer, by=membership, text=form.cleaned_data["text"])
        except DomainError as error:
            add_domain_error(form, error)
            return page(request, offer, status=refused_status(error), answer_form=form)
        else:
            messages.success(request, f"Your answer is sent to {offer.person.preferred_name}.")
            return redirect("offers:offer", offer_id=offer.pk)
    return page(request, offer, status=INVALID, answer_form=form)

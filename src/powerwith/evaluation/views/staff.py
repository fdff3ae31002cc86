"""Staff pages of evaluation for one opportunity: the feedback, the team's reflection and
the impact log, and the organisation's count against the UK Standards. Coordinators and
admins write; auditors read, without names."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.evaluation import queries
from powerwith.evaluation.feedback_waits import what_feedback_waits_for
from powerwith.evaluation.forms import ImpactForm, ReflectionForm
from powerwith.evaluation.impact_consent import as_shown
from powerwith.evaluation.services.feedback import ask_for_feedback
from powerwith.evaluation.services.learning import record_impact, record_reflection, share_impact
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.queries import get_opportunity_for


def _opportunity(request: Request, opportunity_id: int) -> tuple[Membership, Opportunity]:
    membership = membership_of(request)
    queries.require_reader(membership)
    return membership, get_opportunity_for(membership, opportunity_id)


@membership_required
def opportunity_feedback(request: Request, evaluation_opportunity_id: int) -> HttpResponse:
    membership, opportunity = _opportunity(request, evaluation_opportunity_id)
    return render(
        request,
        "evaluation/opportunity_feedback.html",
        {
            "opportunity": opportunity,
            "summary": queries.feedback_summary(membership, opportunity),
            "can_write": can(membership, Capability.WRITE_EVALUATION),
            "waits": what_feedback_waits_for(opportunity, timezone.now()),
        },
    )


@membership_required
@require_POST
def opportunity_feedback_ask(request: Request, evaluation_opportunity_id: int) -> HttpResponse:
    membership, opportunity = _opportunity(request, evaluation_opportunity_id)
    queries.require_writer(membership)
    asked = ask_for_feedback(opportunity, now=timezone.now(), by=membership.user)
    if asked:
        messages.success(request, f"Asked {asked} {'person' if asked == 1 else 'people'}.")
    elif what_feedback_waits_for(opportunity, timezone.now()):
        messages.info(
            request,
            "There is nobody new to ask yet. The page says what is needed before others "
            "can be asked.",
        )
    else:
        messages.info(
            request, "There is nobody new to ask: everyone whose part is finished has been asked."
        )
    return redirect("evaluation:opportunity_feedback", evaluation_opportunity_id=opportunity.pk)


@membership_required
def opportunity_reflection(request: Request, evaluation_opportunity_id: int) -> HttpResponse:
    membership, opportunity = _opportunity(request, evaluation_opportunity_id)
    form = ReflectionForm(posted(request)) if can(membership, Capability.WRITE_EVALUATION) else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            record_reflection(by=membership, opportunity=opportunity, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The team's reflection is saved.")
            return redirect(
                "evaluation:opportunity_reflection", evaluation_opportunity_id=opportunity.pk
            )
    return render(
        request,
        "evaluation/opportunity_reflection.html",
        {
            "opportunity": opportunity,
            "form": form,
            "reflections": list(queries.reflections_of(membership, opportunity)),
        },
        status=form_status(form),
    )


@membership_required
def opportunity_impact(request: Request, evaluation_opportunity_id: int) -> HttpResponse:
    membership, opportunity = _opportunity(request, evaluation_opportunity_id)
    form = None
    if can(membership, Capability.WRITE_EVALUATION):
        people = [(p.pk, p.preferred_name) for p in queries.contributors_of(opportunity)]
        form = ImpactForm(posted(request), people=people)
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            record_impact(
                by=membership,
                opportunity=opportunity,
                you_said=data["you_said"],
                we_did=data["we_did"],
                contributor_ids=data["contributors"],
                standards=data["standards"],
                share=data["share"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The entry is added to the impact log.")
            return redirect(
                "evaluation:opportunity_impact", evaluation_opportunity_id=opportunity.pk
            )
    return render(
        request,
        "evaluation/opportunity_impact.html",
        {
            "opportunity": opportunity,
            "form": form,
            "entries": as_shown(
                membership.organisation, queries.impact_of(membership, opportunity)
            ),
            "shows_names": can(membership, Capability.SEE_NAMES),
        },
        status=form_status(form),
    )


@membership_required
@require_POST
def impact_share(request: Request, evaluation_opportunity_id: int, impact_id: int) -> HttpResponse:
    membership, opportunity = _opportunity(request, evaluation_opportunity_id)
    entry = queries.get_impact_for(membership, opportunity, impact_id)
    try:
        share_impact(by=membership, entry=entry)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Shared with the contributors.")
    return redirect("evaluation:opportunity_impact", evaluation_opportunity_id=opportunity.pk)


@membership_required
def impact_standards(request: Request) -> HttpResponse:
    rows = queries.standards_count(membership_of(request))
    return render(request, "evaluation/impact_standards.html", {"rows": rows})

"""An expert's own offers of work: read each one in plain words, in the format they read
best, then accept it, say no (no reason asked) or ask a question.

Every offer is reached through the logged-in user's own profile, so no one can reach
another person's offer through these pages.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from powerwith.core.choices import RewardBasis
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import (
    INVALID,
    add_domain_error,
    organisation_filter,
    refusal,
    refused_status,
)
from powerwith.offers import display as offer_display
from powerwith.offers import queries, services
from powerwith.offers.agreement import agreement_of
from powerwith.offers.formats import RenderFormat
from powerwith.offers.forms import AcceptForm, QuestionForm
from powerwith.offers.models import Offer, OfferStatus
from powerwith.offers.renderings import easy_read, standard
from powerwith.payments import benefits as benefit_rules
from powerwith.payments import earnings
from powerwith.payments import routes as pay_routes
from powerwith.people.choices import YesNo
from powerwith.people.queries import organisation_choices, person_of
from powerwith.workflows import offers as offer_workflows


def _own(request: Request, offer_id: int) -> Offer:
    return queries.get_own_offer(request.user, offer_id)


@login_required
def my_offers(request: Request) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    shown = organisation_filter(request, organisation_choices(person), "offers")
    offers = queries.offers_for_person(request.user)
    if shown.chosen:
        offers = offers.filter(organisation_id=shown.chosen)
    offers = queries.with_what_waits(offers).order_by("-updated_at", "-id")
    context = {"person": person, "offers": offers, "organisation_filter": shown}
    return render(request, "offers/my_offers.html", context)


def _page(request: Request, offer: Offer, status: int = 200, **forms: Any) -> HttpResponse:
    latest = queries.latest_version(offer)
    assert latest is not None  # only sent offers reach the person
    acceptance = queries.last_acceptance(offer)
    agreement = agreement_of(offer)
    left = queries.left_event(offer)
    previous = queries.versions_of(offer).filter(number=latest.number - 1).first()
    shown = latest.content
    answered_at = queries.events_of(offer).filter(action=offer.status).last()
    formats = offer_display.format_links(
        offer, list(offer.person.formats), easy_read_first=request.user.easy_read_first
    )
    context = {
        "offer": offer,
        "latest": latest,
        "offer_content": shown,
        **standard.context(shown),
        "formats": formats,
        "easy_read": _easy_read_first(shown, formats),
        "acceptance": acceptance,
        "accepted_before": acceptance is not None
        and acceptance.version is not None
        and acceptance.version.number != latest.number,
        "changed": offer_display.changed_parts(previous.content, shown) if previous else [],
        "questions": queries.questions_of(offer),
        "can_answer": offer.status == OfferStatus.SENT,
        # Once a version is accepted the work is agreed: the person leaves it rather than
        # saying no (pay for work done is kept).
        "agreement": agreement,
        "can_decline": agreement is None,
        "can_leave": agreement is not None and agreement.is_taking_part and not left,
        "left": left,
        "waiting_question": queries.unanswered_question(offer),
        # While an offer they have seen is being changed, the person can still say no.
        "can_decline_while_changing": offer.status == OfferStatus.DRAFT
        and offer.version > 0
        and agreement is None,
        "accept_form": forms.get("accept_form") or AcceptForm(initial={"version": latest.number}),
        "question_form": forms.get("question_form") or QuestionForm(),
        "answered_at": answered_at,
        # Someone answered for them (their supporter, or staff on their word): say who.
        "answered_for_you": queries.acted_for_events([answered_at.pk]).get(answered_at.pk)
        if answered_at
        else None,
        **_benefits(offer, shown),
        "pay_route": pay_routes.offer_pay_route(offer, shown),
    }
    return render(request, "offers/my_offers_offer.html", context, status=status)


def _easy_read_first(
    shown: dict[str, Any], formats: list[offer_display.FormatLink]
) -> dict[str, Any] | None:
    """For someone who reads easy read first: the offer's key facts and the right to say
    no, in the easy-read words, at the top of the page."""
    if formats[0].code != RenderFormat.EASY_READ:
        return None
    return {
        "key_facts": easy_read.key_facts(shown),
        "say_no": easy_read.saying_no(shown),
        "href": formats[0].href,
    }


def _benefits(offer: Offer, shown: dict[str, Any]) -> dict[str, Any]:
    """For paid work: the benefits-advice box (when the person asked for advice) and the
    earnings guard's private warning, before they accept. Only this page, which only the
    person reaches, shows either."""
    paid = shown["reward"]["basis"] not in ("", RewardBasis.VOLUNTARY)
    before_accepting = offer.status in (OfferStatus.SENT, OfferStatus.DRAFT)
    return {
        "wants_benefits_advice": paid and offer.person.benefits_advice == YesNo.YES,
        "earnings_breaches": earnings.guard(
            offer.person, offer_id=offer.pk, opportunity_id=offer.opportunity_id, content=shown
        )
        if paid and before_accepting
        else [],
        # What the benefit rules the person told us about say, before they agree.
        "benefits_check": benefit_rules.check_offer(
            offer.person, offer_id=offer.pk, opportunity_id=offer.opportunity_id, content=shown
        )
        if before_accepting
        else None,
    }


@login_required
def my_offer(request: Request, offer_id: int) -> HttpResponse:
    return _page(request, _own(request, offer_id))


@login_required
@require_POST
def my_offer_accept(request: Request, offer_id: int) -> HttpResponse:
    offer = _own(request, offer_id)
    form = AcceptForm(request.POST)
    if form.is_valid():
        try:
            offer_workflows.accept_offer(
                offer, user=request.user, version=form.cleaned_data["version"]
            )
        except DomainError as error:
            add_domain_error(form, error)
            return _page(request, offer, status=refused_status(error), accept_form=form)
        messages.success(request, "You have accepted this offer. Thank you.")
        return redirect("offers:my_offer", offer_id=offer.pk)
    return _page(request, offer, status=INVALID, accept_form=form)


@login_required
def my_offer_decline(request: Request, offer_id: int) -> HttpResponse:
    """Asks once more, because saying no cannot be undone; never asks why."""
    offer = _own(request, offer_id)
    error = ""
    if request.method == "POST":
        try:
            services.decline_offer(offer, user=request.user)
        except DomainError as refused:
            error = refused.message
        else:
            messages.success(request, "You have said no to this offer. Thank you for telling us.")
            return redirect("offers:my_offer", offer_id=offer.pk)
    context = {"offer": offer, "form": refusal(error) if error else None}
    return render(request, "offers/my_offers_decline.html", context, status=409 if error else 200)


@login_required
@require_POST
def my_offer_question(request: Request, offer_id: int) -> HttpResponse:
    offer = _own(request, offer_id)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            offer_workflows.ask_question(offer, user=request.user, text=form.cleaned_data["text"])
        except DomainError as error:
            add_domain_error(form, error)
            return _page(request, offer, status=refused_status(error), question_form=form)
        messages.success(
            request, "Your question is sent. Your contact person will answer you by email."
        )
        return redirect("offers:my_offer", offer_id=offer.pk)
    return _page(request, offer, status=INVALID, question_form=form)

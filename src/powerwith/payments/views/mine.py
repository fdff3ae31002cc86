"""The person's own pages: "Your claims and payments" (with the time to claim from
attendance), new claims for expenses and travel paid in advance, withdrawing a claim,
and their choice about payment for each piece of work they accepted; claims for time
are in ``views_time``. Everything is reached through the logged-in user's own profile,
so no one reaches another person's claims here."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.times import day_and_clock
from powerwith.core.web import (
    OrganisationFilter,
    add_domain_error,
    form_status,
    membership_required,
    organisation_filter,
    posted,
    refusal,
    refused_status,
)
from powerwith.engagements.models import Attendance
from powerwith.offers.agreement import agreement_of
from powerwith.offers.models import Offer
from powerwith.payments import queries, services
from powerwith.payments.benefits import BenefitsCheck, check_offer
from powerwith.payments.fees import agreed_expenses, agreed_fee, choice_explanation
from powerwith.payments.forms import (
    ExpenseClaimForm,
    RewardChoiceForm,
    TimeFromAttendanceForm,
    TravelAdvanceForm,
)
from powerwith.payments.models import ClaimStatus
from powerwith.payments.time_to_claim import time_to_claim, total
from powerwith.people.models import Person
from powerwith.people.queries import organisation_choices, person_of


def own_profile(request: Request) -> tuple[Person, Membership]:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person, membership_of(request)


def _when(booking: Attendance) -> str:
    session = booking.session
    return day_and_clock(session.starts_at)


def _payment_choices(request: Request, shown: OrganisationFilter) -> list[dict[str, Any]]:
    rows = []
    for offer in queries.accepted_offers_of(request.user):
        if not shown.keeps(offer.organisation_id):
            continue
        fee = agreed_fee(offer)
        rows.append(
            {
                "offer": offer,
                "fee": fee,
                "choice": queries.latest_choice(offer.person, offer.opportunity_id),
            }
        )
    return rows


@membership_required
def my_claims(request: Request) -> HttpResponse:
    person, _ = own_profile(request)
    now = timezone.now()
    shown = organisation_filter(request, organisation_choices(person), "claims")
    rows = time_to_claim(request.user, now, shown.chosen)
    claims = queries.own_claims(request.user)
    if shown.chosen:
        claims = claims.filter(organisation_id=shown.chosen)
    context = {
        "organisation_filter": shown,
        "time_to_claim": rows,
        "time_total": total(rows),
        "time_form": TimeFromAttendanceForm(rows=rows),
        "claims": claims,
        "payment_choices": _payment_choices(request, shown),
        "remittances": [
            (batch, paid)
            for batch, paid in queries.my_remittances(request.user)
            if not shown.chosen or batch.organisation_id == shown.chosen
        ],
        "can_claim_time": queries.claimable_bookings(request.user, now).exists(),
        "can_claim_expenses": queries.accepted_offers_of(request.user).exists(),
        "can_ask_for_travel": bool(_travel_sessions(request)),
    }
    return render(request, "payments/my_claims.html", context)


@membership_required
def my_claim(request: Request, claim_id: int) -> HttpResponse:
    own_profile(request)
    claim = queries.get_own_claim(request.user, claim_id)
    return render(
        request,
        "payments/my_claim.html",
        {
            "claim": claim,
            "events": queries.events_of(claim),
            "done_for_me": queries.acted_for_claim(claim),
            "can_withdraw": claim.status == ClaimStatus.SUBMITTED,
        },
    )


@membership_required
@require_POST
def my_claim_withdraw(request: Request, claim_id: int) -> HttpResponse:
    _, membership = own_profile(request)
    claim = queries.get_own_claim(request.user, claim_id)
    try:
        services.withdraw_claim(claim, by=membership)
    except DomainError as error:
        context = {
            "claim": claim,
            "events": queries.events_of(claim),
            "form": refusal(error.message),
        }
        return render(request, "payments/my_claim.html", context, status=refused_status(error))
    messages.success(request, "Your claim is withdrawn.")
    return redirect("payments:my_claim", claim_id=claim.pk)


@membership_required
def my_expense_claim(request: Request) -> HttpResponse:
    person, membership = own_profile(request)
    offers = {o.pk: o for o in queries.accepted_offers_of(request.user)}
    choices = [(pk, f"{o.opportunity.title} ({o.organisation.name})") for pk, o in offers.items()]
    form = ExpenseClaimForm(
        posted(request), request.FILES if request.method == "POST" else None, offers=choices
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim = services.submit_expense_claim(
                person=person,
                offer=offers[data["offer_id"]],
                category=data["category"],
                amount=data["amount"],
                description=data["description"],
                receipt=data["receipt"] or None,
                by=membership,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your expenses claim is sent for approval.")
            return redirect("payments:my_claim", claim_id=claim.pk)
    context = {
        "form": form,
        "offers": choices,
        "agreements": [(offer, agreed_expenses(offer)) for offer in offers.values()],
    }
    return render(request, "payments/my_expense_claim.html", context, status=form_status(form))


def _travel_sessions(request: Request) -> dict[int, Attendance]:
    """Sessions to come, of work whose accepted offer pays travel in advance."""
    found = {}
    for booking in queries.travel_bookings(request.user, timezone.now()):
        offer = queries.offer_for_session(request.user, booking.session.opportunity_id)
        if offer is not None and agreed_expenses(offer).travel_in_advance:
            found[booking.session_id] = booking
    return found


@membership_required
def my_travel_advance(request: Request) -> HttpResponse:
    person, membership = own_profile(request)
    bookings = _travel_sessions(request)
    sessions = [
        (
            session_id,
            f"{b.session.opportunity.title} ({b.session.opportunity.organisation.name}), "
            f"{_when(b)}",
        )
        for session_id, b in bookings.items()
    ]
    form = TravelAdvanceForm(posted(request), sessions=sessions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        booking = bookings[data["session_id"]]
        offer = queries.offer_for_session(request.user, booking.session.opportunity_id)
        assert offer is not None  # only sessions of accepted offers are listed
        try:
            claim = services.request_travel_advance(
                person=person,
                offer=offer,
                session_id=booking.session_id,
                amount=data["amount"],
                description=data["description"],
                by=membership,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                "Your request is sent. The coordinator will pay your travel before the session.",
            )
            return redirect("payments:my_claim", claim_id=claim.pk)
    return render(
        request,
        "payments/my_travel_advance.html",
        {"form": form, "sessions": sessions},
        status=form_status(form),
    )


def _benefits_check(offer: Offer) -> BenefitsCheck | None:
    """What the person's benefit rules say about the work they agreed, beside the choice
    to be paid less or not at all."""
    agreement = agreement_of(offer)
    if agreement is None:
        return None
    return check_offer(
        offer.person,
        offer_id=offer.pk,
        opportunity_id=offer.opportunity_id,
        content=agreement.content,
    )


@membership_required
def payment_choice(request: Request, accepted_offer_id: int) -> HttpResponse:
    person, membership = own_profile(request)
    offer = queries.get_accepted_offer(request.user, accepted_offer_id)
    fee = agreed_fee(offer)
    current = queries.latest_choice(offer.person, offer.opportunity_id)
    initial = {"choice": current.choice, "amount": current.amount} if current else {}
    form = RewardChoiceForm(posted(request), initial=initial, unit=fee.unit)
    if request.method == "POST" and fee.has_rate and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_reward_choice(
                person=offer.person,
                opportunity=offer.opportunity,
                choice=data["choice"],
                amount=data["amount"],
                reason=data["reason"],
                by=membership,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                "Your choice is saved. Your contribution is recorded and recognised the same "
                "whichever you choose.",
            )
            return redirect("payments:my_claims")
    context = {
        "offer": offer,
        "fee": fee,
        "explanation": choice_explanation(fee),
        "current": current,
        "form": form,
        "history": queries.choices_of(offer.person, offer.opportunity_id),
        "person": person,
        "benefits_check": _benefits_check(offer),
    }
    return render(request, "payments/payment_choice.html", context, status=form_status(form))

"""Mileage: the person's claim for a journey (the amount worked out from the dated HMRC
rates, shown before they send it) and the organisation's mileage rate card, which
coordinators read and admins add to."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.payments import queries, services
from powerwith.payments.fees import agreed_expenses
from powerwith.payments.forms import MileageClaimForm, MileageRateForm
from powerwith.payments.mileage import Rate, rate_card, rate_of
from powerwith.payments.models import MileageRate, Vehicle
from powerwith.payments.views.mine import own_profile


@membership_required
def my_mileage_claim(request: Request) -> HttpResponse:
    person, membership = own_profile(request)
    offers = {o.pk: o for o in queries.accepted_offers_of(request.user)}
    choices = [(pk, f"{o.opportunity.title} ({o.organisation.name})") for pk, o in offers.items()]
    form = MileageClaimForm(posted(request), offers=choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            claim = services.submit_mileage_claim(
                person=person,
                offer=offers[data["offer_id"]],
                miles=data["miles"],
                passengers=data["passengers"],
                vehicle=data["vehicle"],
                journey_from=data["journey_from"],
                journey_to=data["journey_to"],
                travelled_on=data["travelled_on"],
                by=membership,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request, f"Your mileage claim for £{claim.amount} is sent for approval."
            )
            return redirect("payments:my_claim", claim_id=claim.pk)
    today = timezone.localdate()
    organisations = {o.organisation_id: o.organisation for o in offers.values()}
    context = {
        "form": form,
        "offers": choices,
        "agreements": [(offer, agreed_expenses(offer)) for offer in offers.values()],
        "cards": [(org, rate_card(org, today)) for org in organisations.values()],
    }
    return render(request, "payments/my_mileage_claim.html", context, status=form_status(form))


@dataclass(frozen=True)
class RateRow:
    line: MileageRate
    rate: Rate
    state: str


def _rows(lines: list[MileageRate], today: date) -> list[tuple[str, list[RateRow]]]:
    """Each vehicle's lines, newest first: those still to come, the one in use, and the
    ones it replaced."""
    found = []
    for vehicle in Vehicle:
        rows, current_seen = [], False
        for line in (x for x in lines if x.vehicle == vehicle):
            if line.applies_from > today:
                state = "From a later date"
            elif not current_seen:
                state, current_seen = "In use now", True
            else:
                state = "Replaced"
            rows.append(RateRow(line, rate_of(line), state))
        found.append((str(vehicle.label), rows))
    return found


@membership_required
def mileage_rates(request: Request) -> HttpResponse:
    membership = membership_of(request)
    lines = list(queries.mileage_rates_of(membership))
    can_set = can(membership, Capability.SET_RATES)
    if request.method == "POST" and not can_set:
        raise PermissionDenied("Only an organisation admin can add a mileage rate.")
    form = MileageRateForm(posted(request)) if can_set else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            line = services.add_mileage_rate(by=membership, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                f"The new rate for a {line.get_vehicle_display().lower()} is saved. It is "
                f"used from {line.applies_from:%-d %B %Y}.",
            )
            return redirect("payments:mileage_rates")
    today = timezone.localdate()
    context = {
        "form": form,
        "can_set": can_set,
        "in_use": rate_card(membership.organisation, today),
        "vehicles": _rows(lines, today),
    }
    return render(request, "payments/mileage_rates.html", context, status=form_status(form))

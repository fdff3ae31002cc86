"""The organisation's rate card: admins add dated rates, coordinators read them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.choices import PER_BASIS, RewardBasis
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.opportunities import queries, services
from powerwith.opportunities.forms import RateForm
from powerwith.opportunities.models import RateCard
from powerwith.opportunities.rules import PAID_BASES, money


@dataclass(frozen=True)
class RateRow:
    rate: RateCard
    state: str
    amount: str


@dataclass(frozen=True)
class Basis:
    label: str
    rows: list[RateRow]


def _bases(rates: list[RateCard], today: dt.date) -> list[Basis]:
    """Each basis's rates, newest first: those still to come, the one in use, and the
    ones it replaced."""
    bases = []
    for basis in PAID_BASES:
        rows, current_seen = [], False
        for rate in (r for r in rates if r.basis == basis):
            if rate.valid_from > today:
                state = "From a later date"
            elif not current_seen:
                state, current_seen = "In use now", True
            else:
                state = "Replaced"
            rows.append(RateRow(rate, state, f"{money(rate.amount)} {PER_BASIS[basis]}"))
        bases.append(Basis(str(RewardBasis(basis).label), rows))
    return bases


@membership_required
def rate_card(request: Request) -> HttpResponse:
    membership = membership_of(request)
    rates = list(queries.rates_of(membership))
    can_set = can(membership, Capability.SET_RATES)
    if request.method == "POST" and not can_set:
        raise PermissionDenied("Only an organisation admin can change the rate card.")
    form = RateForm(posted(request)) if can_set else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            rate = services.set_rate(by=membership, **form.values())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                f"The new rate of {money(rate.amount)} {PER_BASIS[rate.basis]} is saved. It is "
                f"used from {rate.valid_from:%-d %B %Y}.",
            )
            return redirect("opportunities:rates")
    context = {"form": form, "bases": _bases(rates, timezone.localdate()), "can_set": can_set}
    return render(request, "opportunities/rates.html", context, status=form_status(form))

"""The person's own "My consents" page: what they have agreed to with the organisation
they are acting in, and a one-step withdrawal for each, with no reason asked."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.consent import queries, services
from powerwith.consent.forms import WithdrawForm
from powerwith.consent.queries import ConsentState
from powerwith.consent.wording import Scope
from powerwith.errors import DomainError
from powerwith.http import Request
from powerwith.people.models import Person
from powerwith.people.queries import person_of
from powerwith.web import membership_required

INVALID = 400


@dataclass(frozen=True)
class Row:
    consent: ConsentState
    label: str
    context: str


def _me(request: Request) -> tuple[Membership, Person]:
    person = person_of(request.user)
    if person is None or request.membership is None:
        raise Http404("You do not have a profile.")
    return request.membership, person


def _page(request: Request, form: WithdrawForm | None = None, status: int = 200) -> HttpResponse:
    membership, person = _me(request)
    consents = queries.current_consents(membership, person)
    titles = queries.opportunity_titles(membership, consents)
    rows = [
        Row(
            consent=c,
            label=Scope(c.scope).label,
            context=titles.get(c.opportunity_id, "") if c.opportunity_id else "",
        )
        for c in consents
    ]
    context = {"rows": rows, "organisation": membership.organisation, "form": form}
    return render(request, "consent/my_consents.html", context, status=status)


@membership_required
def my_consents(request: Request) -> HttpResponse:
    return _page(request)


@require_POST
@membership_required
def withdraw(request: Request) -> HttpResponse:
    membership, person = _me(request)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        form.add_error(None, "That consent could not be found. Choose one from the list.")
        return _page(request, form, status=INVALID)
    try:
        services.withdraw_consent(
            person=person,
            scope=form.cleaned_data["scope"],
            actor=membership,
            opportunity=queries.context_opportunity(
                membership, form.cleaned_data["opportunity_id"]
            ),
            output_id=form.cleaned_data["output_id"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _page(request, form, status=error.status_code)
    label = Scope(form.cleaned_data["scope"]).label
    messages.success(request, f"You have withdrawn your consent: {label}.")
    return redirect("consent:my_consents")

"""How each person is paid: the person's page to choose their route (from a day on),
and the staff page recording the organisation's employment-status decision for a
person and a kind of work, which decides the routes open to them."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.accounts.queries import memberships_of, own_membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    organisation_filter,
    posted,
)
from powerwith.payments import queries, services
from powerwith.payments.forms import EmploymentStatusForm, PayRouteForm
from powerwith.payments.models import PayRoute
from powerwith.payments.routes import QUESTIONS, WORDS, route_on, routes_open_to
from powerwith.payments.views.mine import own_profile
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for, organisation_choices


def _route_part(
    person: Person, membership: Membership, today: date, data: QueryDict | None = None
) -> dict[str, Any]:
    """How one organisation pays the person, and the form to change it: each organisation
    is asked separately, so each form's ids are its own and the form names its
    organisation."""
    organisation_id = membership.organisation_id
    open_routes = routes_open_to(person, organisation_id, today)
    current = route_on(person, organisation_id, today)
    form = PayRouteForm(
        data,
        initial={"route": current},
        open_routes=open_routes,
        words=WORDS,
        auto_id=f"organisation-{organisation_id}-%s",
    )
    return {
        "organisation": membership.organisation,
        "form": form,
        "current": PayRoute(current).label,
        "current_words": WORDS[current],
        "routes": [(label, WORDS[v]) for v, label in PayRoute.choices if v in open_routes],
        "history": queries.route_choices_of(person, membership),
        "decisions": queries.decisions_of(person, membership),
    }


@membership_required
def my_pay_route(request: Request) -> HttpResponse:
    """Every organisation's route for the person, each labelled, and a form for each: the
    person changes one organisation's without switching to it. A post names its
    organisation (``organisation``), which must be one the person works with (else 404),
    and is the current one when it names none."""
    person, current = own_profile(request)
    today = timezone.localdate()
    data = posted(request)
    chosen = own_membership(request.user, request.POST.get("organisation"), current)
    shown = organisation_filter(request, organisation_choices(person), "how you are paid")
    sent = None
    if data is not None:
        sent = _route_part(person, chosen, today, data)
        form = sent["form"]
        if form.is_valid():
            try:
                choice = services.choose_pay_route(
                    person=person,
                    by=chosen,
                    route=form.cleaned_data["route"],
                    applies_from=form.cleaned_data["applies_from"],
                    charity=form.cleaned_data["charity"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request,
                    f"Your choice is saved: {choice.get_route_display().lower()} from "
                    f"{choice.applies_from:%-d %B %Y}, for {chosen.organisation.name}.",
                )
                return redirect("payments:my_pay_route")
    # Only where the person is a member: a choice is recorded by their own membership.
    memberships = {m.organisation_id: m for m in memberships_of(request.user)}
    parts = []
    for organisation_id, _ in shown.options:
        if organisation_id == chosen.organisation_id and sent is not None:
            parts.append(sent)
        elif shown.keeps(organisation_id) and organisation_id in memberships:
            parts.append(_route_part(person, memberships[organisation_id], today))
    form = sent["form"] if sent is not None else None
    context = {"parts": parts, "form": form, "organisation_filter": shown}
    return render(request, "payments/my_pay_route.html", context, status=form_status(form))


@membership_required
def employment_status(request: Request, person_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_manager(membership)
    person = get_person_for(membership, person_id)
    form = EmploymentStatusForm(posted(request), questions=QUESTIONS)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.record_employment_status(
                person=person,
                by=membership,
                commitment=data["commitment"],
                answers=form.answers(QUESTIONS),
                outcome=data["outcome"],
                review_on=data["review_on"],
                reasons=data["reasons"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                f"The decision is recorded: {decision.get_outcome_display().lower()}, "
                f"to be reviewed by {decision.review_on:%-d %B %Y}.",
            )
            return redirect("payments:employment_status", person_id=person.pk)
    context = {
        "person": person,
        "form": form,
        "questions": QUESTIONS,
        "decisions": queries.decisions_of(person, membership),
        "route": PayRoute(route_on(person, membership.organisation_id, timezone.localdate())),
    }
    return render(request, "payments/employment_status.html", context, status=form_status(form))

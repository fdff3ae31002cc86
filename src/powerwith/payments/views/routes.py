"""How each person is paid: the person's page to choose their route (from a day on),
and the staff page recording the organisation's employment-status decision for a
person and a kind of work, which decides the routes open to them."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.payments import queries, services
from powerwith.payments.forms import EmploymentStatusForm, PayRouteForm
from powerwith.payments.models import PayRoute
from powerwith.payments.routes import QUESTIONS, WORDS, route_on, routes_open_to
from powerwith.payments.views.mine import own_profile
from powerwith.people.queries import get_person_for


@membership_required
def my_pay_route(request: Request) -> HttpResponse:
    person, membership = own_profile(request)
    today = timezone.localdate()
    organisation_id = membership.organisation_id
    open_routes = routes_open_to(person, organisation_id, today)
    current = route_on(person, organisation_id, today)
    form = PayRouteForm(
        posted(request), initial={"route": current}, open_routes=open_routes, words=WORDS
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            choice = services.choose_pay_route(
                person=person,
                by=membership,
                route=data["route"],
                applies_from=data["applies_from"],
                charity=data["charity"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                f"Your choice is saved: {choice.get_route_display().lower()} from "
                f"{choice.applies_from:%-d %B %Y}.",
            )
            return redirect("payments:my_pay_route")
    context = {
        "form": form,
        "current": PayRoute(current).label,
        "current_words": WORDS[current],
        "routes": [(label, WORDS[v]) for v, label in PayRoute.choices if v in open_routes],
        "history": queries.route_choices_of(person, membership),
        "decisions": queries.decisions_of(person, membership),
        "organisation": membership.organisation,
    }
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

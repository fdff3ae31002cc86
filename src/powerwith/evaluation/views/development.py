"""Development plans: the person's own pages, and the pages where coordinators and admins
of an organisation the person works with offer actions and record progress.

Staff reach a person through ``queries_development.person_for_plan`` and an action
through the organisation's own actions, so anyone else's is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.evaluation.forms.development import CommentForm, OfferActionForm, ProgressForm
from powerwith.evaluation.queries import development as queries
from powerwith.evaluation.services.development import (
    comment_on_action,
    offer_action,
    record_progress,
)
from powerwith.people.models import Person
from powerwith.people.queries import person_of


def _staff(request: Request, person_id: int) -> tuple[Membership, Person]:
    membership = membership_of(request)
    return membership, queries.person_for_plan(membership, person_id)


@membership_required
def person_plan(request: Request, dev_person_id: int) -> HttpResponse:
    membership, person = _staff(request, dev_person_id)
    form = OfferActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            offer_action(by=membership, person=person, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"The action is added to {person.preferred_name}'s plan.")
            return redirect("evaluation:person_development", dev_person_id=person.pk)
    return render(
        request,
        "evaluation/development_person.html",
        {
            "person": person,
            "goals": queries.goals_for(membership, person),
            "actions": queries.actions_offered(membership, person),
            "organisation": membership.organisation,
            "form": form,
        },
        status=form_status(form),
    )


@membership_required
def person_action(request: Request, dev_person_id: int, dev_action_id: int) -> HttpResponse:
    membership, person = _staff(request, dev_person_id)
    view = queries.get_action_for(membership, person, dev_action_id)
    form = ProgressForm(posted(request), initial={"status": view.progress})
    if request.method == "POST" and form.is_valid():
        try:
            record_progress(by=membership, action=view.action, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The progress is saved.")
            return redirect(
                "evaluation:person_development_action",
                dev_person_id=person.pk,
                dev_action_id=view.action.pk,
            )
    return render(
        request,
        "evaluation/development_action.html",
        {"person": person, "view": view, "form": form, "own": False},
        status=form_status(form),
    )


@login_required
def my_plan(request: Request) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return render(
        request,
        "evaluation/my_development.html",
        {"goals": queries.own_goals(person), "actions": queries.my_actions(person)},
    )


@login_required
def my_action(request: Request, my_dev_action_id: int) -> HttpResponse:
    view = queries.get_my_action(request.user, my_dev_action_id)
    form = CommentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            comment_on_action(user=request.user, action=view.action, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your comment is added.")
            return redirect("evaluation:my_development_action", my_dev_action_id=view.action.pk)
    return render(
        request,
        "evaluation/development_action.html",
        {"person": view.action.person, "view": view, "form": form, "own": True},
        status=form_status(form),
    )

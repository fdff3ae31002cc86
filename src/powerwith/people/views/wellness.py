"""The Wellness Action Plan: the person's own pages (read, change, choose who may read
it, print), and the page a reader they chose sees.

No one else reaches a plan: a coordinator, admin or contact person who was not chosen is
answered 404, as if there were no plan.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required
from powerwith.people import queries
from powerwith.people.choices import What
from powerwith.people.forms.wellness import QUESTIONS, ReadersForm, WellnessPlanForm
from powerwith.people.models import Person, WellnessActionPlan
from powerwith.people.queries import wellness as queries_wellness
from powerwith.people.reads import record_read
from powerwith.people.services import wellness as services_wellness
from powerwith.people.views.documents import pdf_download, print_page

DOCUMENT = "people/wellness_document.html"


def _own_person(request: Request) -> Person:
    person = queries.person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person


def plan_sections(plan: WellnessActionPlan | None) -> list[tuple[str, str, str]]:
    """Each section as (anchor, MIND's question, the person's words)."""
    return [
        (name.replace("_", "-"), question, getattr(plan, name) if plan else "")
        for name, (question, _) in QUESTIONS.items()
    ]


def _plan_context(person: Person, plan: WellnessActionPlan | None) -> dict[str, Any]:
    return {"person": person, "plan": plan, "sections": plan_sections(plan)}


@login_required
def my_plan(request: Request) -> HttpResponse:
    person = _own_person(request)
    plan = queries_wellness.plan_of(person)
    context = {
        **_plan_context(person, plan),
        "readers": queries_wellness.readers_of(plan) if plan else [],
        "own": True,
    }
    return render(request, "people/wellness_plan.html", context)


@login_required
def my_plan_edit(request: Request) -> HttpResponse:
    person = _own_person(request)
    plan = queries_wellness.plan_of(person)
    data = request.POST if request.method == "POST" else None
    form = WellnessPlanForm(data, initial=WellnessPlanForm.initial_from(plan))
    if request.method == "POST" and form.is_valid():
        try:
            services_wellness.save_plan(
                person,
                user=request.user,
                sections=form.sections(),
                review_date=form.cleaned_data["review_date"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your Wellness Action Plan is saved.")
            return redirect("people:my_wellness_plan")
    return render(
        request,
        "people/wellness_plan_edit.html",
        {"form": form, "plan": plan},
        status=form_status(form),
    )


@login_required
def my_plan_readers(request: Request) -> HttpResponse:
    person = _own_person(request)
    plan = queries_wellness.plan_of(person)
    candidates = queries_wellness.reader_candidates(person)
    current = [reader.pk for reader in queries_wellness.readers_of(plan)] if plan else []
    data = request.POST if request.method == "POST" else None
    form = ReadersForm(data, candidates=candidates, initial={"readers": current})
    if request.method == "POST" and form.is_valid():
        try:
            services_wellness.choose_readers(
                person, user=request.user, reader_ids=form.cleaned_data["readers"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Who can read your plan is saved.")
            return redirect("people:my_wellness_plan")
    context = {"form": form, "candidates": candidates}
    return render(request, "people/wellness_readers.html", context, status=form_status(form))


def _printable(request: Request) -> tuple[Person, WellnessActionPlan]:
    person = _own_person(request)
    plan = queries_wellness.plan_of(person)
    if plan is None:
        raise Http404("You have not written a Wellness Action Plan yet.")
    return person, plan


@login_required
def my_plan_print(request: Request) -> HttpResponse:
    person, plan = _printable(request)
    return print_page(DOCUMENT, _plan_context(person, plan))


@login_required
def my_plan_pdf(request: Request) -> HttpResponse:
    person, plan = _printable(request)
    return pdf_download(DOCUMENT, _plan_context(person, plan), "wellness-action-plan.pdf")


@membership_required
def person_plan(request: Request, plan_person_id: int) -> HttpResponse:
    """A plan the person chose to share with this user; 404 for everyone else."""
    membership = membership_of(request)
    plan = queries_wellness.plan_shared_with(membership, plan_person_id)
    record_read(
        viewer=membership, person=plan.person, what=What.WELLNESS_ACTION_PLAN, where=request.path
    )
    context = {**_plan_context(plan.person, plan), "own": False}
    return render(request, "people/wellness_plan.html", context)


urlpatterns: list[URLPattern] = [
    path("my-wellness-action-plan/", my_plan, name="my_wellness_plan"),
    path("my-wellness-action-plan/edit/", my_plan_edit, name="my_wellness_plan_edit"),
    path("my-wellness-action-plan/readers/", my_plan_readers, name="my_wellness_plan_readers"),
    path("my-wellness-action-plan/print/", my_plan_print, name="my_wellness_plan_print"),
    path("my-wellness-action-plan/plan.pdf", my_plan_pdf, name="my_wellness_plan_pdf"),
    path(
        "people/<int:plan_person_id>/wellness-action-plan/",
        person_plan,
        name="person_wellness_plan",
    ),
]

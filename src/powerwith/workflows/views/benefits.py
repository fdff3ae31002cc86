"""Benefits: the organisation's benefits-advice page (kept by its admins, read by
people before they accept paid work), a letter the person can hand to their Jobcentre
about work they are offered, the person's own weekly earnings limits, and which benefit's
rules apply to them (if they choose to say).

The letter, the limits and the benefit are the person's own: reached only through their own profile
and their own offers, never by staff.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.offers import queries as offer_queries
from powerwith.offers.models import Offer
from powerwith.offers.renderings import words
from powerwith.people import queries
from powerwith.people.forms.wellness import (
    RATHER_NOT_SAY,
    BenefitsAdviceForm,
    BenefitsSituationForm,
    EarningsLimitForm,
)
from powerwith.people.models import Person
from powerwith.people.queries import wellness as queries_wellness
from powerwith.people.services import benefits as services_benefits
from powerwith.people.views.documents import pdf_download, print_page

LETTER = "people/benefits_letter.html"


def _own_person(request: Request) -> Person:
    person = queries.person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person


@membership_required
def benefits_advice(request: Request) -> HttpResponse:
    """The benefits advice of each organisation the reader works with: for a person, every
    organisation they work with; for staff, their own."""
    membership = membership_of(request)
    is_person = not can(membership, Capability.WORK_AS_STAFF)
    if is_person:
        person = _own_person(request)
        organisations = [link.organisation for link in queries.links_of(person)]
    else:
        organisations = [membership.organisation]
    context = {
        "organisations": organisations,
        "can_edit": can(membership, Capability.CHANGE_SETTINGS),
        "is_person": is_person,
    }
    return render(request, "people/benefits_advice.html", context)


@membership_required
def benefits_advice_edit(request: Request) -> HttpResponse:
    membership = membership_of(request)
    if not can(membership, Capability.CHANGE_SETTINGS):
        raise PermissionDenied("Only an organisation admin can change the benefits advice.")
    organisation = membership.organisation
    data = request.POST if request.method == "POST" else None
    form = BenefitsAdviceForm(data, initial={"benefits_advice": organisation.benefits_advice})
    if request.method == "POST" and form.is_valid():
        try:
            services_benefits.set_benefits_advice(
                by=membership, text=form.cleaned_data["benefits_advice"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The benefits advice is saved. People see it from now on.")
            return redirect("people:benefits_advice")
    context = {"form": form, "organisation": organisation}
    return render(request, "people/benefits_advice_edit.html", context, status=form_status(form))


def _letter_context(request: Request, letter_offer_id: int) -> tuple[Offer, dict[str, Any]]:
    offer = offer_queries.get_own_offer(request.user, letter_offer_id)
    version = offer_queries.latest_version(offer)
    if version is None:
        raise Http404("No such offer.")
    content = dict(version.content)
    person = offer.person
    context = {
        "offer": offer,
        "content": content,
        "name": person.full_name or person.preferred_name,
        "organisation": content["organisation"],
        "title": content["opportunity"]["title"],
        "where": words.where(content),
        "sessions": words.sessions(content),
        "hours_per_week": words.hours_per_week(content),
        "total_time": words.duration(words.total_minutes(content)) if content["sessions"] else None,
        "rate": words.rate(content),
        "total": words.total(content),
        "voluntary": words.is_voluntary(content),
        "accepted": offer.status == "accepted",
        "today": timezone.localdate(),
    }
    return offer, context


@login_required
def jobcentre_letter(request: Request, letter_offer_id: int) -> HttpResponse:
    _, context = _letter_context(request, letter_offer_id)
    return print_page(LETTER, context)


@login_required
def jobcentre_letter_pdf(request: Request, letter_offer_id: int) -> HttpResponse:
    offer, context = _letter_context(request, letter_offer_id)
    return pdf_download(LETTER, context, f"letter-about-work-offer-{offer.pk}.pdf")


@login_required
def my_earnings_limit(request: Request) -> HttpResponse:
    person = _own_person(request)
    data = request.POST if request.method == "POST" else None
    form = EarningsLimitForm(data)
    if request.method == "POST" and form.is_valid():
        try:
            services_benefits.add_earnings_limit(
                person,
                user=request.user,
                weekly_amount=form.cleaned_data["weekly_amount"],
                valid_from=form.cleaned_data["valid_from"],
                note=form.cleaned_data["note"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your weekly earnings limit is saved.")
            return redirect("people:my_earnings_limit")
    limits = queries_wellness.earnings_limits_of(person)
    context = {
        "form": form,
        "limits": limits,
        "in_force": queries_wellness.limit_in_force(limits, timezone.localdate()),
    }
    return render(request, "people/earnings_limit.html", context, status=form_status(form))


@login_required
def my_benefits(request: Request) -> HttpResponse:
    """The person says which benefit's rules apply to them, or that they would rather not
    say (the answer we start from, which keeps nothing)."""
    person = _own_person(request)
    situation = queries_wellness.benefits_situation_of(person)
    initial = (
        {"benefit": situation.benefit, "shared": situation.shared}
        if situation is not None
        else {"benefit": RATHER_NOT_SAY}
    )
    form = BenefitsSituationForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services_benefits.choose_benefit(
                person,
                user=request.user,
                benefit=form.benefit_code(),
                shared=form.cleaned_data["shared"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Your answer is saved.")
            return redirect("people:my_benefits")
    context = {"form": form, "situation": situation}
    return render(request, "people/my_benefits.html", context, status=form_status(form))


urlpatterns: list[URLPattern] = [
    path("benefits-advice/", benefits_advice, name="benefits_advice"),
    path("organisation/benefits-advice/", benefits_advice_edit, name="benefits_advice_edit"),
    path(
        "my-offers/<int:letter_offer_id>/jobcentre-letter/",
        jobcentre_letter,
        name="jobcentre_letter",
    ),
    path(
        "my-offers/<int:letter_offer_id>/jobcentre-letter.pdf",
        jobcentre_letter_pdf,
        name="jobcentre_letter_pdf",
    ),
    path("my-earnings-limit/", my_earnings_limit, name="my_earnings_limit"),
    path("my-benefits/", my_benefits, name="my_benefits"),
]

"""An organisation's admin erases a person's information on their behalf, when the person
asked by phone, by letter or in person (someone on the register without a login).

The rules, and why a person with a login is refused, are in
``services.erasure_refusal``."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required, refusal
from powerwith.privacy import queries, services
from powerwith.privacy.forms import StaffEraseForm


@membership_required
def erase_person(request: Request, erase_person_id: int) -> HttpResponse:
    membership = membership_of(request)
    person = queries.person_to_erase(membership, erase_person_id)
    refused = services.erasure_refusal(person)
    context: dict[str, object] = {
        "person": person,
        "refused": refused,
        "removed": services.REMOVED,
        "kept": services.KEPT,
    }
    if refused is not None:
        # Nothing to confirm: the page says why, and a POST changes nothing.
        context["form"] = refusal(refused)
        return render(request, "privacy/erase_person.html", context)
    form = StaffEraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_person(
                person,
                request.user,
                organisation=membership.organisation,
                how_asked=form.cleaned_data["how_asked"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The person’s information has been erased.")
            return redirect("people:register")
    context["form"] = form
    return render(request, "privacy/erase_person.html", context, status=form_status(form))


urlpatterns: list[URLPattern] = [
    path("people/<int:erase_person_id>/erase/", erase_person, name="erase_person"),
]

"""A person's own pages for how they hear from organisations: their channel, reminders
and the supporters they name. No person id in the URLs: each page is the logged-in
person's own (a supporter id is looked up among their own supporters only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.phones import for_reading
from powerwith.core.web import add_domain_error, form_status, posted
from powerwith.people import queries, services
from powerwith.people.choices import SupporterMay
from powerwith.people.forms.contact import ContactPreferencesForm, SupporterForm
from powerwith.people.models import Person
from powerwith.people.queries.supporters import own_supporter, signed_in, supporters_of
from powerwith.people.services.supporter_logins import invite_supporter, may_be_invited
from powerwith.people.services.supporters import add_supporter, change_supporter, remove_supporter


def _own_person(request: Request) -> Person:
    person = queries.person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    return person


@login_required
def my_contact(request: Request) -> HttpResponse:
    person = _own_person(request)
    form = ContactPreferencesForm(
        posted(request), initial=ContactPreferencesForm.initial_from(person)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_person(
                person, user=request.user, membership=None, changes=form.changes()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Saved. We will use this from now on.")
            return redirect("people:my_contact")
    context = {"form": form, "person": person}
    return render(request, "people/self/contact.html", context, status=form_status(form))


def _supporter_rows(person: Person) -> list[dict[str, object]]:
    labels = dict(SupporterMay.choices)
    return [
        {
            "supporter": supporter,
            "phone": for_reading(supporter.phone) if supporter.phone else "",
            "may": [labels[code] for code in supporter.may if code in labels],
            "may_be_invited": may_be_invited(supporter),
            "signed_in": signed_in(supporter),
        }
        for supporter in supporters_of(person)
    ]


@login_required
def my_supporters(request: Request) -> HttpResponse:
    person = _own_person(request)
    form = SupporterForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            supporter = add_supporter(
                person, user=request.user, membership=None, details=form.details()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"{supporter.name} is now one of your supporters.")
            return redirect("people:my_supporters")
    context = {"form": form, "rows": _supporter_rows(person)}
    return render(request, "people/self/supporters.html", context, status=form_status(form))


@login_required
def my_supporter(request: Request, supporter_id: int) -> HttpResponse:
    person = _own_person(request)
    supporter = own_supporter(person, supporter_id)
    form = SupporterForm(posted(request), initial=SupporterForm.initial_from(supporter))
    if request.method == "POST" and form.is_valid():
        try:
            change_supporter(supporter, user=request.user, membership=None, details=form.details())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"Saved what {supporter.name} may do.")
            return redirect("people:my_supporters")
    context = {"form": form, "supporter": supporter}
    return render(request, "people/self/supporter.html", context, status=form_status(form))


@login_required
@require_POST
def my_supporter_remove(request: Request, supporter_id: int) -> HttpResponse:
    person = _own_person(request)
    supporter = own_supporter(person, supporter_id)
    remove_supporter(supporter, user=request.user, membership=None)
    messages.success(
        request, f"{supporter.name} is no longer your supporter. This applies straight away."
    )
    return redirect("people:my_supporters")


@login_required
@require_POST
def my_supporter_invite(request: Request, supporter_id: int) -> HttpResponse:
    person = _own_person(request)
    supporter = own_supporter(person, supporter_id)
    try:
        invite_supporter(supporter, user=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            f"We have emailed {supporter.name} a link to make their own login. It works "
            "once, for 7 days.",
        )
    return redirect("people:my_supporters")


urlpatterns: list[URLPattern] = [
    path("my-profile/how-we-contact-you/", my_contact, name="my_contact"),
    path("my-profile/supporters/", my_supporters, name="my_supporters"),
    path("my-profile/supporters/<int:supporter_id>/", my_supporter, name="my_supporter"),
    path(
        "my-profile/supporters/<int:supporter_id>/invite/",
        my_supporter_invite,
        name="my_supporter_invite",
    ),
    path(
        "my-profile/supporters/<int:supporter_id>/remove/",
        my_supporter_remove,
        name="my_supporter_remove",
    ),
]

"""Small helpers shared by the HTML views."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBase, QueryDict
from django.shortcuts import render

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can

View = Callable[..., HttpResponse]
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def membership_required(view: View) -> View:
    """Logged in and acting for an organisation; a user with no membership is told why."""

    @login_required
    @wraps(view)
    def wrapper(request: Request, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.membership is None:
            return render(request, "no_membership.html", status=403)
        if request.method not in SAFE_METHODS and not can(
            request.membership, Capability.MAKE_CHANGES
        ):
            raise PermissionDenied("An auditor's access is read-only.")
        return view(request, *args, **kwargs)

    return wrapper


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's refusal on the form, against the field it concerns when it names one."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def refusal(message: str) -> forms.Form:
    """A form holding nothing but a service's refusal, for a page whose only action is a
    button: given to the template as ``form``, the base template's error summary shows it
    (and puts "Error:" in the title) like any other form's."""
    form = forms.Form(data={})
    form.is_valid()
    form.add_error(None, message)
    return form


INVALID = 400


def form_status(*shown: forms.BaseForm | forms.BaseFormSet[Any] | None) -> int:
    """One rule for every page with a form: it answers 400 while a form on it holds
    errors (what was sent did not pass the form's checks, or a service refused it), and
    200 otherwise. A refusal the service names as not allowed or a conflict is answered
    with its own status by ``refused_status``."""
    failed = any(form is not None and form.is_bound and not form.is_valid() for form in shown)
    return INVALID if failed else 200


def refused_status(error: DomainError) -> int:
    """A page's status for a service's refusal shown on its form: 403 or 409 when the
    service says it is not allowed or conflicts with the state of things, 400 otherwise
    (the API's 422 for a well-formed but unknown value is, on a page, one more error in
    what was sent)."""
    return error.status_code if error.status_code in (403, 409) else INVALID


def posted(request: Request) -> QueryDict | None:
    """What a form is given: the data of a POST, even an empty one (so that leaving
    everything out shows what is missing, where ``request.POST or None`` would show the
    blank form again), and nothing on any other request."""
    return request.POST if request.method == "POST" else None


def with_form_status(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Django's own form views (logging in, resetting a password) answer a form's errors
    with 200; wrapped, they keep the rule of every other page (``form_status``)."""

    @wraps(view)
    def wrapper(request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = view(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if response.status_code == 200:
            response.status_code = form_status(context.get("form"))
        return response

    return wrapper


@dataclass(frozen=True)
class OrganisationFilter:
    """Which of the organisations a person works with their own page shows: every one
    unless they chose one (``?organisation=ID``, from a GET form that works without
    JavaScript). Offered only to someone who works with more than one."""

    options: Sequence[tuple[int, str]]
    chosen: int | None
    what: str

    @property
    def several(self) -> bool:
        return len(self.options) > 1

    @property
    def chosen_name(self) -> str:
        return dict(self.options).get(self.chosen, "") if self.chosen else ""

    def keeps(self, organisation_id: int) -> bool:
        return self.chosen is None or organisation_id == self.chosen


def organisation_filter(
    request: Request, options: Sequence[tuple[int, str]], what: str
) -> OrganisationFilter:
    """The filter ``request`` asks for among ``options`` (id, name), ``what`` naming the
    things shown ("offers"). Anything but one of the person's own organisations shows
    them all: a filter never refuses, and never reaches past the person's own."""
    asked = request.GET.get("organisation", "")
    chosen = int(asked) if asked.isdigit() and len(asked) < 19 else None
    if chosen not in dict(options):
        chosen = None
    return OrganisationFilter(options=options, chosen=chosen, what=what)


def document_policy(css: str) -> str:
    """The Content-Security-Policy of a standalone document (an offer's rendering, a
    printable plan): nothing runs, nothing loads from elsewhere; only the inline
    stylesheet and the inline icons apply."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )

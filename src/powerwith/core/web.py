"""Small helpers shared by the HTML views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
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

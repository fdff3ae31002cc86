"""The organisation admin's page: how long the organisation keeps what it holds."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.web import add_domain_error, form_status, membership_required
from powerwith.privacy import queries, services
from powerwith.privacy.forms import RetentionForm


@membership_required
def retention(request: Request) -> HttpResponse:
    membership = membership_of(request)
    policy = queries.retention_policy_for(membership)
    posted = request.POST if request.method == "POST" else None
    form = RetentionForm(posted, initial=RetentionForm.initial_from(policy))
    if posted is not None and form.is_valid():
        try:
            services.set_retention(membership, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "How long information is kept is saved.")
            return redirect("privacy:retention")
    return render(
        request,
        "privacy/retention.html",
        {"form": form, "policy": policy},
        status=form_status(form),
    )


urlpatterns: list[URLPattern] = [
    path("organisation/retention/", retention, name="retention"),
]

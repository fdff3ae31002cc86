"""The organisation's settings page, for its admins: how strongly matching spreads work,
how the work runs, and whether the consent ledger's checkpoints go to its auditors. It
shows how concentrated recent paid work is (engagements), so it is served here rather than
by accounts, which sits below engagements; its path and name stay accounts'."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts import services
from powerwith.accounts.forms import CheckpointsForm, FairnessForm, WorkSettingsForm
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required
from powerwith.engagements.concentration import recent_paid_work


@membership_required
def organisation_settings(request: Request) -> HttpResponse:
    membership = membership_of(request)
    if not can(membership, Capability.CHANGE_SETTINGS):
        raise PermissionDenied("Only an organisation admin can change the organisation's settings.")
    organisation = membership.organisation
    posted = request.POST if request.method == "POST" else None
    which = request.POST.get("settings", "fairness") if posted is not None else ""
    form = FairnessForm(
        posted if which == "fairness" else None,
        initial={"fairness_weight": organisation.fairness_weight},
    )
    work_form = WorkSettingsForm(
        posted if which == "work" else None,
        initial={name: getattr(organisation, name) for name in services.WORK_SETTING_LIMITS},
    )
    checkpoints_form = CheckpointsForm(
        posted if which == "checkpoints" else None,
        initial={"checkpoints_to_auditors": organisation.checkpoints_to_auditors},
    )
    if which == "checkpoints" and checkpoints_form.is_valid():
        on = checkpoints_form.cleaned_data["checkpoints_to_auditors"]
        services.set_checkpoints_to_auditors(by=membership, on=on)
        messages.success(
            request,
            "Checkpoints will be e-mailed to your auditors."
            if on
            else "Checkpoints will not be e-mailed to your auditors.",
        )
        return redirect("accounts:organisation_settings")
    if which == "work" and work_form.is_valid():
        try:
            services.set_work_settings(by=membership, **work_form.cleaned_data)
        except DomainError as error:
            add_domain_error(work_form, error)
        else:
            messages.success(request, "How the work runs is saved.")
            return redirect("accounts:organisation_settings")
    if which == "fairness" and form.is_valid():
        try:
            services.set_fairness_weight(by=membership, weight=form.cleaned_data["fairness_weight"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The fairness weight is saved. Matching uses it from now on.")
            return redirect("accounts:organisation_settings")
    context = {
        "form": form,
        "work_form": work_form,
        "checkpoints_form": checkpoints_form,
        "concentration": recent_paid_work(organisation.pk, timezone.now()),
    }
    status = form_status(form, work_form)
    return render(request, "accounts/organisation_settings.html", context, status=status)

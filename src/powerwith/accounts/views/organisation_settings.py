"""The organisation's settings page, for its admins: how strongly matching spreads work,
how the work runs, and whether the consent ledger's checkpoints go to its auditors."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts import services
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required
from powerwith.engagements.concentration import recent_paid_work

WEIGHT_ERROR = (
    "Enter a fairness weight from 0 to 1, like 0.3. 0 ignores recent work; 1 favours "
    "people with the least recent work most strongly."
)


class FairnessForm(forms.Form):
    fairness_weight = forms.FloatField(
        label="Fairness weight",
        help_text=(
            "A number from 0 to 1. At 0, matching ignores how much recent paid work people "
            "have had. At 0.3, someone with a lot of recent paid work keeps at least 70% of "
            "their score. At 1, people with the least recent work are favoured most strongly."
        ),
        error_messages={"required": WEIGHT_ERROR, "invalid": WEIGHT_ERROR},
        widget=forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-4", "spellcheck": "false"}
        ),
    )


class WorkSettingsForm(forms.Form):
    follow_up_days = forms.IntegerField(
        label="Days after a session for the follow-up wellbeing check",
        help_text="From 1 to 28. The usual is 2.",
        min_value=1,
        max_value=28,
        error_messages={"required": "Enter the days before the follow-up wellbeing check."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    payment_target_days = forms.IntegerField(
        label="Days to pay a claim in",
        help_text="From 1 to 90. Claims not paid in this many days are flagged. The usual is 14.",
        min_value=1,
        max_value=90,
        error_messages={"required": "Enter the days to pay a claim in."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )
    reconfirm_months = forms.IntegerField(
        label="Months before an enduring consent is reconfirmed",
        help_text="From 1 to 60. After this, a consent lapses until the person reconfirms it. "
        "The usual is 12.",
        min_value=1,
        max_value=60,
        error_messages={"required": "Enter the months a consent holds."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )


class CheckpointsForm(forms.Form):
    checkpoints_to_auditors = forms.BooleanField(
        label="E-mail each consent ledger checkpoint to our auditors",
        help_text=(
            "At least once a day the worker writes a signed checkpoint of the consent "
            "ledger: its newest event's hash, how many events it holds, when, and a "
            "signature. With this on, each auditor of this organisation is e-mailed it too, "
            "so a copy lives outside this service. It holds no one's personal details."
        ),
        required=False,
    )


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

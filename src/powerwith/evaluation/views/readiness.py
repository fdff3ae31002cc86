"""The readiness self-assessment pages: the results over time, a new assessment, and one
assessment's results with its action plan. Coordinators and admins write; auditors read."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import form_status, membership_required, posted, refusal
from powerwith.evaluation.forms.readiness import ActionForm, AssessmentForm
from powerwith.evaluation.models.readiness import ReadinessAssessment
from powerwith.evaluation.queries import readiness as queries
from powerwith.evaluation.readiness import GROUP_INTRODUCTIONS
from powerwith.evaluation.services.readiness import (
    add_action,
    complete_assessment,
    mark_action_done,
)


@membership_required
def readiness(request: Request) -> HttpResponse:
    membership = membership_of(request)
    assessments = queries.assessments_of(membership)
    latest = queries.result_of(assessments[0]) if assessments else None
    return render(
        request,
        "evaluation/readiness.html",
        {
            "latest": latest,
            "earlier": assessments[1:],
            "can_write": can(membership, Capability.ASSESS_READINESS),
            "today": timezone.localdate(),
            "organisation": membership.organisation,
        },
    )


@membership_required
def readiness_new(request: Request) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    form = AssessmentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            assessment = complete_assessment(by=membership, **form.service_arguments())
        except DomainError as error:
            form.add_service_error(error)
        else:
            messages.success(request, "Your self-assessment is saved.")
            return redirect("evaluation:readiness_detail", readiness_id=assessment.pk)
    return render(
        request,
        "evaluation/readiness_new.html",
        {"form": form, "introductions": GROUP_INTRODUCTIONS},
        status=form_status(form),
    )


def _detail(
    request: Request,
    membership: Membership,
    assessment: ReadinessAssessment,
    action_form: ActionForm | None = None,
    summary_form: forms.Form | None = None,
) -> HttpResponse:
    writer = can(membership, Capability.ASSESS_READINESS)
    if writer and action_form is None:
        action_form = ActionForm(owners=queries.owners_for(membership))
    context: dict[str, Any] = {
        "result": queries.result_of(assessment),
        "can_write": writer,
        "action_form": action_form,
        "today": timezone.localdate(),
    }
    if summary_form is not None or action_form is not None:
        context["form"] = summary_form or action_form
    return render(
        request,
        "evaluation/readiness_detail.html",
        context,
        status=form_status(summary_form, action_form),
    )


@membership_required
def readiness_detail(request: Request, readiness_id: int) -> HttpResponse:
    membership = membership_of(request)
    assessment = queries.get_assessment_for(membership, readiness_id)
    if request.method != "POST":
        return _detail(request, membership, assessment)
    queries.require_writer(membership)
    form = ActionForm(request.POST, owners=queries.owners_for(membership))
    if form.is_valid():
        try:
            add_action(by=membership, assessment=assessment, **form.service_arguments())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "The action is added to the plan.")
            return redirect("evaluation:readiness_detail", readiness_id=assessment.pk)
    return _detail(request, membership, assessment, action_form=form)


@require_POST
@membership_required
def readiness_action_done(
    request: Request, readiness_id: int, readiness_action_id: int
) -> HttpResponse:
    membership = membership_of(request)
    action = queries.get_action_for(membership, readiness_id, readiness_action_id)
    try:
        mark_action_done(by=membership, action=action)
    except DomainError as error:
        assessment = queries.get_assessment_for(membership, readiness_id)
        return _detail(request, membership, assessment, summary_form=refusal(error.message))
    messages.success(request, "The action is marked done.")
    return redirect("evaluation:readiness_detail", readiness_id=readiness_id)

"""The Training Standard 1.5 evidence pages: the training courses, each course's report
(a page and a tagged PDF), and the coordinator's record of the lived-experience-first
statement."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.evaluation.services.training import record_lived_experience_first
from powerwith.people.views.documents import pdf_download
from powerwith.reports.training import queries
from powerwith.reports.training.forms import LivedExperienceFirstForm

PAGE_SIZE = 25
DOCUMENT = "reports/training_evidence_document.html"


@membership_required
def training_courses(request: Request) -> HttpResponse:
    membership = membership_of(request)
    page = Paginator(queries.courses_of(membership), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reports/training_courses.html",
        {
            "page": page,
            "reports": queries.courses_for(membership, list(page.object_list)),
            "organisation": membership.organisation,
        },
    )


@membership_required
def training_evidence(request: Request, training_opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    report = queries.evidence_for(membership, training_opportunity_id)
    return render(
        request,
        "reports/training_evidence.html",
        {
            "report": report,
            "opportunity": report.opportunity,
            "can_record": can(membership, Capability.RECORD_TRAINING_EVIDENCE),
            "organisation": membership.organisation,
        },
    )


@membership_required
def training_evidence_record(request: Request, training_opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_recorder(membership)
    opportunity = queries.course_for(membership, training_opportunity_id)
    sessions = sorted(
        (s for s in opportunity.sessions.all() if s.cancelled_at is None),
        key=lambda s: (s.starts_at, s.pk),
    )
    current = queries.recorded_evidence(opportunity)
    initial = (
        {
            "lived_experience_first": "yes" if current.lived_experience_first else "no",
            "how": current.how,
            "session": current.session_id,
        }
        if current
        else {}
    )
    form = LivedExperienceFirstForm(posted(request), sessions=sessions, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record_lived_experience_first(
                by=membership, opportunity=opportunity, **form.service_arguments()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "The evidence is recorded.")
            return redirect("reports:training_evidence", training_opportunity_id=opportunity.pk)
    return render(
        request,
        "reports/training_evidence_record.html",
        {"form": form, "opportunity": opportunity},
        status=form_status(form),
    )


@membership_required
def training_evidence_pdf(request: Request, training_opportunity_id: int) -> HttpResponse:
    membership = membership_of(request)
    report = queries.evidence_for(membership, training_opportunity_id)
    context = {
        "report": report,
        "organisation": membership.organisation,
        "made_on": timezone.localdate(),
    }
    return pdf_download(
        DOCUMENT, context, f"training-standard-1-5-evidence-{report.opportunity.pk}.pdf"
    )

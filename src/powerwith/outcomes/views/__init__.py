"""The outcomes pages: the services, one service's trend, a month's figures and the
projects linked to a service. Coordinators and admins write; auditors read."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import add_domain_error, form_status, membership_required, posted
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.outcomes import months, queries, services
from powerwith.outcomes.chart import trend_charts
from powerwith.outcomes.forms import FiguresForm, LinkForm, ServiceForm, count_field_name
from powerwith.outcomes.models import CountSource, Service
from powerwith.people.schedule import RESTRICTIVE_INTERVENTIONS

ASSOCIATION = (
    "These figures show what happened alongside the work with experts by experience: "
    "association, not cause. Many things change how often restrictive interventions are "
    "used, such as staffing, who is on the ward and changes in policy."
)


def reader(request: Request) -> Membership:
    membership = membership_of(request)
    queries.require_reader(membership)
    return membership


def _service(request: Request, service_id: int) -> tuple[Membership, Service]:
    membership = reader(request)
    return membership, queries.get_service_for(membership, service_id)


@membership_required
def outcomes(request: Request) -> HttpResponse:
    membership = reader(request)
    found = list(queries.services_of(membership))
    latest = queries.latest_totals(found)
    rows = [(service, latest.get(service.pk)) for service in found]
    return render(
        request,
        "outcomes/outcomes.html",
        {
            "rows": rows,
            "can_write": can(membership, Capability.RECORD_OUTCOMES),
            "association": ASSOCIATION,
        },
    )


@membership_required
def service_new(request: Request) -> HttpResponse:
    membership = reader(request)
    services.require_writer(membership)
    form = ServiceForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            service = services.create_service(by=membership, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, f"{service.name} is added. Record its first figures.")
            return redirect("outcomes:outcome_service", outcome_service_id=service.pk)
    return render(request, "outcomes/service_new.html", {"form": form}, status=form_status(form))


@membership_required
def service_detail(request: Request, outcome_service_id: int) -> HttpResponse:
    membership, service = _service(request, outcome_service_id)
    trend = queries.trend_of(service)
    return render(
        request,
        "outcomes/service.html",
        {
            "service": service,
            "trend": trend,
            "charts": trend_charts(trend),
            "projects": queries.projects_of(service),
            "can_write": can(membership, Capability.RECORD_OUTCOMES),
            "association": ASSOCIATION,
        },
    )


@membership_required
def service_record(request: Request, outcome_service_id: int) -> HttpResponse:
    membership, service = _service(request, outcome_service_id)
    services.require_writer(membership)
    now = timezone.now()
    initial: dict[str, object] = {}
    asked = months.parse(request.GET.get("month", ""))
    if asked is not None:
        initial["month"] = months.iso(asked)
        for code, count in queries.figures_for(service, asked).items():
            initial[count_field_name(code)] = count
    form = FiguresForm(posted(request), initial=initial, today=timezone.localdate(now))
    if request.method == "POST" and form.is_valid():
        month = form.cleaned_data["month"]
        entries = [
            services.Entry(service, month, code, count) for code, count in form.figures().items()
        ]
        try:
            changes = services.record_figures(
                by=membership, entries=entries, source=CountSource.FORM, now=now
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            changed = sum(1 for change in changes if change.kind == "changed")
            note = f" {changed} figure{'s' if changed != 1 else ''} corrected." if changed else ""
            messages.success(request, f"The figures for {months.label(month)} are saved.{note}")
            return redirect("outcomes:outcome_service", outcome_service_id=service.pk)
    count_fields = [form[count_field_name(code)] for code, _ in RESTRICTIVE_INTERVENTIONS]
    return render(
        request,
        "outcomes/record.html",
        {"service": service, "form": form, "count_fields": count_fields},
        status=form_status(form),
    )


@membership_required
def service_projects(request: Request, outcome_service_id: int) -> HttpResponse:
    membership, service = _service(request, outcome_service_id)
    can_write = can(membership, Capability.RECORD_OUTCOMES)
    form = None
    if can_write:
        choices = [
            (o.pk, f"{o.title} ({o.get_level_display() or 'level not set'})")
            for o in queries.linkable_opportunities(membership, service)
        ]
        form = LinkForm(posted(request), choices=choices)
    if request.method == "POST":
        services.require_writer(membership)
        assert form is not None
        if "unlink" in request.POST:
            return _unlink(request, membership, service)
        if form.is_valid():
            opportunity = get_opportunity_for(membership, form.cleaned_data["opportunity"])
            try:
                services.link_project(by=membership, service=service, opportunity=opportunity)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, f"{opportunity.title} is linked to {service.name}.")
                return redirect("outcomes:outcome_service_projects", outcome_service_id=service.pk)
    return render(
        request,
        "outcomes/projects.html",
        {
            "service": service,
            "projects": queries.projects_of(service),
            "form": form,
            "can_write": can_write,
        },
        status=form_status(form),
    )


def _unlink(request: Request, membership: Membership, service: Service) -> HttpResponse:
    try:
        opportunity_id = int(request.POST.get("unlink", ""))
    except ValueError:
        opportunity_id = 0
    services.unlink_project(by=membership, service=service, opportunity_id=opportunity_id)
    messages.success(request, "The project is no longer linked to this service.")
    return redirect("outcomes:outcome_service_projects", outcome_service_id=service.pk)

"""The organisation dashboard: the page, its CSV, a print page and a tagged PDF report
for boards and commissioners. Coordinators, admins and auditors (read-only)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from powerwith.core.http import Request, membership_of
from powerwith.core.web import form_status, membership_required
from powerwith.people.views.documents import pdf_download, print_page
from powerwith.reports.dashboard.charts import charts_of
from powerwith.reports.dashboard.export import dashboard_csv
from powerwith.reports.dashboard.period import PeriodForm
from powerwith.reports.dashboard.queries import dashboard_as_of, require_reader

PAGE = "reports/dashboard.html"
DOCUMENT = "reports/dashboard_document.html"


def _figures(request: Request) -> tuple[PeriodForm, dict[str, Any] | None]:
    """The period form (both months may be left out: the last 12 months) and, when the
    period is a good one, everything the page and the report show."""
    membership = membership_of(request)
    require_reader(membership)
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return form, None
    assert form.period is not None
    figures, made_at = dashboard_as_of(membership, form.period)
    return form, {"d": figures, "charts": charts_of(figures), "made_at": made_at}


@membership_required
def dashboard_page(request: Request) -> HttpResponse:
    form, context = _figures(request)
    return render(request, PAGE, {"form": form, **(context or {})}, status=form_status(form))


def _period_or_page(request: Request) -> tuple[HttpResponse | None, dict[str, Any]]:
    form, context = _figures(request)
    if context is None:
        return render(request, PAGE, {"form": form}, status=form_status(form)), {}
    return None, context


@membership_required
def dashboard_csv_download(request: Request) -> HttpResponse:
    refused, context = _period_or_page(request)
    if refused:
        return refused
    figures = context["d"]
    response = HttpResponse(dashboard_csv(figures), content_type="text/csv; charset=utf-8")
    name = f"dashboard-{figures.period.first:%Y-%m}-to-{figures.period.last:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@membership_required
def dashboard_print(request: Request) -> HttpResponse:
    refused, context = _period_or_page(request)
    return refused or print_page(DOCUMENT, context)


@membership_required
def dashboard_pdf(request: Request) -> HttpResponse:
    refused, context = _period_or_page(request)
    if refused:
        return refused
    period = context["d"].period
    return pdf_download(
        DOCUMENT, context, f"dashboard-{period.first:%Y-%m}-to-{period.last:%Y-%m}.pdf"
    )

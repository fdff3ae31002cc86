"""Outcomes as CSV: an all-or-nothing import with a row-by-row report, its template, and
an export of every figure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status, membership_required
from powerwith.outcomes import csv_import, queries, services
from powerwith.outcomes.forms import ImportForm
from powerwith.outcomes.models import CountSource
from powerwith.outcomes.rows import RowCheck
from powerwith.outcomes.services import Change
from powerwith.outcomes.views import reader
from powerwith.people.schedule import RESTRICTIVE_INTERVENTIONS

MAX_LISTED = 500  # corrections listed one by one on the report; the rest are counted


@dataclass
class ServiceResult:
    """What an import did to one service: figures added, corrected and unchanged, and
    the months they cover."""

    name: str
    first: date
    last: date
    added: int = 0
    changed: int = 0
    unchanged: int = 0


def _by_service(changes: list[Change]) -> list[ServiceResult]:
    found: dict[int, ServiceResult] = {}
    for change in changes:
        entry = change.entry
        result = found.setdefault(
            entry.service.pk, ServiceResult(entry.service.name, entry.month, entry.month)
        )
        result.first, result.last = min(result.first, entry.month), max(result.last, entry.month)
        setattr(result, change.kind, getattr(result, change.kind) + 1)
    return sorted(found.values(), key=lambda result: result.name.lower())


def _summary(check: RowCheck) -> str:
    problems, rows = check.problem_count, len(check.problems)
    return (
        f"The file has {problems} problem{pluralize(problems)} in {rows} "
        f"row{pluralize(rows)}, listed below. Nothing has been recorded."
    )


@membership_required
def outcomes_import(request: Request) -> HttpResponse:
    """Check every row; record them all if every row is right, otherwise none."""
    membership = reader(request)
    services.require_writer(membership)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    check, changes = None, None
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        try:
            text = csv_import.decode(form.cleaned_data["file"].read(csv_import.MAX_BYTES + 1))
            check = csv_import.check_import(
                text,
                services=queries.services_by_name(membership),
                today=timezone.localdate(now),
            )
            if check.ok:
                changes = services.record_figures(
                    by=membership, entries=check.entries, source=CountSource.CSV, now=now
                )
            else:
                form.add_error(None, _summary(check))
        except DomainError as error:
            add_domain_error(form, error)
    context = {
        "form": form,
        "check": check,
        "changes": changes,
        "added": sum(1 for c in changes or [] if c.kind == "added"),
        "changed": sum(1 for c in changes or [] if c.kind == "changed"),
        "corrections": [c for c in changes or [] if c.kind == "changed"][:MAX_LISTED],
        "by_service": _by_service(changes or []),
        "columns": csv_import.COLUMNS,
        "interventions": RESTRICTIVE_INTERVENTIONS,
        "max_rows": f"{csv_import.MAX_ROWS:,}",
    }
    return render(request, "outcomes/import.html", context, status=form_status(form))


@membership_required
def outcomes_import_template(request: Request) -> HttpResponse:
    reader(request)
    response = HttpResponse(
        "".join(csv_import.template_lines()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="outcomes-import-template.csv"'
    return response


@membership_required
def outcomes_export(request: Request) -> HttpResponse:
    membership = reader(request)
    filename = f"outcomes-{membership.organisation.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(
        csv_import.export_lines(queries.counts_for_export(membership).iterator(chunk_size=500)),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
    # membership_required is typed for plain responses; a streamed one passes through it.
    return cast(HttpResponse, response)

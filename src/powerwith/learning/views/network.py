"""The network pages: the library of published summaries (and importing one from another
installation), what the organisation shares with the network, and the benchmarks."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can, require
from powerwith.core.web import form_status, membership_required, posted
from powerwith.learning import benchmarks, library, queries, services
from powerwith.learning.forms import ImportForm, LibrarySearch, SharingForm


@membership_required
def library_page(request: Request) -> HttpResponse:
    membership = membership_of(request)
    search = LibrarySearch(request.GET or None)
    chosen = search.cleaned_data if search.is_valid() else {}
    entries = library.entries(
        membership,
        queries.LibraryFilter(
            focus=chosen.get("focus", ""),
            setting=chosen.get("setting", ""),
            level=chosen.get("level", ""),
        ),
    )
    return render(
        request,
        "learning/library.html",
        {
            "search": search,
            "entries": entries,
            "can_import": can(membership, Capability.WRITE_EVALUATION),
        },
    )


@membership_required
def library_import(request: Request) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    form = ImportForm(posted(request), request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            imported = services.import_summary(
                by=membership, raw=form.cleaned_data["document"].read()
            )
        except services.ImportRefused as refused:
            form.add_error("document", refused.message)
            problems = refused.problems
        except DomainError as error:
            form.add_error("document", error.message)
        else:
            messages.success(request, f"“{imported.title}” is added to the library.")
            return redirect("learning:imported", imported_id=imported.pk)
    return render(
        request,
        "learning/import.html",
        {"form": form, "problems": problems},
        status=form_status(form),
    )


@membership_required
def imported(request: Request, imported_id: int) -> HttpResponse:
    found = queries.get_imported_for(membership_of(request), imported_id)
    return render(
        request, "learning/imported.html", {"imported": found, "document": found.document}
    )


@membership_required
def network_settings(request: Request) -> HttpResponse:
    membership = membership_of(request)
    require(membership, Capability.CHANGE_SETTINGS, "Only admins can change what is shared.")
    current = queries.sharing_of(membership.organisation)
    initial = {
        "share_summaries": bool(current and current.share_summaries),
        "contribute_figures": bool(current and current.contribute_figures),
    }
    form = SharingForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.set_network_sharing(by=membership, **form.cleaned_data)
        messages.success(request, "Your choices about the network are saved.")
        return redirect("learning:network_settings")
    return render(
        request, "learning/network_settings.html", {"form": form}, status=form_status(form)
    )


def _reader(request: Request) -> benchmarks.NetworkView:
    membership = membership_of(request)
    require(
        membership,
        Capability.READ_SCORECARDS,
        "Only coordinators, admins and auditors can see the network benchmarks.",
    )
    return benchmarks.network_view(membership.organisation)


@membership_required
def benchmarks_page(request: Request) -> HttpResponse:
    return render(request, "learning/benchmarks.html", {"view": _reader(request)})


@membership_required
def benchmarks_csv(request: Request) -> HttpResponse:
    view = _reader(request)
    out = io.StringIO()
    csv.writer(out).writerows(benchmarks.as_csv_rows(view))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="network-benchmarks.csv"'
    return response

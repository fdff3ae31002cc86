"""The register as CSV: a checked, all-or-nothing import and a streamed export."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, cast

from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import path
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.encryption import DecryptionFailed, decrypt, encrypt
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import INVALID, add_domain_error, form_status, membership_required
from powerwith.people import csv as csv_io
from powerwith.people import queries, services
from powerwith.people.csv import export as csv_export
from powerwith.people.forms.register import ImportForm, RegisterFilterForm
from powerwith.people.views.register import register_member

# A checked file waits in the session between the dry run and "Add these people", so
# the confirm step needs no JavaScript and no second upload. The session lives on the
# server (database sessions), the file is at most 2 MB, and it is checked again before
# anything is written: what is stored is only a convenience, never trusted. It holds
# names, contact details and experience codes such as seclusion, so it is kept encrypted
# with the field keys (never in plain text in the session table) and dropped after an
# hour, or at once when the import is done.
PENDING = "people.register_import"
PREVIEW_ROWS = 20
KEPT_FOR = timedelta(hours=1)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _keep(request: Request, membership: Membership, name: str, text: str) -> None:
    request.session[PENDING] = {
        "organisation_id": membership.organisation_id,
        "checked_at": timezone.now().isoformat(),
        "name": encrypt(name),
        "text": encrypt(text),
        "digest": _digest(text),
    }


def _pending(request: Request, membership: Membership) -> dict[str, Any] | None:
    kept: dict[str, Any] | None = request.session.get(PENDING)
    if kept is None or kept.get("organisation_id") != membership.organisation_id:
        return None
    try:
        checked_at = datetime.fromisoformat(kept["checked_at"])
        pending = {
            **kept,
            "name": decrypt(kept["name"], where="The checked file"),
            "text": decrypt(kept["text"], where="The checked file"),
        }
    except (KeyError, ValueError, DecryptionFailed):
        del request.session[PENDING]
        return None
    if timezone.now() - checked_at > KEPT_FOR:
        del request.session[PENDING]
        return None
    return pending


def _documentation() -> dict[str, Any]:
    return {
        "columns": csv_io.COLUMNS,
        "experience_parts": csv_io.EXPERIENCE_PARTS,
        "max_rows": f"{csv_io.MAX_ROWS:,}",
    }


@membership_required
def register_import(request: Request) -> HttpResponse:
    """Step 1, the dry run: check every row, write nothing."""
    membership = register_member(request)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    check = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            text = csv_io.decode(upload.read(csv_io.MAX_BYTES + 1))
            check = csv_io.check_import(text)
        except csv_io.UnreadableFile as error:
            add_domain_error(form, error)
        else:
            if check.ok:
                _keep(request, membership, upload.name or "", text)
                return redirect("people:register_import_check")
            form.add_error(None, _problems_summary(check))
    context = {"form": form, "check": check, **_documentation()}
    return render(request, "people/register/import.html", context, status=form_status(form))


def _problems_summary(check: csv_io.ImportCheck) -> str:
    problems, rows = len(check.problems), check.rows_with_problems
    return (
        f"The file has {problems} problem{pluralize(problems)} in {rows} row{pluralize(rows)}, "
        "listed below. Nobody has been added."
    )


@membership_required
def register_import_check(request: Request) -> HttpResponse:
    """Step 2: show what is ready; on "Add these people", write everyone or no one."""
    membership = register_member(request)
    pending = _pending(request, membership)
    if pending is None:
        messages.info(request, "There is no checked file waiting. Upload one to check it.")
        return redirect("people:register_import")
    check = csv_io.check_import(pending["text"])
    if not check.ok:
        # Only reachable if the codes changed since the dry run: check the file again.
        del request.session[PENDING]
        messages.info(request, "The file needs checking again. Nobody was added.")
        return redirect("people:register_import")
    if request.method == "POST":
        if request.POST.get("digest") != pending["digest"]:
            messages.info(request, "A different file was checked since. Check this page again.")
            return redirect("people:register_import_check")
        try:
            created = services.import_people(by=membership, people=check.people)
        except DomainError as error:
            messages.error(request, f"Nobody was added. {error.message}")
            return redirect("people:register_import")
        del request.session[PENDING]
        messages.success(request, f"{len(created):,} people were added to the register.")
        return redirect("people:register")
    context = {
        "pending": pending,
        "people": check.people,
        "preview": check.people[:PREVIEW_ROWS],
    }
    return render(request, "people/register/import_check.html", context)


@membership_required
def register_import_template(request: Request) -> HttpResponse:
    register_member(request)
    response = HttpResponse(
        "\ufeff" + "".join(csv_export.csv_lines(csv_io.template_rows())),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="register-import-template.csv"'
    return response


def _export_lines(membership: Membership, form: RegisterFilterForm) -> Iterator[str]:
    # The byte order mark lets spreadsheets read names in every script as UTF-8.
    yield "\ufeff" + "".join(csv_export.csv_lines([csv_export.EXPORT_COLUMNS]))
    for batch in queries.register_in_batches(membership, form.filters()):
        yield "".join(csv_export.csv_lines(csv_export.export_row(profile) for profile in batch))


@membership_required
def register_export(request: Request) -> HttpResponse:
    """The filtered register, as much of each person as they share, a batch at a time."""
    membership = register_member(request)
    form = RegisterFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "errors/400.html", status=INVALID)
    filename = f"register-{membership.organisation.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(
        _export_lines(membership, form),
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )
    # membership_required is typed for plain responses; a streamed one passes through it.
    return cast(HttpResponse, response)


urlpatterns = [
    path("people/import/", register_import, name="register_import"),
    path("people/import/check/", register_import_check, name="register_import_check"),
    path("people/import/template.csv", register_import_template, name="register_import_template"),
    path("people/export.csv", register_export, name="register_export"),
]

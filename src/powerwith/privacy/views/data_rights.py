"""The person's own data rights: see what is held, download it, and ask for it to be
erased. Every page reaches the data through the logged-in user's own profile."""

from __future__ import annotations

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status
from powerwith.people.choices import Format
from powerwith.people.queries import organisation_choices
from powerwith.privacy import copies, export, queries, services
from powerwith.privacy.forms import EraseForm


@login_required
def my_information(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    copy = queries.latest_copy_of(person)
    context = {
        "person": person,
        "organisations": organisation_choices(person),
        "copy": copy,
        "kept_until": copies.kept_until(copy) if copy else "",
        "format": dict(Format.choices)[copies.format_for(person)],
    }
    return render(request, "privacy/my_information.html", context)


@login_required
@require_POST
def ask_for_copy(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    copies.ask_for_copy(person, request.user)
    return redirect("privacy:my_information")


@login_required
def download_json(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    services.record_download(person, request.user, fmt="json")
    body = json.dumps(export.as_json(person), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-information.json"'
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment(body: bytes | str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def copy_pdf(request: Request, copy_id: int) -> HttpResponse:
    copy = queries.ready_copy_for(request.user, copy_id)
    return _attachment(copies.pdf_of(copy), "application/pdf", "my-information.pdf")


@login_required
def copy_json(request: Request, copy_id: int) -> HttpResponse:
    copy = queries.ready_copy_for(request.user, copy_id)
    return _attachment(copy.data, "application/json; charset=utf-8", "my-information.json")


@login_required
def erase(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.erase_person(person, request.user)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            logout(request)
            return redirect("privacy:erased")
    context = {"form": form, "removed": services.REMOVED, "kept": services.KEPT}
    return render(request, "privacy/erase.html", context, status=form_status(form))


def erased(request: Request) -> HttpResponse:
    """Where the person lands, logged out, after their information is erased."""
    return render(request, "privacy/erased.html")


urlpatterns: list[URLPattern] = [
    path("my-information/", my_information, name="my_information"),
    path("my-information/download.json", download_json, name="download_json"),
    path("my-information/copy/", ask_for_copy, name="ask_for_copy"),
    path("my-information/copies/<int:copy_id>/my-information.pdf", copy_pdf, name="copy_pdf"),
    path("my-information/copies/<int:copy_id>/my-information.json", copy_json, name="copy_json"),
    path("my-information/erase/", erase, name="erase"),
    path("my-information/erased/", erased, name="erased"),
]

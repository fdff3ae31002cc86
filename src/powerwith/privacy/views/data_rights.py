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

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status
from powerwith.people.views.documents import pdf_download
from powerwith.privacy import export, queries, readable, services
from powerwith.privacy.forms import EraseForm


@login_required
def my_information(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    return render(request, "privacy/my_information.html", {"person": person})


@login_required
def download_json(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    services.record_download(person, request.user, fmt="json")
    body = json.dumps(export.as_json(person), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-information.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def download_pdf(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    services.record_download(person, request.user, fmt="pdf")
    parts = readable.readable(person, export.records_of(person))
    context = {"person": person, "parts": parts, "made_on": readable.made_on()}
    return pdf_download("privacy/export_document.html", context, "my-information.pdf")


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
    path("my-information/download.pdf", download_pdf, name="download_pdf"),
    path("my-information/erase/", erase, name="erase"),
    path("my-information/erased/", erased, name="erased"),
]

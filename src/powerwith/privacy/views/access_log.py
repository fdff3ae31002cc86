"""The person's own page: who has looked at my information."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from powerwith.core.http import Request
from powerwith.privacy import queries

PAGE_SIZE = 25


@login_required
def who_looked(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    page = Paginator(queries.access_log_of(person), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/who_looked.html", {"page": page})


urlpatterns: list[URLPattern] = [
    path("my-information/who-looked/", who_looked, name="who_looked"),
]

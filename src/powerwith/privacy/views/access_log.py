"""Who has looked at a person's information: the person's own page, and the
organisation admin's pages for everything its staff read (with a CSV export)."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone

from powerwith.core.http import Request, membership_of
from powerwith.core.web import membership_required, organisation_filter
from powerwith.people.csv.export import safe_cell
from powerwith.people.queries import organisation_choices
from powerwith.privacy import queries

PAGE_SIZE = 25


@login_required
def who_looked(request: Request) -> HttpResponse:
    person = queries.own_person(request.user)
    shown = organisation_filter(request, organisation_choices(person), "people who looked")
    entries = queries.access_log_of(person, shown.chosen)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/who_looked.html", {"page": page, "organisation_filter": shown})


@membership_required
def organisation_access_log(request: Request) -> HttpResponse:
    entries = queries.access_log_of_organisation(membership_of(request))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "privacy/organisation_access_log.html", {"page": page})


CSV_HEADER = ["when", "who", "role", "person_id", "person", "what", "where"]


@membership_required
def organisation_access_log_csv(request: Request) -> HttpResponse:
    membership = membership_of(request)
    entries = queries.access_log_of_organisation(membership)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(
            [
                entry.created_at.isoformat(timespec="seconds"),
                safe_cell(entry.viewer.email),
                entry.viewer_role,
                entry.person_id,
                safe_cell(entry.person.preferred_name),
                entry.what,
                safe_cell(entry.where),
            ]
        )
    today = timezone.localdate()
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"access-log-{membership.organisation.slug}-{today.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns: list[URLPattern] = [
    path("my-information/who-looked/", who_looked, name="who_looked"),
    path("organisation/access-log/", organisation_access_log, name="organisation_access_log"),
    path(
        "organisation/access-log.csv",
        organisation_access_log_csv,
        name="organisation_access_log_csv",
    ),
]

"""Reference views for the load benchmark (bench/load.py), kept out of the product.

The benchmark's server runs with ``DJANGO_SETTINGS_MODULE=bench.reference_settings``,
whose URLs are the product's plus these under ``/bench/`` (``urlpatterns`` below). They
measure, in the same run and the same process as the product's pages:

- ``hello``: the smallest JSON answer Django can give (Django's own ceiling);
- ``people``: the first 25 people of the register, as an HTML page on the same base
  template (or JSON with ``?format=json``), with no log-in, no tenancy and no consent
  checks, so the difference to the product's register page is what those layers cost;
- ``insert``: one bare row inserted in a transaction, the floor for any write.

The views read and write through the ORM and raw SQL on purpose: they are the baseline
the product's queries modules are measured against, not product code.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import engines
from django.urls import include, path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from powerwith import urls as product
from powerwith.people.models import Person

PAGE_SIZE = 25
INSERT_TABLE = "bench_insert"

_PAGE = """{% extends "base.html" %}
{% block title %}People (bench reference){% endblock %}
{% block content %}
  <h1 class="govuk-heading-l">People</h1>
  <table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--m">The first 25 people</caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Name</th>
        <th scope="col" class="govuk-table__header">Town</th>
        <th scope="col" class="govuk-table__header">Status</th>
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      {% for person in people %}
        <tr class="govuk-table__row">
          <td class="govuk-table__cell">{{ person.preferred_name }}</td>
          <td class="govuk-table__cell">{{ person.town }}</td>
          <td class="govuk-table__cell">{{ person.get_status_display }}</td>
        </tr>
      {% endfor %}
    </tbody>
  </table>
{% endblock %}
"""


def hello(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"hello": "world"})


def people(request: HttpRequest) -> HttpResponse:
    rows = list(
        Person.objects.order_by("preferred_name", "pk").only(
            "preferred_name", "town", "status", "email"
        )[:PAGE_SIZE]
    )
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "items": [
                    {
                        "id": p.pk,
                        "preferred_name": p.preferred_name,
                        "email": p.email,
                        "status": p.status,
                    }
                    for p in rows
                ],
                "count": len(rows),
            }
        )
    template = engines["django"].from_string(_PAGE)
    return HttpResponse(template.render({"people": rows}, request))


def create_insert_table() -> None:
    """The table ``insert`` writes to; bench/load.py makes it before the server starts."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {INSERT_TABLE} "
                "(id bigserial PRIMARY KEY, note varchar(40), created_at timestamptz)"
            )
        else:
            cursor.execute(
                f"CREATE TABLE IF NOT EXISTS {INSERT_TABLE} "
                "(id integer PRIMARY KEY AUTOINCREMENT, note varchar(40), created_at text)"
            )


@csrf_exempt
def insert(request: HttpRequest) -> JsonResponse:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {INSERT_TABLE} (note, created_at) VALUES (%s, %s)",  # noqa: S608
            ["bench", timezone.now().isoformat()],
        )
    return JsonResponse({"ok": True})


REFERENCE = [
    path("hello", hello, name="bench_hello"),
    path("people", people, name="bench_people"),
    path("insert", insert, name="bench_insert"),
]

urlpatterns = [*product.urlpatterns, path("bench/", include(REFERENCE))]
handler400 = product.handler400
handler403 = product.handler403
handler404 = product.handler404
handler500 = product.handler500

"""The dashboard page, its CSV, print page and PDF report, and the API: who may see them,
bad months, and a query count that does not grow with the number of opportunities."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.engagements.models import Attendance, Session
from powerwith.people.models import Person
from powerwith.reports.dashboard.period import last_twelve_months, period_from
from tests.conftest import api_client_for, logged_in, make_member
from tests.engagements.factories import expert_membership
from tests.opportunities.factories import opportunity, person

DASHBOARD = reverse("reports:dashboard")
CSV = reverse("reports:dashboard_csv")
PDF = reverse("reports:dashboard_pdf")
PRINT = reverse("reports:dashboard_print")


def test_the_dashboard_urls_are_stable() -> None:
    assert (DASHBOARD, CSV, PDF) == (
        "/dashboard/",
        "/dashboard/dashboard.csv",
        "/dashboard/report.pdf",
    )


def some_work(by: Membership, count: int, people: int = 3) -> None:
    """``count`` opportunities made this month, each with a session last week that
    ``people`` people attended."""
    everyone = [person(by, f"Worker {n}") for n in range(people)]
    for number in range(count):
        found = opportunity(by, title=f"Work {number:02d}", level="consultation", status="open")
        session = Session.objects.create(
            opportunity=found, starts_at=timezone.now() - timedelta(days=7), minutes=60
        )
        for who in everyone:
            Attendance.objects.create(session=session, person=who, attended=True)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN, Role.AUDITOR])
def test_coordinators_admins_and_auditors_see_the_dashboard(
    client: Client, riverside_coordinator: Membership, role: str
) -> None:
    some_work(riverside_coordinator, 2)
    member = make_member(riverside_coordinator.organisation, f"{role}2@riverside.example", role)

    page = logged_in(client, member.user).get(DASHBOARD)

    assert page.status_code == 200
    html = page.content.decode()
    assert 'role="img"' in html
    assert "<caption" in html
    assert (
        reverse("reports:scorecard", args=[page.context["d"].scorecards.rows[0].opportunity_id])
        in html
    )
    assert "Work 00" in html


def test_experts_and_contact_people_cannot_see_the_dashboard(
    client: Client, riverside_contact: Membership, expert_at_riverside: Person
) -> None:
    expert = expert_membership(expert_at_riverside, riverside_contact.organisation_id)
    for member in (riverside_contact, expert):
        logged_in(client, member.user)
        for url in (DASHBOARD, CSV, PDF, PRINT):
            assert client.get(url).status_code == 403
        assert api_client_for(member).get("/api/v1/dashboard").status_code == 403


def test_another_organisations_work_never_shows(
    client: Client, riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    some_work(hillview_coordinator, 3)

    page = logged_in(client, riverside_coordinator.user).get(DASHBOARD)

    assert "Work 00" not in page.content.decode()
    assert page.context["d"].bookings.total == 0


def test_a_bad_month_is_shown_in_the_error_summary_and_no_figures(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)

    page = client.get(DASHBOARD, {"from": "2025-13", "to": "2025-01"})

    assert page.status_code == 400
    html = page.content.decode()
    assert "<title>Error: " in html
    assert "govuk-error-summary" in html
    assert "Enter the first month as a year and month" in html
    assert "d" not in page.context or page.context.get("d") is None


def test_a_last_month_before_the_first_is_refused(
    client: Client, riverside_coordinator: Membership
) -> None:
    page = logged_in(client, riverside_coordinator.user).get(
        DASHBOARD, {"from": "2025-06", "to": "2025-01"}
    )

    assert "The last month must be the same as or after the first month" in page.content.decode()


def test_the_csv_has_every_figure_and_no_formula(
    client: Client, riverside_coordinator: Membership
) -> None:
    some_work(riverside_coordinator, 1)
    found = opportunity(riverside_coordinator, title="=HYPERLINK(1)", status="open")
    Session.objects.create(opportunity=found, starts_at=timezone.now(), minutes=60)

    response = logged_in(client, riverside_coordinator.user).get(CSV)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["figure", "item", "value"]
    figures = {row[0] for row in rows[1:]}
    for name in (
        "period",
        "opportunities by co-working level",
        "scorecard average",
        "payment timeliness",
        "consent coverage (people)",
        "wellbeing checks completed",
        "concentration of bookings",
        "concentration of paid minutes",
    ):
        assert name in figures
    assert any(row[0].startswith("feedback ") for row in rows)
    assert not any(cell.startswith("=") for row in rows for cell in row)
    assert ["concentration of bookings", "total", "3"] in rows


def test_the_pdf_report_and_print_page(client: Client, riverside_auditor: Membership) -> None:
    logged_in(client, riverside_auditor.user)

    pdf = client.get(PDF, {"from": "2025-01", "to": "2025-03"})
    printable = client.get(PRINT, {"from": "2025-01", "to": "2025-03"})

    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert 'filename="dashboard-2025-01-to-2025-03.pdf"' in pdf["Content-Disposition"]
    assert printable.status_code == 200
    assert "January 2025 to March 2025" in printable.content.decode()


def test_the_api_answers_the_same_figures(riverside_coordinator: Membership) -> None:
    some_work(riverside_coordinator, 2)
    api = api_client_for(riverside_coordinator)

    response = api.get("/api/v1/dashboard")

    assert response.status_code == 200
    body = response.json()
    this_month = timezone.localdate().replace(day=1)
    assert body["to"] == f"{this_month:%Y-%m}"
    first = this_month.year * 12 + this_month.month - 1 - 11  # 12 months, this one included
    assert body["from"] == f"{first // 12}-{first % 12 + 1:02d}"
    assert body["levels"]["consultation"] == 2
    assert body["concentration"]["bookings"]["total"] == 6
    assert len(body["scorecards"]["opportunities"]) == 2
    assert set(body["scorecards"]["averages"]) == {
        "people",
        "outcomes",
        "work",
        "evaluation",
        "review",
    }


@pytest.mark.parametrize(
    "query", ["from=2025-13", "to=25-01", "from=2025-06&to=2025-01", "from=2000-01&to=2025-01"]
)
def test_the_api_refuses_bad_months_with_422(riverside_coordinator: Membership, query: str) -> None:
    response = api_client_for(riverside_coordinator).get(f"/api/v1/dashboard?{query}")

    assert response.status_code == 422
    assert "detail" in response.json()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [DASHBOARD, CSV, "/api/v1/dashboard"])
def test_the_query_count_does_not_grow_with_opportunities(
    client: Client, riverside_coordinator: Membership, url: str
) -> None:
    if url.startswith("/api/"):
        client = api_client_for(riverside_coordinator)
    else:
        logged_in(client, riverside_coordinator.user)
    some_work(riverside_coordinator, 5)
    client.get(url)  # once first: a token's first use is recorded
    few = _queries(client, url)
    some_work(riverside_coordinator, 20, people=4)

    assert _queries(client, url) == few


def test_a_period_is_whole_local_months_and_defaults_to_the_last_twelve() -> None:
    london = ZoneInfo("Europe/London")
    summer = period_from("2025-06", "2025-07")
    assert summer.start == datetime(2025, 6, 1, tzinfo=london)
    assert summer.end == datetime(2025, 8, 1, tzinfo=london)
    assert period_from(None, "2025-03").first == date(2024, 4, 1)
    assert last_twelve_months(datetime(2026, 1, 15, tzinfo=london)).first == date(2025, 2, 1)
    assert len(period_from("2021-01", "2025-12").months) == 60


def test_the_figures_are_kept_for_a_few_minutes_and_the_page_says_when_they_were_worked_out(
    client: Client,
    riverside_coordinator: Membership,
    settings: Any,
) -> None:
    settings.DASHBOARD_CACHE_SECONDS = 300
    cache.clear()
    logged_in(client, riverside_coordinator.user)
    first = client.get("/dashboard/")
    assert "Worked out at" in first.text
    with CaptureQueriesContext(connection) as again:
        client.get("/dashboard/")
    assert not any("opportunities_opportunity" in q["sql"] for q in again.captured_queries)
    cache.clear()
    with CaptureQueriesContext(connection) as fresh:
        client.get("/dashboard/")
    assert any("opportunities_opportunity" in q["sql"] for q in fresh.captured_queries)


def test_the_page_lists_the_25_opportunities_most_in_need_of_attention_and_the_csv_all(
    client: Client, riverside_coordinator: Membership
) -> None:
    some_work(riverside_coordinator, 27, people=1)
    logged_in(client, riverside_coordinator.user)

    page = client.get(DASHBOARD).text
    rows = client.get(CSV).content.decode()

    assert "The 25 opportunities most in need of attention, of 27" in page
    assert len(set(re.findall(r"Work \d\d", page))) == 25
    assert len(set(re.findall(r"Work \d\d", rows))) == 27

"""The outcomes pages: who sees and writes what, isolation between organisations, the
markers of linked work, the plain statement that this is association and not cause, and
a number of queries that does not grow with the rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from powerwith.outcomes import months
from powerwith.outcomes.models import InterventionCount, ServiceProject
from powerwith.outcomes.queries import CO_PRODUCED, OTHER_WORK, markers_for, trend_of
from tests.conftest import logged_in
from tests.opportunities.factories import opportunity
from tests.outcomes.factories import ago, figures, session_in, ward

READ_PAGES = ["/outcomes/", "/outcomes/services/{id}/", "/outcomes/services/{id}/projects/"]
WRITE_PAGES = [
    "/outcomes/services/new/",
    "/outcomes/services/{id}/record/",
    "/outcomes/import/",
]


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_admin"])
def test_coordinators_and_admins_see_and_write(client, request, riverside_coordinator, role):
    service = ward(riverside_coordinator)
    member = request.getfixturevalue(role)
    client = logged_in(client, member.user)
    for url in READ_PAGES + WRITE_PAGES:
        assert client.get(url.format(id=service.pk)).status_code == 200, url


def test_an_auditor_reads_but_does_not_write(client, riverside_coordinator, riverside_auditor):
    service = ward(riverside_coordinator)
    client = logged_in(client, riverside_auditor.user)
    for url in READ_PAGES:
        assert client.get(url.format(id=service.pk)).status_code == 200, url
    for url in WRITE_PAGES:
        assert client.get(url.format(id=service.pk)).status_code == 403, url
    page = client.get(f"/outcomes/services/{service.pk}/").content.decode()
    assert "Record a month" not in page


@pytest.mark.parametrize("role", ["riverside_contact", "expert"])
def test_experts_and_contact_people_are_refused(
    client, request, riverside_coordinator, expert_at_riverside, role
):
    service = ward(riverside_coordinator)
    user = expert_at_riverside.user if role == "expert" else request.getfixturevalue(role).user
    assert user is not None
    client = logged_in(client, user)
    for url in READ_PAGES + WRITE_PAGES + ["/outcomes/outcomes.csv"]:
        assert client.get(url.format(id=service.pk)).status_code == 403, url


def test_another_organisations_service_is_not_found(
    client, riverside_coordinator, hillview_coordinator
):
    service = ward(hillview_coordinator, "Hillview Secret Ward")
    figures(hillview_coordinator, service, ago(1), seclusion=9)
    client = logged_in(client, riverside_coordinator.user)
    for url in READ_PAGES[1:] + WRITE_PAGES[1:2]:
        assert client.get(url.format(id=service.pk)).status_code == 404, url
    response = client.post(f"/outcomes/services/{service.pk}/record/", {"month": "x"})
    assert response.status_code == 404
    assert "Hillview Secret Ward" not in client.get("/outcomes/").content.decode()
    export = client.get("/outcomes/outcomes.csv")
    assert b"Hillview Secret Ward" not in b"".join(export.streaming_content)


def test_another_organisations_opportunity_cannot_be_linked(
    client, riverside_coordinator, hillview_coordinator
):
    service = ward(riverside_coordinator)
    theirs = opportunity(hillview_coordinator)
    client = logged_in(client, riverside_coordinator.user)
    response = client.post(f"/outcomes/services/{service.pk}/projects/", {"opportunity": theirs.pk})
    assert response.status_code == 400
    assert response.context["form"].errors  # not one of the choices offered
    assert not ServiceProject.objects.exists()


def test_recording_through_the_form_and_correcting_a_month(client, riverside_coordinator):
    service = ward(riverside_coordinator)
    client = logged_in(client, riverside_coordinator.user)
    url = f"/outcomes/services/{service.pk}/record/"
    month = months.iso(ago(1))
    response = client.post(
        url, {"month": month, "count_seclusion": "2", "count_prone_restraint": "0"}
    )
    assert response.status_code == 302
    page = client.get(f"{url}?month={month}")
    assert page.context["form"]["count_seclusion"].value() == 2
    client.post(url, {"month": month, "count_seclusion": "1"})
    stored = dict(InterventionCount.objects.values_list("intervention", "count"))
    assert stored == {"seclusion": 1, "prone_restraint": 0}


def test_the_form_refuses_a_future_month_an_empty_month_and_a_negative_count(
    client, riverside_coordinator
):
    service = ward(riverside_coordinator)
    client = logged_in(client, riverside_coordinator.user)
    url = f"/outcomes/services/{service.pk}/record/"
    future = client.post(url, {"month": months.iso(ago(-1)), "count_seclusion": "1"})
    assert future.status_code == 400
    assert future.context["form"].errors["month"]
    empty = client.post(url, {"month": months.iso(ago(1))})
    assert "Enter at least one count" in str(empty.context["form"].non_field_errors())
    negative = client.post(url, {"month": months.iso(ago(1)), "count_seclusion": "-1"})
    assert "0 or more" in str(negative.context["form"].errors["count_seclusion"])
    assert not InterventionCount.objects.exists()


def test_linking_and_unlinking_a_project(client, riverside_coordinator):
    service = ward(riverside_coordinator)
    work = opportunity(riverside_coordinator, level="co_production")
    client = logged_in(client, riverside_coordinator.user)
    url = f"/outcomes/services/{service.pk}/projects/"
    assert client.post(url, {"opportunity": work.pk}).status_code == 302
    assert ServiceProject.objects.filter(service=service, opportunity=work).exists()
    assert client.post(url, {"unlink": work.pk}).status_code == 302
    assert not ServiceProject.objects.exists()


def test_markers_come_from_the_sessions_of_linked_opportunities(client, riverside_coordinator):
    service = ward(riverside_coordinator)
    co_produced = opportunity(riverside_coordinator, title="Co-design", level="co_production")
    consulted = opportunity(riverside_coordinator, title="Survey", level="consultation")
    unlinked = opportunity(riverside_coordinator, title="Elsewhere", level="co_production")
    ServiceProject.objects.create(
        service=service, opportunity=co_produced, linked_by=riverside_coordinator.user
    )
    ServiceProject.objects.create(
        service=service, opportunity=consulted, linked_by=riverside_coordinator.user
    )
    session_in(co_produced, ago(4))
    session_in(consulted, ago(4))  # both in one month: co-produced wins
    session_in(consulted, ago(2))
    session_in(co_produced, ago(3), cancelled=True)  # a cancelled session is no work
    session_in(unlinked, ago(1))  # not linked to this service
    found = {m.month: m.kind for m in markers_for(service, timezone.now())}
    assert found == {ago(4): CO_PRODUCED, ago(2): OTHER_WORK}
    for n in range(6, 0, -1):
        figures(riverside_coordinator, service, ago(n), physical_restraint=10 - n)
    trend = trend_of(service)
    assert [row.marker.kind if row.marker else "" for row in trend.rows] == [
        "",
        "",
        CO_PRODUCED,
        "",
        OTHER_WORK,
        "",
    ]
    page = logged_in(client, riverside_coordinator.user).get(f"/outcomes/services/{service.pk}/")
    body = page.content.decode()
    assert "Co-produced work" in body
    assert "Other work with experts by experience" in body
    assert "<svg" in body
    assert 'role="img"' in body
    # Each marker on the chart says which kind of work it was.
    assert f"Marked: {months.short(ago(4))}: Co-produced work; " in body
    assert f"{months.short(ago(2))}: Other work with experts by experience." in body


def test_the_service_page_says_this_is_association_not_cause(client, riverside_coordinator):
    service = ward(riverside_coordinator)
    figures(riverside_coordinator, service, ago(1), seclusion=1)
    body = (
        logged_in(client, riverside_coordinator.user)
        .get(f"/outcomes/services/{service.pk}/")
        .content.decode()
    )
    assert "association, not cause" in body
    assert "Many things change how often restrictive interventions are used" in body


def _queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_outcomes_list_makes_as_many_queries_for_many_services_as_for_few(
    client, riverside_coordinator
):
    client = logged_in(client, riverside_coordinator.user)
    work = opportunity(riverside_coordinator, level="co_production")

    def grow(start: int, n: int) -> None:
        for i in range(start, start + n):
            service = ward(riverside_coordinator, f"Ward {i}")
            figures(riverside_coordinator, service, ago(1), seclusion=i)
            figures(riverside_coordinator, service, ago(2), seclusion=i + 1)
            ServiceProject.objects.create(
                service=service, opportunity=work, linked_by=riverside_coordinator.user
            )

    grow(0, 5)
    few = _queries(client, "/outcomes/")
    grow(5, 20)
    assert _queries(client, "/outcomes/") <= few


def test_the_service_page_makes_as_many_queries_for_many_months_as_for_few(
    client, riverside_coordinator
):
    client = logged_in(client, riverside_coordinator.user)
    service = ward(riverside_coordinator)
    url = f"/outcomes/services/{service.pk}/"

    def grow(start: int, n: int) -> None:
        for i in range(start, start + n):
            work = opportunity(riverside_coordinator, title=f"Work {i}", level="participation")
            ServiceProject.objects.create(
                service=service, opportunity=work, linked_by=riverside_coordinator.user
            )
            session_in(work, ago(i + 1))
            figures(riverside_coordinator, service, ago(i + 1), seclusion=i, prone_restraint=1)

    grow(0, 5)
    few = _queries(client, url)
    grow(5, 20)
    assert _queries(client, url) <= few


def test_the_list_shows_each_services_latest_month_against_the_month_before(
    client, riverside_coordinator
):
    willow = ward(riverside_coordinator, "Willow Ward")
    figures(riverside_coordinator, willow, ago(2), seclusion=5, physical_restraint=4)
    figures(riverside_coordinator, willow, ago(1), seclusion=2, physical_restraint=4)
    ward(riverside_coordinator, "Oak Unit")
    page = logged_in(client, riverside_coordinator.user).get("/outcomes/")
    latest = dict(page.context["rows"])
    assert latest[willow].month == ago(1)
    assert latest[willow].total == 6
    assert latest[willow].against_before == "3 fewer"
    body = page.content.decode()
    assert "3 fewer" in body
    assert "No figures recorded yet" in body

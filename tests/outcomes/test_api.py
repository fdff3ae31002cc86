"""Outcomes over the API: services, the monthly series with markers, and figures recorded
all-or-nothing with every bad row named."""

from __future__ import annotations

import json

import pytest
from django.http import Http404

from powerwith.outcomes import months, services
from powerwith.outcomes.models import InterventionCount, ServiceProject
from tests.conftest import api_client_for
from tests.opportunities.factories import opportunity
from tests.outcomes.factories import ago, figures, session_in, ward


def put(client, url: str, body: object):
    return client.put(url, json.dumps(body), content_type="application/json")


def test_a_coordinator_adds_and_lists_services(riverside_coordinator, hillview_coordinator):
    ward(hillview_coordinator, "Hillview Ward")
    client = api_client_for(riverside_coordinator)
    made = client.post(
        "/api/v1/services",
        {"name": "Willow Ward", "setting": "autism"},
        content_type="application/json",
    )
    assert made.status_code == 201
    assert made.json()["name"] == "Willow Ward"
    again = client.post(
        "/api/v1/services", {"name": "willow ward"}, content_type="application/json"
    )
    assert again.status_code == 409
    assert "already a service" in again.json()["detail"]
    listed = client.get("/api/v1/services").json()["items"]
    assert [s["name"] for s in listed] == ["Willow Ward"]


def test_counts_are_recorded_and_read_back_with_markers(riverside_coordinator):
    service = ward(riverside_coordinator)
    work = opportunity(riverside_coordinator, level="co_production")
    services.link_project(by=riverside_coordinator, service=service, opportunity=work)
    session_in(work, ago(2))
    client = api_client_for(riverside_coordinator)
    response = put(
        client,
        f"/api/v1/services/{service.pk}/counts",
        [
            {"month": months.iso(ago(2)), "intervention": "seclusion", "count": 3},
            {"month": months.iso(ago(1)), "intervention": "Physical restraint", "count": 1},
        ],
    )
    assert response.status_code == 200
    assert [i["result"] for i in response.json()["items"]] == ["added", "added"]
    corrected = put(
        client,
        f"/api/v1/services/{service.pk}/counts",
        [{"month": months.iso(ago(2)), "intervention": "seclusion", "count": 2}],
    )
    assert corrected.json()["items"][0] == {
        "month": months.iso(ago(2)),
        "intervention": "seclusion",
        "old": 3,
        "new": 2,
        "result": "changed",
    }
    body = client.get(f"/api/v1/services/{service.pk}/outcomes").json()
    assert body["months"] == [
        {"month": months.iso(ago(2)), "total": 2, "counts": {"seclusion": 2}},
        {"month": months.iso(ago(1)), "total": 1, "counts": {"physical_restraint": 1}},
    ]
    assert body["markers"][0]["month"] == months.iso(ago(2))
    assert body["markers"][0]["kind"] == "co_production"
    assert "not cause" in body["note"]


def test_any_bad_row_answers_422_with_every_rows_problems_and_records_nothing(
    riverside_coordinator,
):
    service = ward(riverside_coordinator)
    response = put(
        api_client_for(riverside_coordinator),
        f"/api/v1/services/{service.pk}/counts",
        [
            {"month": months.iso(ago(1)), "intervention": "seclusion", "count": 1},
            {"month": "2025-13", "intervention": "seclusion", "count": 1},
            {"month": months.iso(ago(1)), "intervention": "hugging", "count": -1},
            {"month": months.iso(ago(1)), "intervention": "seclusion", "count": 4},
        ],
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [d["row"] for d in detail] == [2, 3, 4]
    assert len(detail[1]["errors"]) == 2
    assert "repeats row 1" in detail[2]["errors"][0]
    assert not InterventionCount.objects.exists()


def test_a_malformed_body_answers_422_not_500(riverside_coordinator):
    service = ward(riverside_coordinator)
    response = put(
        api_client_for(riverside_coordinator),
        f"/api/v1/services/{service.pk}/counts",
        [{"month": "2025-01", "count": "many"}],
    )
    assert response.status_code == 422
    assert "detail" in response.json()


def test_another_organisations_service_answers_404(riverside_coordinator, hillview_coordinator):
    service = ward(hillview_coordinator)
    client = api_client_for(riverside_coordinator)
    assert client.get(f"/api/v1/services/{service.pk}/outcomes").status_code == 404
    refused = put(client, f"/api/v1/services/{service.pk}/counts", [])
    assert refused.status_code == 404
    assert refused.json() == {"detail": "Not found."}


@pytest.mark.parametrize("role", ["riverside_auditor", "riverside_contact"])
def test_writes_are_refused_for_other_roles(request, riverside_coordinator, role):
    member = request.getfixturevalue(role)
    service = ward(riverside_coordinator)
    client = api_client_for(member)
    refused = put(
        client,
        f"/api/v1/services/{service.pk}/counts",
        [{"month": months.iso(ago(1)), "intervention": "seclusion", "count": 1}],
    )
    assert refused.status_code == 403
    made = client.post("/api/v1/services", {"name": "X"}, content_type="application/json")
    assert made.status_code == 403


def test_an_auditor_reads_and_a_contact_person_does_not(
    riverside_coordinator, riverside_auditor, riverside_contact
):
    service = ward(riverside_coordinator)
    figures(riverside_coordinator, service, ago(1), seclusion=1)
    url = f"/api/v1/services/{service.pk}/outcomes"
    assert api_client_for(riverside_auditor).get(url).status_code == 200
    assert api_client_for(riverside_contact).get(url).status_code == 403
    assert api_client_for(riverside_contact).get("/api/v1/services").status_code == 403


def test_linking_another_organisations_opportunity_is_refused_by_the_service(
    riverside_coordinator, hillview_coordinator
):
    service = ward(riverside_coordinator)
    theirs = opportunity(hillview_coordinator)
    with pytest.raises(Http404):
        services.link_project(by=riverside_coordinator, service=service, opportunity=theirs)
    assert not ServiceProject.objects.exists()

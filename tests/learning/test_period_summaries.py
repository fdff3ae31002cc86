"""A learning summary of a period: every piece of the organisation's work between two
days, pre-filled from all their records, refused (with nothing written) for a period that
is not one or that holds no work, and open only to the organisation that drafted it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.learning import services
from powerwith.learning.document import SummaryDocument
from powerwith.learning.models import LearningSummary
from powerwith.reports.dashboard.scorecards import scorecards_across
from tests.conftest import api_client_for, logged_in
from tests.learning.factories import CANARY_WORDS, work_with_two_experts
from tests.opportunities.factories import opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def work(riverside, riverside_coordinator):
    return work_with_two_experts(riverside_coordinator, riverside)


def _days(back: int = 30) -> dict[str, str]:
    today = timezone.localdate()
    return {
        "period_start": (today - timedelta(days=back)).isoformat(),
        "period_end": today.isoformat(),
    }


def _post(membership, body):
    return api_client_for(membership).post(
        "/api/v1/learning-summaries", body, content_type="application/json"
    )


def test_a_coordinator_drafts_a_summary_of_every_piece_of_work_in_a_period(
    riverside_coordinator, work
):
    offer, _z, _q = work
    other = opportunity(
        riverside_coordinator,
        title="Review the seclusion policy",
        level="consultation",
        focus=["service_evaluation"],
        status="open",
    )
    response = _post(riverside_coordinator, _days())
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    sections = body["sections"]
    assert offer.opportunity.title in sections["what_was_done"]
    assert other.title in sections["what_was_done"]
    assert {(lv["code"], lv["count"]) for lv in sections["levels"]} == {
        ("co_production", 1),
        ("consultation", 1),
    }
    assert sections["you_said_we_did"][0]["you_said"] == CANARY_WORDS
    assert "feedback_themes" in sections


def test_the_scorecard_of_a_period_is_the_dashboards_average(riverside_coordinator, work):
    _offer, _z, _q = work
    opportunity(riverside_coordinator, title="A second piece", level="participation", status="open")
    body = _post(riverside_coordinator, _days()).json()
    summary = LearningSummary.objects.get(pk=body["id"])
    expected = scorecards_across(list(summary.covers.all()), timezone.now()).averages
    assert body["sections"]["scorecard"] == expected


def test_a_focus_keeps_only_the_work_with_that_focus(riverside_coordinator, work):
    offer, _z, _q = work
    opportunity(
        riverside_coordinator,
        title="Review the seclusion policy",
        focus=["service_evaluation"],
        status="open",
    )
    body = _post(riverside_coordinator, {**_days(), "focus": "designing_training"}).json()
    summary = LearningSummary.objects.get(pk=body["id"])
    assert [o.title for o in summary.covers.all()] == [offer.opportunity.title]
    assert "Review the seclusion policy" not in body["sections"]["what_was_done"]


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (0, 10, "must be the same as or after its start"),
        (-5, 0, "must be today or in the past"),
        (0, -5, "must be today or in the past"),
    ],
)
def test_a_period_that_is_not_one_is_refused_and_nothing_is_written(
    riverside_coordinator, work, start, end, words
):
    today = timezone.localdate()
    body = {
        "period_start": (today - timedelta(days=start)).isoformat(),
        "period_end": (today - timedelta(days=end)).isoformat(),
    }
    response = _post(riverside_coordinator, body)
    assert response.status_code == 422
    assert words in response.json()["detail"]
    assert not LearningSummary.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"period_start": "1900-01-01", "period_end": "1900-02-01"},
        {"period_start": "2001-01-01", "period_end": "2026-01-01"},
        {"period_start": "2026-13-01", "period_end": "2026-01-01"},
        {"period_start": "soon", "period_end": "later"},
        {"period_start": "2026-01-01"},
        {"period_start": "2026-01-01", "period_end": "2026-02-01", "focus": "nonsense"},
    ],
)
def test_absurd_or_malformed_periods_are_refused_without_a_500(riverside_coordinator, body):
    response = _post(riverside_coordinator, body)
    assert response.status_code == 422
    assert "detail" in response.json()
    assert not LearningSummary.objects.exists()


def test_a_period_without_work_says_so(riverside_coordinator):
    response = _post(riverside_coordinator, _days())
    assert response.status_code == 422
    assert "There was no work" in response.json()["detail"]
    assert not LearningSummary.objects.exists()


def test_another_organisations_work_is_never_in_a_period_summary(hillview_coordinator, work):
    response = _post(hillview_coordinator, _days())
    assert response.status_code == 422
    assert "There was no work" in response.json()["detail"]


def test_another_organisation_cannot_read_a_period_summary(
    riverside_coordinator, hillview_coordinator, work
):
    body = _post(riverside_coordinator, _days()).json()
    api = api_client_for(hillview_coordinator)
    assert api.get(f"/api/v1/learning-summaries/{body['id']}").status_code == 404
    assert api.post(f"/api/v1/learning-summaries/{body['id']}/publish").status_code == 404


def test_only_coordinators_and_admins_draft_a_period_summary(riverside_auditor, work):
    assert _post(riverside_auditor, _days()).status_code == 403


def test_the_page_drafts_a_period_summary(client, riverside_coordinator, work):
    today = timezone.localdate()
    start = today - timedelta(days=7)
    logged_in(client, riverside_coordinator.user)
    page = client.get("/learning/")
    assert "Draft a summary of a period" in page.text
    response = client.post(
        "/learning/draft-period/",
        {
            "period_start_0": start.day,
            "period_start_1": start.month,
            "period_start_2": start.year,
            "period_end_0": today.day,
            "period_end_1": today.month,
            "period_end_2": today.year,
            "focus": "",
        },
    )
    summary = LearningSummary.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/learning/summaries/{summary.pk}/edit/"
    assert summary.is_period


def test_the_page_shows_a_bad_period_in_its_error_summary(client, riverside_coordinator, work):
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        "/learning/draft-period/",
        {
            "period_start_0": "1",
            "period_start_1": "6",
            "period_start_2": "2026",
            "period_end_0": "1",
            "period_end_1": "5",
            "period_end_2": "2026",
        },
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "must be the same as or after its start" in response.text
    assert not LearningSummary.objects.exists()


def test_an_empty_period_form_shows_what_is_missing(client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    response = client.post("/learning/draft-period/", {})
    assert response.status_code == 400
    assert "Enter the first day of the period" in response.text
    assert "Enter the last day of the period" in response.text


def test_a_period_without_work_says_so_on_the_page(client, riverside_coordinator):
    today = timezone.localdate()
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        "/learning/draft-period/",
        {
            "period_start_0": today.day,
            "period_start_1": today.month,
            "period_start_2": today.year,
            "period_end_0": today.day,
            "period_end_1": today.month,
            "period_end_2": today.year,
        },
    )
    assert response.status_code == 400
    assert "There was no work" in response.text


def test_a_period_summarys_document_follows_the_schema_and_imports(
    riverside_coordinator, hillview_coordinator, work
):
    body = _post(riverside_coordinator, _days()).json()
    summary = LearningSummary.objects.get(pk=body["id"])
    services.publish_summary(by=riverside_coordinator, summary=summary)
    api = api_client_for(riverside_coordinator)
    document = api.get(f"/api/v1/learning-summaries/{summary.pk}?format=json").json()
    assert document["period"]["start"] == _days()["period_start"]
    assert document["work"]["pieces"] == [work[0].opportunity.title]
    SummaryDocument.model_validate(document)
    imported = services.import_summary(by=hillview_coordinator, raw=json.dumps(document))
    assert imported.document["period"]["end"] == _days()["period_end"]


def test_a_single_piece_of_works_document_stays_valid_without_the_period_fields(
    riverside_coordinator, work
):
    offer, _z, _q = work
    summary = services.draft_summary(by=riverside_coordinator, opportunity=offer.opportunity)
    api = api_client_for(riverside_coordinator)
    document = api.get(f"/api/v1/learning-summaries/{summary.pk}?format=json").json()
    assert "period" not in document
    assert "levels" not in document["sections"]
    SummaryDocument.model_validate(document)


def test_a_published_period_summary_is_found_in_the_library_by_any_of_its_levels(
    client, riverside_coordinator, riverside_admin, hillview_coordinator, work
):
    opportunity(riverside_coordinator, title="A second piece", level="consultation", status="open")
    body = _post(riverside_coordinator, _days()).json()
    summary = LearningSummary.objects.get(pk=body["id"])
    services.publish_summary(by=riverside_coordinator, summary=summary)
    services.set_network_sharing(by=riverside_admin, share_summaries=True, contribute_figures=False)
    logged_in(client, hillview_coordinator.user)
    for level in ("co_production", "consultation"):
        page = client.get(f"/network/library/?level={level}")
        assert page.status_code == 200
        assert summary.title in page.text, level
    assert summary.title not in client.get("/network/library/?level=participation").text

"""Learning summaries: drafted from the records, edited in plain words, held to the
clarity checker when published, and showing the experts who took part only while they
agree — in the page, the standalone page, easy read, the PDF and the JSON document."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.http import HttpResponseBase
from django.test import Client
from pypdf import PdfReader

from powerwith.evaluation.impact_consent import WITHDRAWN
from powerwith.learning import services
from powerwith.learning.document import SummaryDocument
from powerwith.learning.models import LearningSummary
from tests.conftest import api_client_for, logged_in
from tests.learning.factories import (
    CANARY_WORDS,
    drafted,
    give,
    withdraw,
    work_with_two_experts,
)

pytestmark = pytest.mark.django_db

FORMATS = ("json", "html", "easy-read", "pdf")


def _text(response: HttpResponseBase) -> str:
    if response["Content-Type"] == "application/pdf":
        reader = PdfReader(io.BytesIO(response.content))  # type: ignore[attr-defined]
        return " ".join(page.extract_text() for page in reader.pages)
    return str(response.content.decode())  # type: ignore[attr-defined]


def every_format(api: Client, summary: LearningSummary) -> dict[str, str]:
    found = {}
    for fmt in FORMATS:
        response = api.get(f"/api/v1/learning-summaries/{summary.pk}?format={fmt}")
        assert response.status_code == 200, (fmt, response.content[:300])
        found[fmt] = _text(response)
    return found


@pytest.fixture
def work(riverside, riverside_coordinator):
    return work_with_two_experts(riverside_coordinator, riverside)


def test_a_coordinator_drafts_a_summary_pre_filled_from_the_records(riverside_coordinator, work):
    offer, _z, _q = work
    api = api_client_for(riverside_coordinator)
    response = api.post(f"/api/v1/opportunities/{offer.opportunity_id}/learning-summary")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    sections = body["sections"]
    assert offer.opportunity.purpose in sections["what_was_done"]
    assert sections["level"]["code"] == offer.opportunity.level
    assert sections["you_said_we_did"][0]["you_said"] == CANARY_WORDS
    assert sections["you_said_we_did"][0]["contributors"] == ["Zephyrine"]
    assert set(sections["scorecard"]) == {"people", "outcomes", "work", "evaluation", "review"}
    assert sections["withdrawn"] is None


def test_only_coordinators_and_admins_draft_summaries(riverside_auditor, work):
    offer, _z, _q = work
    api = api_client_for(riverside_auditor)
    response = api.post(f"/api/v1/opportunities/{offer.opportunity_id}/learning-summary")
    assert response.status_code == 403


def test_another_organisations_work_is_not_found(hillview_coordinator, work):
    offer, _z, _q = work
    api = api_client_for(hillview_coordinator)
    response = api.post(f"/api/v1/opportunities/{offer.opportunity_id}/learning-summary")
    assert response.status_code == 404
    assert not LearningSummary.objects.exists()


def test_every_format_shows_the_words_and_names_while_consent_is_given(riverside_coordinator, work):
    offer, _z, _q = work
    summary = drafted(
        riverside_coordinator, offer, what_worked="Zephyrine led the second half of the day."
    )
    for fmt, text in every_format(api_client_for(riverside_coordinator), summary).items():
        assert "CANARY-WORDS" in text, fmt
        assert "Zephyrine" in text, fmt
        assert WITHDRAWN not in text, fmt


@pytest.mark.parametrize("scope", ["publish", "be_quoted"])
def test_withdrawing_takes_the_person_out_of_every_format_and_says_a_contribution_was_withdrawn(
    riverside_coordinator, work, scope
):
    offer, zephyrine, _q = work
    summary = drafted(
        riverside_coordinator, offer, what_worked="Zephyrine led the second half of the day."
    )
    services.publish_summary(by=riverside_coordinator, summary=summary)
    withdraw(zephyrine, offer, scope)
    for fmt, text in every_format(api_client_for(riverside_coordinator), summary).items():
        assert "Zephyrine" not in text, fmt
        assert "led the second half of the day" in text, fmt
        if scope == "publish":
            assert "CANARY-WORDS" not in text, fmt
        if fmt != "easy-read":
            assert "A contribution was withdrawn" in text, fmt
        else:
            assert "Someone took back their words" in text
        # Never whose: the other expert's name is not there either, to point at.
        assert "Quillon" not in text, fmt


def test_someone_who_never_agreed_to_publish_is_neither_quoted_nor_named(
    riverside, riverside_coordinator
):
    from tests.conftest import make_expert
    from tests.workflows.factories import agreed_offer

    person = make_expert("ottoline@people.example", "Ottoline", riverside)
    offer = agreed_offer(riverside_coordinator, person)
    give(person, offer, "share_narrative", "be_quoted")
    from powerwith.evaluation.services.learning import record_impact

    record_impact(
        by=riverside_coordinator,
        opportunity=offer.opportunity,
        you_said=CANARY_WORDS,
        we_did="We changed the timetable.",
        contributor_ids=[person.pk],
    )
    summary = drafted(riverside_coordinator, offer, what_worked="Ottoline chaired the panel.")
    for fmt, text in every_format(api_client_for(riverside_coordinator), summary).items():
        assert "Ottoline" not in text, fmt
        assert "CANARY-WORDS" not in text, fmt
        assert "We changed the timetable." in text, fmt
        assert "A contribution was withdrawn" not in text, fmt


def test_the_json_document_follows_its_schema(riverside_coordinator, work):
    offer, _z, _q = work
    summary = drafted(riverside_coordinator, offer)
    api = api_client_for(riverside_coordinator)
    document = api.get(f"/api/v1/learning-summaries/{summary.pk}?format=json").json()
    SummaryDocument.model_validate(document)
    assert document["organisation"] == "Riverside Care Partnership"


def test_the_schema_is_served_and_documented_the_same(client):
    from pathlib import Path

    served = client.get("/learning/schema.json")
    assert served.status_code == 200
    documented = Path(__file__).parents[2] / "docs" / "schemas" / "learning-summary.schema.json"
    assert json.loads(served.content) == json.loads(documented.read_text())


def test_a_summary_saying_what_the_charter_rules_out_is_not_published(riverside_coordinator, work):
    offer, _z, _q = work
    summary = drafted(
        riverside_coordinator, offer, do_differently="This will definitely end restraint."
    )
    api = api_client_for(riverside_coordinator)
    response = api.post(f"/api/v1/learning-summaries/{summary.pk}/publish")
    assert response.status_code == 409
    assert response.json()["blocking"][0]["section"] == "do_differently"
    summary.refresh_from_db()
    assert summary.status == "draft"

    api.patch(
        f"/api/v1/learning-summaries/{summary.pk}",
        {"do_differently": "Ask the experts to chair every meeting."},
        content_type="application/json",
    )
    response = api.post(f"/api/v1/learning-summaries/{summary.pk}/publish")
    assert response.status_code == 200
    assert response.json()["status"] == "published"


def test_a_published_summary_is_not_changed(riverside_coordinator, work):
    offer, _z, _q = work
    summary = drafted(riverside_coordinator, offer)
    services.publish_summary(by=riverside_coordinator, summary=summary)
    api = api_client_for(riverside_coordinator)
    response = api.patch(
        f"/api/v1/learning-summaries/{summary.pk}",
        {"what_worked": "Something new."},
        content_type="application/json",
    )
    assert response.status_code == 409


def test_an_expert_who_took_part_reads_the_draft_and_comments(client, riverside_coordinator, work):
    offer, _zephyrine, quillon = work
    summary = drafted(riverside_coordinator, offer)
    page = logged_in(client, quillon.user).get(f"/learning/summaries/{summary.pk}/")
    assert page.status_code == 200
    assert "Comment on this draft" in page.text
    response = client.post(
        f"/learning/summaries/{summary.pk}/comment/", {"text": "CANARY-COMMENT: it was fair."}
    )
    assert response.status_code == 302
    api = api_client_for(riverside_coordinator)
    read = api.get(f"/api/v1/learning-summaries/{summary.pk}").json()
    assert read["sections"]["comments"] == [], "a comment is not published unless quoted"
    (comment,) = summary.comments.all()
    services.quote_comment(by=riverside_coordinator, summary=summary, comment=comment)
    read = api.get(f"/api/v1/learning-summaries/{summary.pk}").json()
    assert read["sections"]["comments"] == [
        {"text": "CANARY-COMMENT: it was fair.", "by": "Quillon"}
    ]
    withdraw(quillon, offer, "publish")
    for fmt, text in every_format(api, summary).items():
        assert "CANARY-COMMENT" not in text, fmt


def test_an_expert_who_did_not_take_part_cannot_read_the_draft(
    client, riverside, riverside_coordinator, work
):
    from tests.conftest import make_expert

    offer, _z, _q = work
    summary = drafted(riverside_coordinator, offer)
    outsider = make_expert("outsider@people.example", "Outsider", riverside)
    assert outsider.user is not None
    response = logged_in(client, outsider.user).get(f"/learning/summaries/{summary.pk}/")
    assert response.status_code == 404
    response = client.post(f"/learning/summaries/{summary.pk}/comment/", {"text": "Hello"})
    assert response.status_code == 404


def test_an_empty_comment_is_answered_with_its_error(client, riverside_coordinator, work):
    offer, _z, quillon = work
    summary = drafted(riverside_coordinator, offer)
    logged_in(client, quillon.user)
    response = client.post(f"/learning/summaries/{summary.pk}/comment/", {})
    assert response.status_code == 400
    assert "Enter your comment" in response.text


def test_a_draft_is_not_read_by_another_organisation(
    hillview_coordinator, riverside_coordinator, work
):
    offer, _z, _q = work
    summary = drafted(riverside_coordinator, offer)
    api = api_client_for(hillview_coordinator)
    assert api.get(f"/api/v1/learning-summaries/{summary.pk}").status_code == 404


def test_an_unknown_format_is_refused(riverside_coordinator, work):
    offer, _z, _q = work
    summary = drafted(riverside_coordinator, offer)
    api = api_client_for(riverside_coordinator)
    assert api.get(f"/api/v1/learning-summaries/{summary.pk}?format=doc").status_code == 422


def test_the_pdf_is_tagged_with_its_language_and_title(riverside_coordinator, work):
    """A screen reader can follow the published summary's PDF: tagged, in English, and
    titled with the work, as every other PDF powerwith makes."""
    offer, _z, _q = work
    summary = drafted(riverside_coordinator, offer)
    services.publish_summary(by=riverside_coordinator, summary=summary)
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/learning-summaries/{summary.pk}?format=pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert offer.opportunity.title in str(reader.metadata.title)

"""The person's own Wellness Action Plan pages: write and change it, with a review date
in the GOV.UK date pattern, choose readers, print it and download it as a tagged PDF."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader

from powerwith.people.models import WellnessActionPlan
from tests.conftest import api_client_for, logged_in
from tests.people.factories import PLAN_WORDS, written_plan
from tests.people.steps import plan_post

pytestmark = pytest.mark.django_db


def test_the_person_writes_their_plan_with_a_review_date(client: Client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)
    response = client.post("/my-wellness-action-plan/edit/", plan_post())
    assert response.status_code == 302
    plan = WellnessActionPlan.objects.get(person=expert_at_riverside)
    assert plan.keeps_me_well == PLAN_WORDS
    assert plan.review_date == dt.date(2027, 3, 1)
    page = client.get("/my-wellness-action-plan/").content.decode()
    assert PLAN_WORDS in page
    assert "1 March 2027" in page


def test_the_form_asks_minds_questions_with_hints(client: Client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)
    page = client.get("/my-wellness-action-plan/edit/").content.decode()
    assert "What helps you stay mentally healthy at work?" in page
    assert "What support could your contact person put in place to help you?" in page
    assert "review_date_0" in page
    assert "review_date_2" in page


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2027", "must be a real date"),
        ("1", "", "2027", "must include a month"),
        ("1", "3", "1999", "within the last year"),
    ],
)
def test_a_bad_review_date_is_shown_in_the_error_summary_and_nothing_is_saved(
    client: Client, expert_at_riverside, day, month, year, message
):
    logged_in(client, expert_at_riverside.user)
    response = client.post(
        "/my-wellness-action-plan/edit/",
        plan_post(review_date_0=day, review_date_1=month, review_date_2=year),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert "<title>Error: " in page
    assert not WellnessActionPlan.objects.filter(person=expert_at_riverside).exists()


def test_a_bad_review_date_leaves_an_existing_plan_unchanged(client: Client, expert_at_riverside):
    written_plan(expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    client.post(
        "/my-wellness-action-plan/edit/",
        plan_post(keeps_me_well="Changed words", review_date_0="40"),
    )
    assert WellnessActionPlan.objects.get(person=expert_at_riverside).keeps_me_well == PLAN_WORDS


def test_the_readers_checklist_names_staff_with_their_role_and_organisation(
    client: Client,
    riverside_contact,
    riverside_coordinator,
    hillview_coordinator,
    expert_at_riverside,
):
    logged_in(client, expert_at_riverside.user)
    page = client.get("/my-wellness-action-plan/readers/").content.decode()
    assert "Contact person at Riverside Care Partnership" in page
    assert "Coordinator at Riverside Care Partnership" in page
    assert "Hillview" not in page


def test_the_plan_prints_as_a_page_of_its_own(client: Client, expert_at_riverside):
    written_plan(expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.get("/my-wellness-action-plan/print/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "@media print" in response.content.decode()
    assert "style-src 'sha256-" in response["Content-Security-Policy"]
    assert PLAN_WORDS in response.content.decode()


def test_the_plan_downloads_as_a_tagged_pdf(client: Client, expert_at_riverside):
    written_plan(expert_at_riverside)
    logged_in(client, expert_at_riverside.user)
    response = client.get("/my-wellness-action-plan/plan.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    reader = PdfReader(io.BytesIO(response.content))
    catalog: Any = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en-GB"
    assert "pdfuaid:part" in catalog["/Metadata"].get_object().get_data().decode()
    assert reader.metadata is not None
    assert reader.metadata.title == "Wellness Action Plan – Alex"
    assert PLAN_WORDS in "".join(page.extract_text() for page in reader.pages)


def test_without_a_plan_there_is_nothing_to_print(client: Client, expert_at_riverside):
    logged_in(client, expert_at_riverside.user)
    assert client.get("/my-wellness-action-plan/print/").status_code == 404
    assert client.get("/my-wellness-action-plan/plan.pdf").status_code == 404


def test_staff_have_no_own_plan_pages(client: Client, riverside_coordinator):
    logged_in(client, riverside_coordinator.user)
    for path in ("/my-wellness-action-plan/", "/my-wellness-action-plan/edit/"):
        assert client.get(path).status_code == 404


def test_the_person_changes_their_plan_over_the_api(expert_at_riverside, riverside_contact):
    membership = expert_at_riverside.user.memberships.get()
    client = api_client_for(membership)
    answer = client.put(
        "/api/v1/me/wellness-action-plan",
        {
            "keeps_me_well": PLAN_WORDS,
            "review_date": "2027-03-01",
            "readers": [riverside_contact.user_id],
        },
        content_type="application/json",
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["review_date"] == "2027-03-01"
    assert (
        api_client_for(riverside_contact)
        .get(f"/api/v1/people/{expert_at_riverside.pk}/wellness-action-plan")
        .status_code
        == 200
    )


@pytest.mark.parametrize(
    "body",
    [
        {"review_date": "2027-02-31"},
        {"keeps_me_well": "x" * 4001},
        {"readers": ["everyone"]},
    ],
)
def test_bad_input_over_the_api_is_422_and_changes_nothing(expert_at_riverside, body):
    membership = expert_at_riverside.user.memberships.get()
    answer = api_client_for(membership).put(
        "/api/v1/me/wellness-action-plan", body, content_type="application/json"
    )
    assert answer.status_code == 422
    assert "detail" in answer.json()
    assert not WellnessActionPlan.objects.filter(person=expert_at_riverside).exists()


def test_a_reader_who_is_not_staff_of_their_organisations_is_refused_over_the_api(
    expert_at_riverside, hillview_coordinator
):
    written_plan(expert_at_riverside)
    membership = expert_at_riverside.user.memberships.get()
    answer = api_client_for(membership).put(
        "/api/v1/me/wellness-action-plan",
        {"keeps_me_well": "Changed", "readers": [hillview_coordinator.user_id]},
        content_type="application/json",
    )
    assert answer.status_code == 422
    plan = WellnessActionPlan.objects.get(person=expert_at_riverside)
    assert plan.keeps_me_well == PLAN_WORDS
    assert not plan.readers.exists()

"""The training evidence pages, PDF and API: roles, 404s, the coordinator's form, and no
N+1 on the report or the list."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.evaluation.models.training import TrainingCourseEvidence
from powerwith.opportunities.models import Opportunity
from powerwith.reports.training.naming import ANONYMOUS
from tests.conftest import api_client_for, logged_in
from tests.reports.factories import RESTRAINT, booked_on, consent_to, course, expert, involve

pytestmark = pytest.mark.django_db


def _report(opportunity: Opportunity) -> str:
    return f"/opportunities/{opportunity.pk}/training-evidence/"


def _named_course(by: Membership) -> Opportunity:
    training = course(by, title="Safer holds course")
    robin = expert(by, "Robin", RESTRAINT)
    involve(by, robin, training)
    consent_to(robin, training, "be_quoted", by)
    involve(by, expert(by, "Quinn"), training)
    return training


def test_pinned_urls() -> None:
    assert reverse("reports:training_courses") == "/training-evidence/"
    assert reverse("reports:training_evidence", args=[7]) == "/opportunities/7/training-evidence/"
    assert (
        reverse("reports:training_evidence_record", args=[7])
        == "/opportunities/7/training-evidence/record/"
    )
    assert (
        reverse("reports:training_evidence_pdf", args=[7])
        == "/opportunities/7/training-evidence.pdf"
    )


def test_a_coordinator_sees_the_courses_and_a_report_named_as_consented(
    client: Client, riverside_coordinator: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    course(riverside_coordinator, title="Service redesign", focus=["service_design"])
    logged_in(client, riverside_coordinator.user)
    listing = client.get("/training-evidence/").content.decode()
    assert "Safer holds course" in listing
    assert "Service redesign" not in listing
    page = client.get(_report(training)).content.decode()
    assert "Robin" in page
    assert "Quinn" not in page
    assert ANONYMOUS in page
    assert "People with lived experience of restraint helped develop or deliver" in page


def test_an_auditor_reads_it_anonymised_and_cannot_record(
    client: Client, riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    logged_in(client, riverside_auditor.user)
    page = client.get(_report(training))
    assert page.status_code == 200
    assert "Robin" not in page.content.decode()
    assert "Robin" not in client.get("/training-evidence/").content.decode()
    assert client.get(_report(training) + "record/").status_code == 403
    assert (
        client.post(_report(training) + "record/", {"lived_experience_first": "no"}).status_code
        == 403
    )


@pytest.mark.parametrize("role", ["riverside_contact", "expert"])
def test_experts_and_contact_people_are_refused(
    client: Client, role: str, request: pytest.FixtureRequest, riverside_coordinator: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    if role == "expert":
        user = request.getfixturevalue("expert_at_riverside").user
    else:
        user = request.getfixturevalue(role).user
    logged_in(client, user)
    assert client.get("/training-evidence/").status_code == 403
    assert client.get(_report(training)).status_code == 403


def test_another_organisations_course_is_not_found(
    client: Client, riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    logged_in(client, hillview_coordinator.user)
    assert client.get(_report(training)).status_code == 404
    assert client.get(_report(training) + "record/").status_code == 404
    assert client.get(f"/opportunities/{training.pk}/training-evidence.pdf").status_code == 404
    assert "Safer holds course" not in client.get("/training-evidence/").content.decode()


def test_a_non_training_opportunity_has_no_report(
    client: Client, riverside_coordinator: Membership
) -> None:
    other = course(riverside_coordinator, focus=["service_design"])
    logged_in(client, riverside_coordinator.user)
    assert client.get(_report(other)).status_code == 404
    assert client.get(_report(other) + "record/").status_code == 404
    assert (
        api_client_for(riverside_coordinator)
        .get(f"/api/v1/opportunities/{other.pk}/training-evidence")
        .status_code
        == 404
    )


def test_the_coordinator_records_that_staff_heard_it_first(
    client: Client, riverside_coordinator: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    session = training.sessions.get()
    logged_in(client, riverside_coordinator.user)
    assert client.get(_report(training) + "record/").status_code == 200
    response = client.post(
        _report(training) + "record/",
        {"lived_experience_first": "yes", "how": "Robin opened the day.", "session": session.pk},
    )
    assert response.status_code == 302
    evidence = TrainingCourseEvidence.objects.get()
    assert evidence.lived_experience_first
    assert evidence.session == session
    assert "Robin opened the day." in client.get(_report(training)).content.decode()


def test_yes_without_how_shows_an_error_and_records_nothing(
    client: Client, riverside_coordinator: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    response = client.post(_report(training) + "record/", {"lived_experience_first": "yes"})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert not TrainingCourseEvidence.objects.exists()
    bad = client.post(_report(training) + "record/", {"lived_experience_first": "perhaps"})
    assert bad.status_code == 400
    assert "Choose yes or no" in bad.content.decode()


def test_the_pdf_is_a_tagged_pdf_named_as_consented(
    client: Client, riverside_coordinator: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    response = client.get(f"/opportunities/{training.pk}/training-evidence.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_api_gives_the_report(
    riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    body = (
        api_client_for(riverside_coordinator)
        .get(f"/api/v1/opportunities/{training.pk}/training-evidence")
        .json()
    )
    assert [c["name"] for c in body["contributors"]] == ["Robin", ANONYMOUS]
    assert body["contributors"][0]["direct_restraint_experience"] is True
    assert [s["state"] for s in body["statements"]] == ["met", "not_recorded"]
    audited = (
        api_client_for(riverside_auditor)
        .get(f"/api/v1/opportunities/{training.pk}/training-evidence")
        .json()
    )
    assert audited["anonymised"] is True
    assert {c["name"] for c in audited["contributors"]} == {ANONYMOUS}


def test_the_api_refuses_experts_and_hides_other_organisations(
    riverside_coordinator: Membership, hillview_coordinator: Membership, expert_at_riverside
) -> None:
    training = _named_course(riverside_coordinator)
    url = f"/api/v1/opportunities/{training.pk}/training-evidence"
    assert api_client_for(hillview_coordinator).get(url).status_code == 404
    own = Membership.objects.get(user=expert_at_riverside.user)
    assert api_client_for(own).get(url).status_code == 403
    assert (
        api_client_for(riverside_coordinator)
        .get("/api/v1/opportunities/999999/training-evidence")
        .status_code
        == 404
    )


def _count(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_report_makes_as_many_queries_for_25_people_as_for_5(
    client: Client, riverside_coordinator: Membership
) -> None:
    training = course(riverside_coordinator, sessions=2)
    logged_in(client, riverside_coordinator.user)

    def grow(start: int, end: int) -> None:
        for number in range(start, end):
            person = expert(riverside_coordinator, f"Person{number}", RESTRAINT)
            involve(riverside_coordinator, person, training)
            booked_on(riverside_coordinator, person, training)
            if number % 2:
                consent_to(person, training, "be_quoted", riverside_coordinator)

    grow(0, 5)
    few = _count(client, _report(training))
    api = api_client_for(riverside_coordinator)
    api_url = f"/api/v1/opportunities/{training.pk}/training-evidence"
    few_api = _count(api, api_url)
    grow(5, 25)
    assert _count(client, _report(training)) <= few
    assert _count(api, api_url) <= few_api


def test_the_list_makes_as_many_queries_for_25_courses_as_for_5(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    robin = expert(riverside_coordinator, "Robin", RESTRAINT)

    def grow(count: int) -> None:
        for _ in range(count):
            training = course(riverside_coordinator)
            involve(riverside_coordinator, robin, training)

    grow(5)
    few = _count(client, "/training-evidence/")
    grow(20)
    assert _count(client, "/training-evidence/") <= few


def test_an_auditor_can_download_the_anonymised_pdf(
    client: Client, riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    training = _named_course(riverside_coordinator)
    logged_in(client, riverside_auditor.user)
    response = client.get(f"/opportunities/{training.pk}/training-evidence.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"

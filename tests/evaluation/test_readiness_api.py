"""The readiness self-assessment over the API, and the readiness pages' query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from powerwith.accounts.models import Membership
from powerwith.evaluation.models.readiness import ReadinessAssessment
from powerwith.evaluation.services.readiness import add_action
from powerwith.people.models import Person
from tests.conftest import api_client_for, logged_in
from tests.evaluation.factories import assessment, in_days, middling

pytestmark = pytest.mark.django_db


def test_get_answers_no_assessment_yet_with_the_factors(
    riverside_coordinator: Membership,
) -> None:
    response = api_client_for(riverside_coordinator).get("/api/v1/readiness")
    assert response.status_code == 200
    body = response.json()
    assert body["latest"] is None
    assert len(body["factors"]) == 15
    assert body["factors"][0]["ratings"][0] == {
        "code": "big_barrier",
        "label": "A big barrier here",
    }


def test_post_makes_an_assessment_and_get_gives_the_latest(
    riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    ratings = middling() | {"enabler.leaders": "not_yet"}
    client = api_client_for(riverside_coordinator)
    response = client.post(
        "/api/v1/readiness",
        {"ratings": ratings, "review_date": in_days(100).isoformat(), "summary": "First go."},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["work_on_first"] == ["enabler.leaders"]
    latest = api_client_for(riverside_auditor).get("/api/v1/readiness").json()["latest"]
    assert latest["summary"] == "First go."
    assert len(latest["answers"]) == 15


@pytest.mark.parametrize(
    "body",
    [
        {"ratings": {"barrier.uncertainty": "big_barrier"}, "review_date": "2099-01-01"},
        {"ratings": {}, "review_date": "not a date"},
        {"review_date": "2099-01-01"},
        {"ratings": "nonsense", "review_date": "2099-01-01"},
    ],
)
def test_bad_input_is_a_clear_422_and_saves_nothing(
    riverside_coordinator: Membership, body: dict[str, object]
) -> None:
    response = api_client_for(riverside_coordinator).post(
        "/api/v1/readiness", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert "detail" in response.json()
    assert not ReadinessAssessment.objects.exists()


def test_an_auditor_cannot_post(riverside_auditor: Membership) -> None:
    response = api_client_for(riverside_auditor).post(
        "/api/v1/readiness",
        {"ratings": middling(), "review_date": in_days(30).isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_an_expert_is_refused(expert_at_riverside: Person) -> None:
    own = Membership.objects.get(user=expert_at_riverside.user)
    assert api_client_for(own).get("/api/v1/readiness").status_code == 403


def test_another_organisations_assessment_is_never_the_latest(
    riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    assessment(riverside_coordinator)
    assert api_client_for(hillview_coordinator).get("/api/v1/readiness").json()["latest"] is None


def _count(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_readiness_pages_make_as_many_queries_for_25_actions_as_for_5(
    client: Client, riverside_coordinator: Membership
) -> None:
    made = assessment(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)

    def grow(count: int) -> None:
        for number in range(count):
            add_action(
                by=riverside_coordinator,
                assessment=made,
                factor="grow.honesty",
                what=f"Action {number}",
                owner_id=riverside_coordinator.user_id,
                due_date=in_days(10),
            )
            assessment(riverside_coordinator)

    grow(5)
    counts = [_count(client, url) for url in ("/readiness/", f"/readiness/{made.pk}/")]
    grow(20)
    after = [_count(client, url) for url in ("/readiness/", f"/readiness/{made.pk}/")]
    assert all(later <= before for later, before in zip(after, counts, strict=True))

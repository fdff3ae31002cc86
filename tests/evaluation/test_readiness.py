"""The readiness self-assessment: the charter's factors, written once per assessment,
what to work on first, the action plan, and who may do what."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.evaluation.models.readiness import ReadinessAnswer, ReadinessAssessment
from powerwith.evaluation.queries import readiness as queries
from powerwith.evaluation.readiness import (
    BARRIER,
    ENABLER,
    FACTORS,
    GROW_FACTOR,
    factors_in,
)
from powerwith.evaluation.services.readiness import (
    add_action,
    complete_assessment,
    mark_action_done,
)
from tests.conftest import date_fields, logged_in
from tests.evaluation.factories import assessment, in_days, middling

pytestmark = pytest.mark.django_db


def test_the_factors_are_the_charters_five_barriers_four_enablers_and_six_grow_factors() -> None:
    assert len(factors_in(BARRIER)) == 5
    assert len(factors_in(ENABLER)) == 4
    assert len(factors_in(GROW_FACTOR)) == 6
    texts = [f.text for f in FACTORS]
    assert "A culture of honesty and transparency" in texts
    assert any(t.startswith("Inspirational leaders and managers") for t in texts)


def test_an_assessment_keeps_an_answer_for_every_factor_and_an_audit_record(
    riverside_coordinator: Membership,
) -> None:
    made = assessment(riverside_coordinator, barrier__time_and_cost="big_barrier")
    assert made.answers.count() == 15
    assert made.answers.get(factor="barrier.time_and_cost").rating == "big_barrier"
    assert AuditEvent.objects.filter(action="readiness.assessed", target_id=str(made.pk)).exists()


def test_a_new_assessment_is_a_new_row_and_the_earlier_one_is_kept(
    riverside_coordinator: Membership,
) -> None:
    first = assessment(riverside_coordinator, grow__honesty="not_yet")
    assessment(riverside_coordinator, grow__honesty="in_place")
    assert ReadinessAssessment.objects.count() == 2
    assert ReadinessAnswer.objects.get(assessment=first, factor="grow.honesty").rating == "not_yet"
    found = queries.assessments_of(riverside_coordinator)
    assert found[1].pk == first.pk


def test_a_missing_answer_is_refused_and_nothing_is_saved(
    riverside_coordinator: Membership,
) -> None:
    ratings = middling()
    del ratings["enabler.leaders"]
    with pytest.raises(InvalidInput) as error:
        complete_assessment(by=riverside_coordinator, ratings=ratings, review_date=in_days(90))
    assert error.value.field == "enabler.leaders"
    assert not ReadinessAssessment.objects.exists()


def test_a_barrier_cannot_be_rated_as_in_place(riverside_coordinator: Membership) -> None:
    ratings = middling() | {"barrier.uncertainty": "in_place"}
    with pytest.raises(InvalidInput):
        complete_assessment(by=riverside_coordinator, ratings=ratings, review_date=in_days(90))


def test_an_unknown_factor_is_refused(riverside_coordinator: Membership) -> None:
    ratings = middling() | {"barrier.made_up": "big_barrier"}
    with pytest.raises(InvalidInput):
        complete_assessment(by=riverside_coordinator, ratings=ratings, review_date=in_days(90))


def test_the_review_date_must_be_in_the_future(riverside_coordinator: Membership) -> None:
    with pytest.raises(InvalidInput) as error:
        complete_assessment(by=riverside_coordinator, ratings=middling(), review_date=in_days(0))
    assert error.value.field == "review_date"


@pytest.mark.parametrize("role", ["riverside_auditor", "riverside_contact"])
def test_only_coordinators_and_admins_fill_it_in(role: str, request: pytest.FixtureRequest) -> None:
    membership = request.getfixturevalue(role)
    with pytest.raises(NotAllowed):
        complete_assessment(by=membership, ratings=middling(), review_date=in_days(90))


def test_an_admin_can_fill_it_in(riverside_admin: Membership) -> None:
    assert assessment(riverside_admin).completed_by == riverside_admin.user


def test_work_on_first_is_big_barriers_and_what_is_not_yet_in_place(
    riverside_coordinator: Membership,
) -> None:
    made = assessment(
        riverside_coordinator,
        barrier__counter_demands="big_barrier",
        barrier__uncertainty="some_barrier",
        enabler__leaders="not_yet",
        grow__conflict="not_yet",
        grow__honesty="partly",
    )
    result = queries.result_of(queries.get_assessment_for(riverside_coordinator, made.pk))
    assert [row.factor.code for row in result.work_on_first] == [
        "barrier.counter_demands",
        "enabler.leaders",
        "grow.conflict",
    ]


def test_an_action_needs_an_owner_from_the_organisation(
    riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    made = assessment(riverside_coordinator)
    with pytest.raises(InvalidInput) as error:
        add_action(
            by=riverside_coordinator,
            assessment=made,
            factor="grow.honesty",
            what="Share the board papers.",
            owner_id=hillview_coordinator.user_id,
            due_date=in_days(30),
        )
    assert error.value.field == "owner"


def test_an_action_is_added_and_marked_done_once(
    riverside_coordinator: Membership, riverside_admin: Membership
) -> None:
    made = assessment(riverside_coordinator)
    action = add_action(
        by=riverside_coordinator,
        assessment=made,
        factor="enabler.leaders",
        what="Ask the board for a sponsor.",
        owner_id=riverside_admin.user_id,
        due_date=in_days(30),
    )
    done = mark_action_done(by=riverside_admin, action=action)
    assert done.status == "done"
    assert done.done_by == riverside_admin.user
    assert done.done_at is not None
    with pytest.raises(Conflict):
        mark_action_done(by=riverside_admin, action=action)
    assert AuditEvent.objects.filter(action="readiness.action_done").count() == 1


def test_an_action_cannot_be_due_in_the_past(riverside_coordinator: Membership) -> None:
    made = assessment(riverside_coordinator)
    with pytest.raises(InvalidInput) as error:
        add_action(
            by=riverside_coordinator,
            assessment=made,
            factor="grow.honesty",
            what="Something.",
            owner_id=riverside_coordinator.user_id,
            due_date=in_days(-1),
        )
    assert error.value.field == "due_date"


# Pages


def _form_data(review_date: date | None = None, **overrides: str) -> dict[str, str]:
    data = {"rating_" + code.replace(".", "_"): rating for code, rating in middling().items()}
    data.update(date_fields("review_date", review_date or in_days(120)))
    data.update(overrides)
    return data


def test_a_coordinator_fills_in_the_form_and_sees_the_results(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    page = client.get("/readiness/new/")
    assert page.status_code == 200
    assert "Inspirational leaders and managers" in page.content.decode()
    response = client.post(
        "/readiness/new/",
        _form_data(rating_barrier_time_and_cost="big_barrier", note_grow_honesty="Mostly."),
    )
    made = ReadinessAssessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/readiness/{made.pk}/"
    assert made.answers.get(factor="grow.honesty").note == "Mostly."
    results = client.get(response["Location"]).content.decode()
    assert "What to work on first" in results
    assert "Practical constraints, such as concerns over time and cost" in results
    listing = client.get("/readiness/").content.decode()
    assert "Your latest self-assessment" in listing


def test_a_missing_answer_shows_the_error_summary_and_saves_nothing(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    data = _form_data()
    del data["rating_grow_conflict"]
    response = client.post("/readiness/new/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "Choose an answer for: A recognition that conflict is part of the process" in page
    assert 'href="#id_rating_grow_conflict_0"' in page
    assert not ReadinessAssessment.objects.exists()


def test_a_coordinator_adds_an_action_and_marks_it_done_from_the_page(
    client: Client, riverside_coordinator: Membership, riverside_admin: Membership
) -> None:
    made = assessment(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/readiness/{made.pk}/",
        {
            "factor": "grow.feedback_loop",
            "what": "A “you said, we did” board.",
            "owner": str(riverside_admin.user_id),
            **date_fields("due_date", in_days(20)),
        },
    )
    assert response.status_code == 302
    action = made.actions.get()
    assert action.owner == riverside_admin.user
    done = client.post(f"/readiness/{made.pk}/actions/{action.pk}/done/")
    assert done.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"
    again = client.post(f"/readiness/{made.pk}/actions/{action.pk}/done/")
    assert again.status_code == 400
    assert "already marked done" in again.content.decode()


def test_an_action_with_no_owner_shows_an_error(
    client: Client, riverside_coordinator: Membership
) -> None:
    made = assessment(riverside_coordinator)
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/readiness/{made.pk}/", {"factor": "grow.honesty", "what": "x", "due_date": ""}
    )
    assert response.status_code == 400
    assert "Choose who owns the action" in response.content.decode()
    assert not made.actions.exists()


def test_an_auditor_reads_but_cannot_write(
    client: Client, riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    made = assessment(riverside_coordinator)
    logged_in(client, riverside_auditor.user)
    assert client.get("/readiness/").status_code == 200
    page = client.get(f"/readiness/{made.pk}/")
    assert page.status_code == 200
    assert "Add an action" not in page.content.decode()
    assert client.get("/readiness/new/").status_code == 403
    assert client.post("/readiness/new/", _form_data()).status_code == 403
    assert client.post(f"/readiness/{made.pk}/", {"factor": "grow.honesty"}).status_code == 403


@pytest.mark.parametrize("role", ["riverside_contact", "expert"])
def test_experts_and_contact_people_are_refused(
    client: Client,
    role: str,
    request: pytest.FixtureRequest,
    riverside_coordinator: Membership,
) -> None:
    made = assessment(riverside_coordinator)
    if role == "expert":
        person = request.getfixturevalue("expert_at_riverside")
        user = person.user
    else:
        user = request.getfixturevalue(role).user
    logged_in(client, user)
    assert client.get("/readiness/").status_code == 403
    assert client.get(f"/readiness/{made.pk}/").status_code == 403


def test_another_organisations_assessment_is_not_found(
    client: Client, riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    made = assessment(riverside_coordinator)
    action = add_action(
        by=riverside_coordinator,
        assessment=made,
        factor="grow.honesty",
        what="Open the books.",
        owner_id=riverside_coordinator.user_id,
        due_date=in_days(10),
    )
    logged_in(client, hillview_coordinator.user)
    assert client.get(f"/readiness/{made.pk}/").status_code == 404
    assert client.post(f"/readiness/{made.pk}/actions/{action.pk}/done/").status_code == 404
    listing = client.get("/readiness/").content.decode()
    assert "has not done a self-assessment yet" in listing


def test_a_review_date_in_the_past_is_shown_against_the_field(
    client: Client, riverside_coordinator: Membership
) -> None:
    logged_in(client, riverside_coordinator.user)
    response = client.post("/readiness/new/", _form_data(review_date=in_days(-3)))
    assert response.status_code == 400
    page = response.content.decode()
    assert "must be in the future" in page
    assert 'href="#id_review_date_0"' in page
    assert not ReadinessAssessment.objects.exists()


def test_a_note_that_is_too_long_is_refused(riverside_coordinator: Membership) -> None:
    with pytest.raises(InvalidInput):
        complete_assessment(
            by=riverside_coordinator,
            ratings=middling(),
            notes={"grow.honesty": "x" * 2001},
            review_date=in_days(90),
        )
    assert not ReadinessAssessment.objects.exists()

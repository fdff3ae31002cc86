"""The readiness self-assessment's review date and its overdue actions: on the reviews due
page, and reminded through the reviews sweep once each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.evaluation.queries.reviews import reviews_for_staff
from powerwith.evaluation.reminders.reviews import sweep
from powerwith.evaluation.services.readiness import add_action, mark_action_done
from tests.conftest import api_client_for, logged_in
from tests.evaluation.factories import NOW, assessment, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(db: None) -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _sweep(capture) -> int:
    with capture(execute=True):
        return sweep(timezone.now())


def test_the_latest_assessments_review_is_on_the_reviews_page(
    client: Client, frozen: time_machine.Traveller, riverside_coordinator: Membership
) -> None:
    assessment(riverside_coordinator, review_in_days=400)
    latest = assessment(riverside_coordinator, review_in_days=20)
    reviews = reviews_for_staff(riverside_coordinator, timezone.localdate())
    assert [(r.kind, r.due_on) for r in reviews] == [("readiness", in_days(20))]
    assert reviews[0].link == f"/readiness/{latest.pk}/"
    logged_in(client, riverside_coordinator.user)
    page = client.get("/reviews/").content.decode()
    assert "Look again at your readiness self-assessment" in page


def test_a_review_further_off_is_not_listed(
    frozen: time_machine.Traveller, riverside_coordinator: Membership
) -> None:
    assessment(riverside_coordinator, review_in_days=90)
    assert reviews_for_staff(riverside_coordinator, timezone.localdate()) == []


def test_open_actions_due_are_listed_and_done_ones_are_not(
    frozen: time_machine.Traveller, riverside_coordinator: Membership
) -> None:
    made = assessment(riverside_coordinator, review_in_days=90)
    due = add_action(
        by=riverside_coordinator,
        assessment=made,
        factor="grow.honesty",
        what="Publish the minutes.",
        owner_id=riverside_coordinator.user_id,
        due_date=in_days(5),
    )
    done = add_action(
        by=riverside_coordinator,
        assessment=made,
        factor="grow.conflict",
        what="Hold a workshop.",
        owner_id=riverside_coordinator.user_id,
        due_date=in_days(6),
    )
    mark_action_done(by=riverside_coordinator, action=done)
    reviews = reviews_for_staff(riverside_coordinator, timezone.localdate())
    assert [(r.kind, r.title) for r in reviews] == [("readiness_action", due.what)]


def test_another_organisations_readiness_is_not_listed(
    frozen: time_machine.Traveller,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
) -> None:
    assessment(riverside_coordinator, review_in_days=3)
    assert reviews_for_staff(hillview_coordinator, timezone.localdate()) == []


def test_the_assessor_is_reminded_once_in_the_week_of_the_review(
    frozen: time_machine.Traveller,
    django_capture_on_commit_callbacks,
    riverside_coordinator: Membership,
) -> None:
    assessment(riverside_coordinator, review_in_days=8)
    assert _sweep(django_capture_on_commit_callbacks) == 0
    frozen.shift(timedelta(days=1))
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["coordinator@riverside.example"]
    assert mail.outbox[0].subject == "Review due: your readiness self-assessment"


def test_an_overdue_action_reminds_its_owner_once(
    frozen: time_machine.Traveller,
    django_capture_on_commit_callbacks,
    riverside_coordinator: Membership,
    riverside_admin: Membership,
) -> None:
    made = assessment(riverside_coordinator, review_in_days=180)
    add_action(
        by=riverside_coordinator,
        assessment=made,
        factor="enabler.leaders",
        what="Find a board sponsor.",
        owner_id=riverside_admin.user_id,
        due_date=in_days(2),
    )
    assert _sweep(django_capture_on_commit_callbacks) == 0
    frozen.shift(timedelta(days=3))
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert [m.to for m in mail.outbox] == [["admin@riverside.example"]]
    assert "Find a board sponsor." in mail.outbox[0].body


def test_the_reviews_api_lists_the_readiness_review(
    frozen: time_machine.Traveller, riverside_coordinator: Membership
) -> None:
    assessment(riverside_coordinator, review_in_days=10)
    items = api_client_for(riverside_coordinator).get("/api/v1/reviews").json()["items"]
    assert [item["kind"] for item in items] == ["readiness"]


def test_only_the_latest_assessments_review_is_reminded(
    frozen: time_machine.Traveller,
    django_capture_on_commit_callbacks,
    riverside_coordinator: Membership,
    riverside_admin: Membership,
) -> None:
    assessment(riverside_coordinator, review_in_days=3)
    assessment(riverside_admin, review_in_days=200)
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []

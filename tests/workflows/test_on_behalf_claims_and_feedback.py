"""Staff recording, on the person's word, a claim and feedback, over the API."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.engagements.models import Session
from powerwith.engagements.services.sessions import record_attendance
from powerwith.evaluation.models import FeedbackAnswer
from powerwith.offers.models import Offer
from powerwith.payments.models import Claim
from powerwith.people.models import ActedFor
from powerwith.reports.scorecard import scorecard
from tests.conftest import api_client_for
from tests.payments.factories import offer_of, worked
from tests.workflows.factories import booked_on_their_word, no_login

pytestmark = pytest.mark.django_db

JSON = "application/json"
BY_LETTER = {"method": "letter", "note": "Claim form came back in the post."}


def post(membership, path, body):
    return api_client_for(membership).post(f"/api/v1{path}", body, content_type=JSON)


@pytest.fixture
def done(riverside_coordinator):
    """Nia, who has no login, took part in a session two days ago."""
    booking = booked_on_their_word(riverside_coordinator, no_login(riverside_coordinator))
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=2)
    )
    booking.session.refresh_from_db()
    return record_attendance(booking, by=riverside_coordinator, attended=True)


def test_a_time_claim_sent_by_post_is_made_for_the_person(done, riverside_coordinator):
    offer = offer_of(done)
    response = post(
        riverside_coordinator,
        "/claims",
        {
            "offer_id": offer.pk,
            "kind": "time",
            "session_id": done.session_id,
            "on_behalf": BY_LETTER,
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["amount"], body["status"]) == ("75.00", "submitted")
    claim = Claim.objects.get()
    assert claim.person == done.person
    acted = ActedFor.objects.get(subject="claim")
    assert (acted.subject_id, acted.method) == (claim.pk, "letter")
    assert "you claim your pay for the time you worked" in acted.words


def test_without_on_behalf_staff_still_cannot_claim(done, riverside_coordinator):
    offer = offer_of(done)
    response = post(
        riverside_coordinator,
        "/claims",
        {"offer_id": offer.pk, "kind": "time", "session_id": done.session_id},
    )
    assert response.status_code == 403
    assert not Claim.objects.exists()


def test_staff_cannot_claim_for_a_person_with_a_login_who_has_not_allowed_it(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    response = post(
        riverside_coordinator,
        "/claims",
        {
            "offer_id": offer_of(booking).pk,
            "kind": "time",
            "session_id": booking.session_id,
            "on_behalf": BY_LETTER,
        },
    )
    assert response.status_code == 403
    assert "has a login of their own" in response.json()["detail"]
    assert not Claim.objects.exists()


def test_another_organisation_cannot_claim_for_them(done, hillview_coordinator):
    response = post(
        hillview_coordinator,
        "/claims",
        {
            "offer_id": offer_of(done).pk,
            "kind": "time",
            "session_id": done.session_id,
            "on_behalf": BY_LETTER,
        },
    )
    assert response.status_code == 404
    assert not Claim.objects.exists()


def test_feedback_told_on_the_phone_is_kept_as_the_persons(done, riverside_coordinator):
    opportunity = done.session.opportunity
    opportunity.status = "completed"
    opportunity.save()
    offer = Offer.objects.get(opportunity=opportunity, person=done.person)
    response = post(
        riverside_coordinator,
        f"/offers/{offer.pk}/feedback",
        {"answers": {"safe": 5}, "comments": "Good day.", "on_behalf": {"method": "phone"}},
    )
    assert response.status_code == 201, response.json()
    answer = FeedbackAnswer.objects.get()
    assert answer.person == done.person
    acted = ActedFor.objects.get(subject="feedback")
    assert (acted.subject_id, acted.method) == (offer.pk, "phone")


def test_feedback_on_work_not_finished_is_refused(riverside_coordinator):
    booking = booked_on_their_word(riverside_coordinator, no_login(riverside_coordinator))
    offer = offer_of(booking)
    response = post(
        riverside_coordinator,
        f"/offers/{offer.pk}/feedback",
        {"answers": {"safe": 5}, "on_behalf": {"method": "phone"}},
    )
    assert response.status_code == 409
    assert not ActedFor.objects.filter(subject="feedback").exists()


def test_without_on_behalf_staff_cannot_give_feedback(done, riverside_coordinator):
    opportunity = done.session.opportunity
    opportunity.status = "completed"
    opportunity.save()
    response = post(riverside_coordinator, f"/offers/{offer_of(done).pk}/feedback", {"answers": {}})
    assert response.status_code == 404


def _check(opportunity, name: str):
    card = scorecard(opportunity, timezone.now())
    return next(c for p in card.principles for c in p.checks if c.name == name)


def test_the_scorecard_counts_feedback_recorded_for_the_person_as_theirs(
    done, riverside_coordinator
):
    opportunity = done.session.opportunity
    opportunity.status = "completed"
    opportunity.save()
    name = "Feedback from at least half of the experts"
    assert not _check(opportunity, name).met
    offer = Offer.objects.get(opportunity=opportunity, person=done.person)
    response = post(
        riverside_coordinator,
        f"/offers/{offer.pk}/feedback",
        {"answers": {"safe": 4}, "on_behalf": {"method": "phone"}},
    )
    assert response.status_code == 201
    assert _check(opportunity, name).met

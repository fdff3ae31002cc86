"""The accepted offer is the agreement: its adjustments reach every session, and a session
outside it is not booked until the person accepts the version that adds it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail

from powerwith.core.errors import InvalidInput
from powerwith.engagements.models import Adjustment, AdjustmentStatus
from powerwith.engagements.services.booking import book, booking_problems
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers import services as offer_services
from powerwith.offers.models import OfferStatus
from powerwith.workflows import changing_work
from powerwith.workflows import offers as offer_workflows
from tests.conftest import api_client_for, date_fields, logged_in
from tests.workflows.factories import ADJUSTMENTS, agreed_offer, sessions_of

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_agreed_adjustments_are_on_every_page_that_asks_about_adjustments(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    offer = agreed_offer(
        riverside_coordinator, expert_at_riverside, contact=riverside_contact.user, sessions=2
    )
    first, _ = sessions_of(offer)
    book(session=first, person=expert_at_riverside, by=riverside_coordinator)

    own = logged_in(client, expert_at_riverside.user).get(f"/my-sessions/{first.pk}/").text
    assert ADJUSTMENTS in own
    assert "Agreed in your offer (version 1)" in own
    assert "You have not asked for any adjustments" not in own
    asking = client.get(f"/my-sessions/{first.pk}/adjustments/").text
    assert "Already agreed for this work" in asking
    assert ADJUSTMENTS in asking

    staff = logged_in(client, riverside_coordinator.user)
    session_page = staff.get(f"/sessions/{first.pk}/").text
    assert ADJUSTMENTS in session_page
    assert "agreed in their offer (version 1)" in session_page
    assert "No one booked has asked" not in session_page
    register = staff.get(f"/people/{expert_at_riverside.pk}/").text
    assert "Reasonable adjustments agreed for work" in register
    assert ADJUSTMENTS in register

    scorecard = api_client_for(riverside_coordinator).get(
        f"/api/v1/opportunities/{offer.opportunity_id}/scorecard"
    )
    checks = scorecard.json()["principles"]["work"]["checks"]
    (adjustments,) = [c for c in checks if c["name"].startswith("Adjustments confirmed")]
    assert "nobody asked" not in adjustments["evidence"]

    (task,) = ActionNeeded.objects.filter(kind=ActionKind.ADJUSTMENT, done_at=None)
    assert task.assignee == riverside_contact.user
    assert expert_at_riverside.preferred_name in task.title


def test_an_offer_that_needs_no_adjustment_makes_none(riverside_coordinator, expert_at_riverside):
    agreed_offer(riverside_coordinator, expert_at_riverside, adjustments="None needed.")
    assert not Adjustment.objects.exists()


def test_accepting_a_new_version_keeps_the_same_words_once_and_replaces_changed_ones(
    riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside)
    person = expert_at_riverside.user
    offer_services.change_terms(offer, by=riverside_coordinator, terms={"message": "Thank you."})
    offer_services.send_offer(offer, by=riverside_coordinator)
    offer_workflows.accept_offer(offer, user=person)
    assert Adjustment.objects.count() == 1

    offer_services.change_terms(
        offer, by=riverside_coordinator, terms={"adjustments": "A break every hour."}
    )
    offer_services.send_offer(offer, by=riverside_coordinator)
    offer_workflows.accept_offer(offer, user=person)
    standing = Adjustment.objects.exclude(status=AdjustmentStatus.REPLACED)
    assert [a.details for a in standing] == ["A break every hour."]
    assert Adjustment.objects.get(status=AdjustmentStatus.REPLACED).details == ADJUSTMENTS


def test_a_session_added_after_acceptance_sends_a_new_version_and_waits_for_it(
    client, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside, sessions=2)
    first, second = sessions_of(offer)
    mail.outbox.clear()

    staff = logged_in(client, riverside_coordinator.user)
    third_day = (second.starts_at + timedelta(days=7)).date()
    with django_capture_on_commit_callbacks(execute=True):
        answer = staff.post(
            f"/opportunities/{offer.opportunity_id}/sessions/new/",
            {**date_fields("day", third_day), "time": "10:00", "minutes": "120"},
        )
    assert answer.status_code == 302
    offer.refresh_from_db()
    assert (offer.version, offer.status) == (2, OfferStatus.SENT)
    assert offer.accepted_version is not None
    assert offer.accepted_version.number == 1
    assert [m.to for m in mail.outbox] == [[expert_at_riverside.email]]

    third = sessions_of(offer)[2]
    (problem,) = booking_problems(expert_at_riverside, third)
    assert "not in the offer Alex accepted (version 1)" in problem
    assert "waiting for their answer" in problem
    with pytest.raises(InvalidInput):
        book(session=third, person=expert_at_riverside, by=riverside_coordinator)
    refused = api_client_for(riverside_coordinator).post(
        f"/api/v1/sessions/{third.pk}/bookings",
        {"person_id": expert_at_riverside.pk},
        content_type=JSON,
    )
    assert refused.status_code == 422
    assert "version 1" in refused.json()["detail"]

    # What she agreed before still stands for the sessions it names.
    assert book(session=first, person=expert_at_riverside, by=riverside_coordinator).is_booked

    offer_workflows.accept_offer(offer, user=expert_at_riverside.user, version=2)
    assert book(session=third, person=expert_at_riverside, by=riverside_coordinator).is_booked


def test_changing_the_opportunity_through_the_api_sends_the_new_version(
    riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside)
    changed = api_client_for(riverside_coordinator).patch(
        f"/api/v1/opportunities/{offer.opportunity_id}",
        {"input_expected": "Share what helped you and test the course with us."},
        content_type=JSON,
    )
    assert changed.status_code == 200
    offer.refresh_from_db()
    assert (offer.version, offer.status) == (2, OfferStatus.SENT)
    shown = api_client_for(riverside_coordinator).get(f"/api/v1/offers/{offer.pk}").json()
    assert shown["accepted_version"] == 1


def test_a_change_that_leaves_something_out_waits_as_a_draft_with_a_task(
    riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside)
    changing_work.update_opportunity(
        offer.opportunity, by=riverside_coordinator, changes={"input_expected": ""}
    )
    offer.refresh_from_db()
    assert (offer.version, offer.status) == (1, OfferStatus.DRAFT)
    (task,) = ActionNeeded.objects.filter(kind=ActionKind.OFFER_TO_SEND)
    assert task.assignee == riverside_coordinator.user
    assert "could not be sent again" in task.title
    assert task.link == f"/offers/{offer.pk}/"


def test_once_agreed_the_person_leaves_rather_than_declines(
    client, riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside)
    offer_services.change_terms(offer, by=riverside_coordinator, terms={"message": "New words."})
    offer_services.send_offer(offer, by=riverside_coordinator)
    refused = api_client_for_person(expert_at_riverside).post(f"/api/v1/offers/{offer.pk}/decline")
    assert refused.status_code == 409
    assert "Leave this work" in refused.json()["detail"]
    page = logged_in(client, expert_at_riverside.user).get(f"/my-offers/{offer.pk}/").text
    assert "Say no to this offer" not in page
    assert "Accept the changes" in page
    assert "what you agreed before (version 1) still stands" in page
    assert f'href="/my-offers/{offer.pk}/leave/"' in page


def api_client_for_person(person):
    from powerwith.accounts.models import Membership

    return api_client_for(Membership.objects.get(user=person.user))


def test_the_consents_asked_are_those_of_the_version_the_person_accepted(
    client, riverside_coordinator, expert_at_riverside
):
    """Version 1 said nothing would be published; the work changes to publish. Until the
    person accepts the version that says so, their offer asks no consent to publish."""
    offer = agreed_offer(riverside_coordinator, expert_at_riverside)
    changed = api_client_for(riverside_coordinator).patch(
        f"/api/v1/opportunities/{offer.opportunity_id}",
        {"output_use": {"share_internally": True, "publish": True}},
        content_type=JSON,
    )
    assert changed.status_code == 200, changed.text
    offer.refresh_from_db()
    assert offer.accepted_version is not None
    assert (offer.version, offer.accepted_version.number) == (2, 1)

    person = logged_in(client, expert_at_riverside.user)
    asked = person.get(f"/my-offers/{offer.pk}/consent/").text
    assert "Publish outside the organisation" not in asked

    offer_workflows.accept_offer(offer, user=expert_at_riverside.user, version=2)
    asked = person.get(f"/my-offers/{offer.pk}/consent/").text
    assert "Publish outside the organisation" in asked

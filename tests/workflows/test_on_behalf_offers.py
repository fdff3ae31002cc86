"""Staff answering an offer on the person's word, over the API: allowed for a person
without a login, refused for a person with one unless they allowed it, never for another
organisation's offer; and the person hears what was recorded."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.accounts.models import Membership
from powerwith.core.errors import NotAllowed
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import OfferStatus
from powerwith.people.models import ActedFor
from powerwith.people.services.acting import allow_staff_to_act
from tests.conftest import api_client_for
from tests.offers.factories import sent_offer
from tests.workflows.factories import no_login

pytestmark = pytest.mark.django_db

JSON = "application/json"
BY_PHONE = {"on_behalf": {"method": "phone", "note": "Rang on Tuesday."}}


def answer(membership: Membership, offer_id: int, verb: str, body: object = None):
    return api_client_for(membership).post(
        f"/api/v1/offers/{offer_id}/{verb}", body or {}, content_type=JSON
    )


def test_a_coordinator_accepts_for_a_person_without_a_login(riverside_coordinator):
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    response = answer(riverside_coordinator, offer.pk, "accept", BY_PHONE)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "accepted"
    assert body["accepted_version"] == 1
    [recorded] = body["recorded_for_person"]
    assert recorded["action"] == "accepted"
    assert recorded["method"] == "phone"
    assert recorded["note"] == "Rang on Tuesday."
    assert recorded["recorded_by"] == "Hannah Clarke"


def test_a_person_without_an_email_is_told_by_staff_in_the_words_to_use(riverside_coordinator):
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    mail.outbox.clear()
    answer(riverside_coordinator, offer.pk, "accept", BY_PHONE)
    task = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON)
    assert task.assignee == riverside_coordinator.user
    assert "You told Hannah Clarke on the phone that you accept the offer of work" in task.title
    assert mail.outbox == []


def test_a_person_with_an_email_gets_the_confirmation_by_email(
    riverside_coordinator, django_capture_on_commit_callbacks
):
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    person = no_login(riverside_coordinator, email="nia@people.example")
    offer = sent_offer(riverside_coordinator, person)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer(riverside_coordinator, offer.pk, "decline", {"on_behalf": {"method": "letter"}})
    [message] = [m for m in mail.outbox if m.to == ["nia@people.example"]]
    assert "You told Hannah Clarke in your letter that you do not want the offer" in message.body
    assert not ActionNeeded.objects.filter(kind=ActionKind.TELL_PERSON).exists()


def test_staff_cannot_answer_for_a_person_with_a_login_who_has_not_allowed_it(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    response = answer(riverside_coordinator, offer.pk, "accept", BY_PHONE)
    assert response.status_code == 403
    assert "has a login of their own" in response.json()["detail"]
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    assert not ActedFor.objects.exists()


def test_staff_can_answer_for_a_person_with_a_login_who_allowed_it(
    riverside_coordinator, expert_at_riverside
):
    allow_staff_to_act(expert_at_riverside, user=expert_at_riverside.user, allowed=True)
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    response = answer(riverside_coordinator, offer.pk, "accept", BY_PHONE)
    assert response.status_code == 200
    assert response.json()["status"] == "accepted"


def test_without_on_behalf_staff_still_cannot_answer_an_offer(riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    assert answer(riverside_coordinator, offer.pk, "accept").status_code == 403
    assert answer(riverside_coordinator, offer.pk, "decline").status_code == 403


def test_another_organisations_offer_is_not_found(riverside_coordinator, hillview_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    assert answer(hillview_coordinator, offer.pk, "accept", BY_PHONE).status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_an_auditor_cannot_record_a_persons_answer(riverside_coordinator, riverside_auditor):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    response = answer(riverside_auditor, offer.pk, "accept", BY_PHONE)
    assert response.status_code == 403
    assert not ActedFor.objects.exists()


def test_an_unknown_method_is_refused_and_changes_nothing(riverside_coordinator):
    offer = sent_offer(riverside_coordinator, no_login(riverside_coordinator))
    response = answer(riverside_coordinator, offer.pk, "accept", {"on_behalf": {"method": "fax"}})
    assert response.status_code == 422
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT


def test_the_person_cannot_choose_for_someone_else_that_staff_may_act(
    expert_at_riverside, expert_at_both
):
    with pytest.raises(NotAllowed):
        allow_staff_to_act(expert_at_riverside, user=expert_at_both.user, allowed=True)

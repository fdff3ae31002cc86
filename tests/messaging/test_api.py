"""GET /api/v1/people/{id}/messages: for the person and their organisations' staff."""

from __future__ import annotations

from tests.conftest import api_client_for
from tests.messaging.factories import hears_by
from tests.people.factories import add_person, membership_of


def test_staff_read_the_messages_sent_to_a_person(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    hears_by(expert_at_riverside, "post")
    offer_sent(riverside_coordinator, expert_at_riverside)

    answer = api_client_for(riverside_coordinator).get(
        f"/api/v1/people/{expert_at_riverside.pk}/messages"
    )

    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert set(item) == {"id", "channel", "about", "status", "created_at", "detail"}
    assert item["channel"] == "letter"
    assert item["status"] == "failed"
    assert item["about"].startswith("the offer of work for")
    assert "no postal address" in item["detail"]


def test_the_person_reads_their_own_messages(
    riverside, riverside_coordinator, expert_at_riverside, offer_sent
):
    offer_sent(riverside_coordinator, expert_at_riverside)
    own = api_client_for(membership_of(expert_at_riverside, riverside))

    body = own.get(f"/api/v1/people/{expert_at_riverside.pk}/messages").json()

    assert [(i["channel"], i["status"]) for i in body["items"]] == [("email", "sent")]


def test_another_organisation_gets_404(
    hillview_coordinator, riverside_coordinator, expert_at_riverside, offer_sent
):
    offer_sent(riverside_coordinator, expert_at_riverside)

    answer = api_client_for(hillview_coordinator).get(
        f"/api/v1/people/{expert_at_riverside.pk}/messages"
    )

    assert answer.status_code == 404
    assert "detail" in answer.json()


def test_another_person_gets_404(riverside, expert_at_riverside, expert_at_both):
    other = api_client_for(membership_of(expert_at_both, riverside))

    answer = other.get(f"/api/v1/people/{expert_at_riverside.pk}/messages")

    assert answer.status_code == 404


def test_phone_numbers_are_stored_in_e164_and_nonsense_is_refused(riverside_coordinator):
    api = api_client_for(riverside_coordinator)
    jo = add_person(riverside_coordinator, "Jo")

    changed = api.patch(
        f"/api/v1/people/{jo.pk}", {"phone": "07700 900 982"}, content_type="application/json"
    )
    refused = api.patch(
        f"/api/v1/people/{jo.pk}", {"phone": "call me"}, content_type="application/json"
    )

    assert changed.status_code == 200
    jo.refresh_from_db()
    assert jo.phone == "+447700900982"
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("Enter a phone number")
    jo.refresh_from_db()
    assert jo.phone == "+447700900982"

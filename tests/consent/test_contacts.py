"""A contact person reads and records the consents of the people they are appointed to,
and of nobody else."""

from __future__ import annotations

from tests.conftest import api_client_for, make_expert
from tests.offers.factories import sent_offer

JSON = "application/json"


def test_a_contact_person_records_consent_for_a_person_they_are_appointed_to(
    expert_at_riverside, riverside, riverside_coordinator, riverside_contact
):
    sent_offer(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    client = api_client_for(riverside_contact)
    url = f"/api/v1/people/{expert_at_riverside.pk}/consents"
    answer = client.post(
        url, {"scope": "keep_contact", "action": "grant", "method": "verbal"}, content_type=JSON
    )
    assert answer.status_code == 200, answer.json()
    assert client.get(url).json()["items"][0]["state"] == "given"


def test_a_contact_person_cannot_see_people_they_are_not_appointed_to(riverside, riverside_contact):
    other = make_expert("jo@people.example", "Jo", riverside)
    answer = api_client_for(riverside_contact).get(f"/api/v1/people/{other.pk}/consents")
    assert answer.status_code == 404

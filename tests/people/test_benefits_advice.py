"""The organisation's benefits-advice page, kept by its admins and shown to people who
asked for advice before they accept paid work, and the letter about the work that the
person can hand to their Jobcentre."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from pypdf import PdfReader

from powerwith.accounts.models import AuditEvent
from powerwith.people import services
from powerwith.people.services import benefits as services_benefits
from tests.conftest import logged_in
from tests.offers.factories import sent_offer
from tests.people.steps import signed_in

pytestmark = pytest.mark.django_db

ADVICE = "Citizens Advice can tell you how paid work affects your benefits."


def asks_for_advice(person) -> None:
    services.update_person(
        person, user=person.user, membership=None, changes={"benefits_advice": "yes"}
    )


def test_an_admin_writes_the_benefits_advice(client: Client, riverside_admin, riverside):
    logged_in(client, riverside_admin.user)
    assert client.get("/organisation/benefits-advice/").status_code == 200
    response = client.post("/organisation/benefits-advice/", {"benefits_advice": ADVICE})
    assert response.status_code == 302
    riverside.refresh_from_db()
    assert riverside.benefits_advice == ADVICE
    assert riverside.benefits_advice_updated_at is not None
    assert AuditEvent.objects.filter(action="organisation.benefits_advice_changed").exists()


@pytest.mark.parametrize("role", ["riverside_coordinator", "riverside_contact"])
def test_only_an_admin_can_change_the_benefits_advice(client: Client, request, riverside, role):
    membership = request.getfixturevalue(role)
    logged_in(client, membership.user)
    assert client.get("/organisation/benefits-advice/").status_code == 403
    assert (
        client.post("/organisation/benefits-advice/", {"benefits_advice": ADVICE}).status_code
        == 403
    )
    riverside.refresh_from_db()
    assert riverside.benefits_advice == ""


def test_an_expert_cannot_change_the_benefits_advice(client: Client, expert_at_riverside):
    signed_in(client, expert_at_riverside)
    assert (
        client.post("/organisation/benefits-advice/", {"benefits_advice": ADVICE}).status_code
        == 403
    )


def test_advice_that_is_too_long_is_refused_and_nothing_changes(
    client: Client, riverside_admin, riverside
):
    logged_in(client, riverside_admin.user)
    response = client.post("/organisation/benefits-advice/", {"benefits_advice": "x" * 8001})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    riverside.refresh_from_db()
    assert riverside.benefits_advice == ""


def test_a_person_reads_the_advice_of_each_organisation_they_work_with(
    client: Client, riverside_admin, hillview_admin, expert_at_both
):
    services_benefits.set_benefits_advice(by=riverside_admin, text=ADVICE)
    services_benefits.set_benefits_advice(by=hillview_admin, text="Ask your work coach.")
    signed_in(client, expert_at_both)
    page = client.get("/benefits-advice/").content.decode()
    assert ADVICE in page
    assert "Ask your work coach." in page


def test_staff_read_only_their_own_organisations_advice(
    client: Client, riverside_admin, hillview_admin, riverside_coordinator
):
    services_benefits.set_benefits_advice(by=riverside_admin, text=ADVICE)
    services_benefits.set_benefits_advice(by=hillview_admin, text="Ask your work coach.")
    logged_in(client, riverside_coordinator.user)
    page = client.get("/benefits-advice/").content.decode()
    assert ADVICE in page
    assert "Ask your work coach." not in page


def test_a_paid_offer_shows_the_advice_box_to_a_person_who_asked_for_advice(
    client: Client, riverside_coordinator, expert_at_riverside
):
    asks_for_advice(expert_at_riverside)
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert 'id="benefits-advice"' in page
    assert "/benefits-advice/#organisation-" in page
    assert f"/my-offers/{offer.pk}/jobcentre-letter/" in page


def test_no_advice_box_for_a_person_who_did_not_ask(
    client: Client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    assert 'id="benefits-advice"' not in client.get(f"/my-offers/{offer.pk}/").content.decode()


def test_no_advice_box_for_voluntary_work(
    client: Client, riverside_coordinator, expert_at_riverside
):
    asks_for_advice(expert_at_riverside)
    offer = sent_offer(
        riverside_coordinator, expert_at_riverside, reward_basis="voluntary", reward_amount=None
    )
    signed_in(client, expert_at_riverside)
    assert 'id="benefits-advice"' not in client.get(f"/my-offers/{offer.pk}/").content.decode()


def test_the_letter_states_the_organisation_the_work_the_hours_and_the_pay(
    client: Client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    response = client.get(f"/my-offers/{offer.pk}/jobcentre-letter/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Riverside Care Partnership" in page
    assert "Co-design restraint reduction training" in page
    assert "£25.00 an hour" in page
    assert "3 hours" in page
    assert "£75.00" in page
    assert "To: my Jobcentre Plus work coach" in page
    assert "@media print" in page


def test_the_letter_downloads_as_a_tagged_pdf(
    client: Client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    response = client.get(f"/my-offers/{offer.pk}/jobcentre-letter.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    root: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert "£25.00 an hour" in "".join(page.extract_text() for page in reader.pages)


def test_no_one_else_reaches_the_persons_letter(
    client: Client, riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    assert client.get(f"/my-offers/{offer.pk}/jobcentre-letter/").status_code == 404
    signed_in(client, expert_at_both)
    assert client.get(f"/my-offers/{offer.pk}/jobcentre-letter/").status_code == 404
    assert client.get(f"/my-offers/{offer.pk}/jobcentre-letter.pdf").status_code == 404

"""A receipt for every consent event: a page, an easy-read PDF and JSON shaped like an
ISO/IEC TS 27560 consent record; the person's own, or staff of the organisation."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent, withdraw_consent
from tests.conftest import api_client_for, logged_in, make_expert
from tests.consent.factories import own


def given(person, organisation):
    grant_consent(person=person, scope="publish", actor=own(person, organisation.pk))
    return ConsentEvent.objects.filter(person=person).last()


def test_the_json_receipt_names_the_parties_purpose_and_event(expert_at_riverside, riverside):
    event = given(expert_at_riverside, riverside)
    answer = api_client_for(own(expert_at_riverside, riverside.pk)).get(
        f"/api/v1/consent-receipts/{event.pk}"
    )
    assert answer.status_code == 200
    receipt = answer.json()
    assert receipt["version"]
    assert receipt["receipt_id"].endswith(event.hash)
    assert receipt["controller"]["name"] == "Riverside Care Partnership"
    assert receipt["principal"]["id"] == f"urn:powerwith:person:{expert_at_riverside.pk}"
    assert "Alex" not in str(receipt)  # pseudonymous: no names of the person
    assert receipt["purposes"][0]["scope"] == "publish"
    assert receipt["event"]["type"] == "given"
    assert receipt["event"]["method"] == "self"
    assert receipt["event"]["date"] == receipt["timestamps"]["recorded"]
    assert "/my-consents/" in receipt["how_to_change"]["url"]
    assert receipt["processing"]["third_party_disclosure"] is True


def test_a_withdrawal_has_its_own_receipt(expert_at_riverside, riverside):
    given(expert_at_riverside, riverside)
    me = own(expert_at_riverside, riverside.pk)
    withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    event = ConsentEvent.objects.latest("id")
    receipt = api_client_for(me).get(f"/api/v1/consent-receipts/{event.pk}").json()
    assert receipt["event"]["type"] == "withdrawn"
    assert receipt["state_now"] == "withdrawn"


def test_other_peoples_and_other_organisations_receipts_are_404(
    expert_at_riverside, riverside, hillview_admin, riverside_auditor
):
    event = given(expert_at_riverside, riverside)
    jo = make_expert("jo@people.example", "Jo", riverside)
    for membership in (own(jo, riverside.pk), hillview_admin, riverside_auditor):
        answer = api_client_for(membership).get(f"/api/v1/consent-receipts/{event.pk}")
        assert answer.status_code == 404


def test_staff_of_the_organisation_can_read_a_receipt(
    client, expert_at_riverside, riverside, riverside_coordinator
):
    event = given(expert_at_riverside, riverside)
    page = logged_in(client, riverside_coordinator.user).get(f"/consent-receipts/{event.pk}/")
    assert page.status_code == 200
    assert "You agreed: Publish outside the organisation." in page.content.decode()


def test_the_person_reads_the_page_and_downloads_an_easy_read_pdf(
    client, expert_at_riverside, riverside
):
    event = given(expert_at_riverside, riverside)
    logged_in(client, expert_at_riverside.user)
    page = client.get("/my-consents/").content.decode()
    assert f'href="/consent-receipts/{event.pk}/"' in page
    page = client.get(f"/consent-receipts/{event.pk}/").content.decode()
    assert "How to change it" in page
    pdf = client.get(f"/consent-receipts/{event.pk}/easy-read.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "You can change your mind at any time." in text
    root: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged
    json_copy = client.get(f"/consent-receipts/{event.pk}/receipt.json")
    assert json_copy.json()["event_id"] == event.pk


def test_another_persons_receipt_page_is_a_404(client, expert_at_riverside, riverside):
    event = given(expert_at_riverside, riverside)
    jo = make_expert("jo@people.example", "Jo", riverside)
    assert jo.user is not None
    logged_in(client, jo.user)
    assert client.get(f"/consent-receipts/{event.pk}/").status_code == 404
    assert client.get(f"/consent-receipts/{event.pk}/easy-read.pdf").status_code == 404


def test_the_person_opens_a_receipt_from_either_organisation_without_switching(
    client, expert_at_both, riverside, hillview
):
    at_hillview = given(expert_at_both, hillview)
    me = logged_in(client, expert_at_both.user)  # acting in Riverside, the first
    page = me.get(f"/consent-receipts/{at_hillview.pk}/")
    assert page.status_code == 200
    assert "Hillview" in page.content.decode()
    pdf = me.get(f"/consent-receipts/{at_hillview.pk}/easy-read.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    token = api_client_for(own(expert_at_both, riverside.pk))
    assert token.get(f"/api/v1/consent-receipts/{at_hillview.pk}").status_code == 200


def test_staff_of_the_other_organisation_still_get_a_404_for_it(
    client, expert_at_both, hillview, riverside_coordinator
):
    at_hillview = given(expert_at_both, hillview)
    page = logged_in(client, riverside_coordinator.user).get(f"/consent-receipts/{at_hillview.pk}/")
    assert page.status_code == 404

"""A receipt carries its event's hash and a seal only this service can make; the person,
or an auditor, checks it later with `powerwith manage verify_receipt FILE` or on the page
/consent-receipts/check/, and a rewritten ledger no longer matches it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent
from tests.conftest import logged_in
from tests.consent.tampering import raw_execute

pytestmark = pytest.mark.django_db


@pytest.fixture
def receipt(client: Client, expert_at_riverside, riverside) -> dict[str, Any]:
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    grant_consent(person=expert_at_riverside, scope="take_part", actor=me)
    event = ConsentEvent.objects.get()
    logged_in(client, expert_at_riverside.user)
    found: dict[str, Any] = client.get(f"/consent-receipts/{event.pk}/receipt.json").json()
    return found


def test_a_receipt_carries_the_events_hash_and_seal(receipt):
    event = ConsentEvent.objects.get()
    assert receipt["ledger"]["hash"] == event.hash
    assert receipt["ledger"]["seal"] == {
        "algorithm": "HMAC-SHA256",
        "key_id": event.key_id,
        "seal": event.mac,
    }


def test_the_command_confirms_a_receipt_that_matches(receipt, tmp_path, capsys):
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(receipt))
    call_command("verify_receipt", str(path))
    assert "matches event" in capsys.readouterr().out


def test_the_command_refuses_a_receipt_once_its_event_was_rewritten(receipt, tmp_path):
    event = ConsentEvent.objects.get()
    raw_execute(
        "UPDATE consent_consentevent SET action = 'withdraw', hash = %s WHERE id = %s",
        ["e" * 64, event.pk],
    )
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(receipt))
    with pytest.raises(CommandError, match=f"Event {event.pk} in the ledger no longer matches"):
        call_command("verify_receipt", str(path))


def test_a_receipt_changed_by_hand_does_not_match(receipt, tmp_path):
    receipt["ledger"]["hash"] = "0" * 64
    path = tmp_path / "receipt.json"
    path.write_text(json.dumps(receipt))
    with pytest.raises(CommandError, match="seal does not match"):
        call_command("verify_receipt", str(path))


def test_the_page_checks_an_uploaded_receipt(client: Client, receipt):
    upload = SimpleUploadedFile("receipt.json", json.dumps(receipt).encode(), "application/json")
    response = client.post("/consent-receipts/check/", {"receipt": upload})
    assert response.status_code == 200
    assert "The receipt matches" in response.text


def test_the_page_says_plainly_when_a_receipt_no_longer_matches(client: Client, receipt):
    raw_execute("DELETE FROM consent_consentevent WHERE id = %s", [receipt["event_id"]])
    upload = SimpleUploadedFile("receipt.json", json.dumps(receipt).encode(), "application/json")
    response = client.post("/consent-receipts/check/", {"receipt": upload})
    assert "The receipt does not match." in response.text
    assert f"no longer holds event {receipt['event_id']}" in response.text


def test_the_page_without_a_file_shows_the_error_summary(client: Client, receipt):
    response = client.post("/consent-receipts/check/", {})
    assert response.status_code == 400
    assert "Choose the receipt file to check" in response.text

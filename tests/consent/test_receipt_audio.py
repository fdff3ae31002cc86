"""A consent receipt to listen to, like an offer: a player and a download on the receipt
page, and an MP3 spoken from the easy-read receipt's own words."""

from __future__ import annotations

import io

import pytest
from mutagen.mp3 import MP3

from powerwith.consent.models import ConsentEvent
from powerwith.consent.receipts import audio as receipt_audio
from powerwith.consent.services import grant_consent
from powerwith.offers.renderings import audio
from tests.conftest import logged_in
from tests.consent.factories import own

pytestmark = pytest.mark.django_db


def given(person, organisation) -> ConsentEvent:
    grant_consent(person=person, scope="publish", actor=own(person, organisation.pk))
    event = ConsentEvent.objects.filter(person=person).last()
    assert event is not None
    return event


def test_the_receipt_page_has_a_player_and_a_download(client, expert_at_riverside, riverside):
    event = given(expert_at_riverside, riverside)
    assert expert_at_riverside.user is not None
    page = logged_in(client, expert_at_riverside.user).get(f"/consent-receipts/{event.pk}/")
    text = page.content.decode()
    assert "Listen to this receipt" in text
    assert f'<audio controls preload="none" src="/consent-receipts/{event.pk}/receipt.mp3"' in text
    assert "download>Download it to listen to later (MP3)</a>" in text


def test_the_receipt_is_read_aloud_from_its_easy_read_words(
    client, expert_at_riverside, riverside, monkeypatch
):
    event = given(expert_at_riverside, riverside)
    heard: list[str] = []
    speak = audio.speak

    def listening(words: str) -> bytes:
        heard.append(words)
        return speak(words)

    monkeypatch.setattr(audio, "speak", listening)
    assert expert_at_riverside.user is not None
    response = logged_in(client, expert_at_riverside.user).get(
        f"/consent-receipts/{event.pk}/receipt.mp3"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/mpeg"
    [words] = heard
    assert words == receipt_audio.script(event)
    assert "Riverside Care Partnership" in words
    info = MP3(io.BytesIO(response.content)).info
    assert info is not None
    # espeak-ng reads at 140 words a minute: the file lasts about as long as the words.
    expected = len(words.split()) / 140 * 60
    assert expected * 0.5 < info.length < expected * 2


def test_another_organisation_cannot_hear_the_receipt(
    client, expert_at_riverside, riverside, hillview_coordinator
):
    event = given(expert_at_riverside, riverside)
    response = logged_in(client, hillview_coordinator.user).get(
        f"/consent-receipts/{event.pk}/receipt.mp3"
    )
    assert response.status_code == 404

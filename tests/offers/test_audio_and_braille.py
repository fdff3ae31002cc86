"""The offer to listen to, spoken from its easy-read words; the offer laid out for a
braille embosser; and the paper pack to post."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from mutagen.mp3 import MP3
from pypdf import PdfReader

from powerwith.core.errors import InvalidInput
from powerwith.offers import recordings
from powerwith.offers.models import Recording, RecordingSource
from powerwith.offers.renderings import audio, easy_read, text
from powerwith.offers.renderings.easy_phrases import CONSENTS
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import expert_membership
from tests.offers.factories import prefers, read_content, sent_content, sent_offer

pytestmark = pytest.mark.django_db


def spoken_mp3(words: str) -> bytes:
    return audio.to_mp3(audio.speak(words))


@pytest.fixture
def spoken(monkeypatch):
    """The real synthesiser, with a note of every text it was given."""
    heard: list[str] = []
    speak = audio.speak

    def listening(words: str) -> bytes:
        heard.append(words)
        return speak(words)

    monkeypatch.setattr(audio, "speak", listening)
    return heard


def test_the_audio_offer_is_an_mp3_of_the_easy_read_words(
    riverside_coordinator, expert_at_riverside, spoken
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/offers/{offer.pk}/render?format=audio"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/mpeg"
    [words] = spoken
    content = read_content(offer)
    assert words == audio.script(content)
    assert "Co-design restraint reduction training" in words
    for sentence in easy_read.sentences(content)[:5]:
        assert sentence in words.replace("\n", " ")
    info = MP3(io.BytesIO(response.content)).info
    assert info is not None
    length = info.length
    # espeak-ng reads at 140 words a minute: the file lasts about as long as the words.
    expected = len(words.split()) / 140 * 60
    assert expected * 0.5 < length < expected * 2


def test_the_audio_is_made_once_and_kept(riverside_coordinator, expert_at_riverside, spoken):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    client = api_client_for(riverside_coordinator)
    first = client.get(f"/api/v1/offers/{offer.pk}/render?format=audio")
    second = client.get(f"/api/v1/offers/{offer.pk}/render?format=audio")
    assert first.content == second.content
    assert len(spoken) == 1
    assert Recording.objects.filter(source=RecordingSource.SPOKEN).count() == 1


def test_an_offer_to_someone_who_listens_is_spoken_when_it_is_sent(
    riverside_coordinator, expert_at_riverside, spoken, django_capture_on_commit_callbacks
):
    prefers(expert_at_riverside, "audio")
    with django_capture_on_commit_callbacks(execute=True):
        offer = sent_offer(riverside_coordinator, expert_at_riverside)
    assert Recording.objects.filter(offer=offer, source=RecordingSource.SPOKEN).exists()
    assert len(spoken) == 1


def test_the_person_hears_their_own_offer_and_nobody_elses(
    riverside_coordinator, expert_at_riverside, expert_at_both, spoken
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    path = f"/api/v1/offers/{offer.pk}/render?format=audio"
    own = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id))
    assert own.get(path)["Content-Type"] == "audio/mpeg"
    other = api_client_for(expert_membership(expert_at_both, offer.organisation_id))
    assert other.get(path).status_code == 404


def test_staff_recording_replaces_the_synthesisers(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    own = spoken_mp3("This is Hannah reading your offer.")
    recordings.upload_recording(offer, by=riverside_coordinator, data=own)
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/offers/{offer.pk}/render?format=audio"
    )
    assert response.content == own


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"RIFF....WAVEfmt ", "MP3 or an Ogg"),
        (b"", "Choose a recording"),
        (b"ID3" + b"\x00" * 200, "could not be played"),
        (b"OggS" + b"\x00" * (20 * 1024 * 1024), "smaller than 20 MB"),
    ],
)
def test_a_recording_that_is_not_mp3_or_ogg_or_too_big_is_refused(
    riverside_coordinator, expert_at_riverside, data, message
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(InvalidInput, match=message):
        recordings.upload_recording(offer, by=riverside_coordinator, data=data)
    assert not Recording.objects.exists()


def test_the_braille_file_has_short_plain_lines(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/offers/{offer.pk}/render?format=braille"
    )
    assert response.status_code == 200
    body = response.content.decode()
    lines = body.splitlines()
    assert max(len(line) for line in lines) <= text.BRAILLE_CELLS
    assert not any(line.startswith("- ") for line in lines)
    assert "Co-design restraint" in body


def test_the_offer_pages_have_a_player_and_a_download(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    audio_link = f"/offers/{offer.pk}/render/?format=audio"
    staff = logged_in(client, riverside_coordinator.user).get(f"/offers/{offer.pk}/")
    assert f'<audio controls preload="none" src="{audio_link}"' in staff.content.decode()
    client.logout()
    own = logged_in(client, expert_at_riverside.user).get(f"/my-offers/{offer.pk}/")
    assert f'href="{audio_link}" download' in own.content.decode()


def test_a_coordinator_uploads_their_own_recording(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    browser = logged_in(client, riverside_coordinator.user)
    own = spoken_mp3("This is Hannah reading your offer.")
    upload = SimpleUploadedFile("offer.mp3", own, content_type="audio/mpeg")
    response = browser.post(f"/offers/{offer.pk}/recording/", {"audio": upload})
    assert response.status_code == 302
    listened = browser.get(f"/offers/{offer.pk}/render/?format=audio")
    assert (listened["Content-Type"], listened.content) == ("audio/mpeg", own)
    assert "hears your own recording" in browser.get(f"/offers/{offer.pk}/").content.decode()


def test_a_file_that_is_not_audio_is_refused_on_the_page(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    browser = logged_in(client, riverside_coordinator.user)
    upload = SimpleUploadedFile("offer.mp3", b"<html>not audio</html>", content_type="audio/mpeg")
    response = browser.post(f"/offers/{offer.pk}/recording/", {"audio": upload})
    assert response.status_code == 400
    assert "must be an MP3 or an Ogg file" in response.content.decode()
    assert not Recording.objects.exists()


def test_a_recording_sent_without_a_file_is_named_in_the_error_summary(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    browser = logged_in(client, riverside_coordinator.user)
    response = browser.post(f"/offers/{offer.pk}/recording/", {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Error:" in page
    assert 'class="govuk-error-summary"' in page
    assert 'href="#id_audio"' in page.split('class="govuk-error-summary"')[1]


def test_an_auditor_cannot_upload_a_recording(
    client, riverside_coordinator, riverside_auditor, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    upload = SimpleUploadedFile("offer.ogg", b"OggS" + b"\x00" * 100, content_type="audio/ogg")
    response = logged_in(client, riverside_auditor.user).post(
        f"/offers/{offer.pk}/recording/", {"audio": upload}
    )
    assert response.status_code in (403, 404)
    assert not Recording.objects.exists()


def test_the_paper_pack_holds_the_offer_a_consent_form_and_a_reply_slip(
    riverside_coordinator, expert_at_riverside
):
    prefers(expert_at_riverside, "large_print")
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    response = api_client_for(riverside_coordinator).get(
        f"/api/v1/offers/{offer.pk}/render?format=paper-pack"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    words = " ".join(page.extract_text() for page in pages)
    assert "Co-design restraint reduction training" in words
    assert "Consent form" in words
    assert "Reply slip" in words
    for scope in sent_content(offer)["consent_needed"]:
        assert CONSENTS[scope].capitalize() in words
    # The consent form and the reply slip each start a page of their own.
    assert pages[-1].extract_text().lstrip().startswith("Riverside")
    assert "Reply slip" in pages[-1].extract_text()

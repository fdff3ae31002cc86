"""The offer to listen to: the synthesiser's reading of the easy-read words, made once per
sent version by the worker and kept, or a member of staff's own recording, which is
played instead. Keeping and uploading recordings are the writes of this module; reading
one goes through ``recording_for``, given an offer the caller may already see."""

from __future__ import annotations

import io

from django.db import transaction
from django.tasks import task
from mutagen.mp3 import MP3
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.offers import content as offer_content
from powerwith.offers.models import Offer, OfferVersion, Recording, RecordingSource
from powerwith.offers.renderings import audio
from powerwith.offers.renderings.base import Rendered, filename
from powerwith.people.choices import Format

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# What an uploaded recording may be, told by its first bytes (never the name or the type
# the browser claims).
OGG, MP3_TAGGED, MP3_FRAME = b"OggS", b"ID3", 0xFFE0


def _rendered(recording: Recording, snapshot: dict[str, object]) -> Rendered:
    suffix = ".ogg" if recording.content_type == "audio/ogg" else ".mp3"
    return Rendered(bytes(recording.audio), recording.content_type, filename(snapshot, suffix))


def seconds_of(data: bytes, content_type: str) -> int | None:
    """How long a recording plays, read from its own headers; None when they cannot be
    read (a damaged or mislabelled file: mutagen raises more than its own errors then)."""
    readers = (MP3,) if content_type == "audio/mpeg" else (OggVorbis, OggOpus)
    for reader in readers:
        try:
            info = reader(io.BytesIO(data)).info
        except Exception:  # noqa: S112
            continue
        if info is not None:
            return round(float(info.length))
    return None


def _spoken(offer: Offer, snapshot: dict[str, object], version: int) -> Recording:
    """The synthesiser's reading of this snapshot: the kept one, or a new one kept now."""
    digest = offer_content.content_hash(snapshot)
    kept = offer.recordings.filter(source=RecordingSource.SPOKEN, content_hash=digest).first()
    if kept is not None:
        return kept
    rendered = audio.render(snapshot)
    return Recording.objects.create(
        offer=offer,
        source=RecordingSource.SPOKEN,
        content_hash=digest,
        version=version,
        audio=rendered.data,
        content_type=rendered.content_type,
        seconds=seconds_of(rendered.data, rendered.content_type) or 0,
    )


def recording_for(offer: Offer, snapshot: dict[str, object]) -> Rendered:
    """What a listener hears of this snapshot of the offer: staff's own recording of the
    version, when there is one, or else the synthesiser's reading."""
    uploaded = offer.recordings.filter(
        source=RecordingSource.UPLOADED, version=offer.version
    ).first()
    if uploaded is not None and offer.version:
        return _rendered(uploaded, snapshot)
    return _rendered(_spoken(offer, snapshot, offer.version), snapshot)


def uploaded_of(offer: Offer) -> Recording | None:
    return offer.recordings.filter(source=RecordingSource.UPLOADED, version=offer.version).first()


@task()
def speak_sent_version(version_id: int) -> str:
    """Made by the worker when an offer is sent to someone who listens to their offers,
    so it is ready when they open it."""
    version = OfferVersion.objects.select_related("offer").get(pk=version_id)
    offer = version.offer
    _spoken(offer, offer_content.for_reader(offer, dict(version.content)), version.number)
    return "spoken"


def speak_when_sent(version: OfferVersion) -> None:
    if Format.AUDIO in version.content["person"]["formats"]:
        transaction.on_commit(lambda: speak_sent_version.enqueue(version.pk), robust=True)


def audio_type(data: bytes) -> str:
    if data.startswith(OGG):
        return "audio/ogg"
    if data.startswith(MP3_TAGGED) or (
        len(data) > 1 and (data[0] << 8 | data[1]) & MP3_FRAME == MP3_FRAME
    ):
        return "audio/mpeg"
    raise InvalidInput(
        "The recording must be an MP3 or an Ogg file (audio/mpeg or audio/ogg).", field="audio"
    )


@transaction.atomic
def upload_recording(offer: Offer, *, by: Membership, data: bytes) -> Recording:
    """A member of staff's own recording of the version sent, played instead of the
    synthesiser's."""
    if not can(by, Capability.MANAGE_OFFERS) or offer.organisation_id != by.organisation_id:
        raise NotAllowed("Only coordinators and admins can add a recording of an offer.")
    if not offer.version:
        raise InvalidInput("Send the offer first: a recording is of the version sent.")
    if not data:
        raise InvalidInput("Choose a recording to upload.", field="audio")
    if len(data) > MAX_UPLOAD_BYTES:
        raise InvalidInput("The recording must be smaller than 20 MB.", field="audio")
    content_type = audio_type(data)
    seconds = seconds_of(data, content_type)
    if not seconds:
        raise InvalidInput(
            "The recording could not be played: save it again as an MP3 or Ogg file.",
            field="audio",
        )
    sent = OfferVersion.objects.get(offer=offer, number=offer.version)
    recording = Recording.objects.create(
        offer=offer,
        source=RecordingSource.UPLOADED,
        content_hash=sent.content_hash,
        version=offer.version,
        audio=data,
        content_type=content_type,
        seconds=seconds,
        made_by=by.user,
    )
    audit.record(
        actor=by.user,
        action="offer.recording_uploaded",
        organisation=offer.organisation,
        target=offer,
        version=offer.version,
    )
    return recording

"""A consent receipt read aloud: the easy-read receipt's words, spoken by the same
synthesiser as an offer (powerwith.offers.renderings.audio), so what the person hears is
what the easy-read receipt says. Made when it is asked for: the player loads it only
when pressed."""

from __future__ import annotations

from powerwith.consent.models import ConsentEvent
from powerwith.consent.receipts import receipt_easy_read_html
from powerwith.offers.renderings import audio, text


def script(event: ConsentEvent) -> str:
    """What is spoken: the easy-read receipt as plain lines, bullets dropped, in order."""
    lines = text.from_html(receipt_easy_read_html(event)).splitlines()
    spoken = [line.removeprefix("- ").strip() for line in lines]
    return "\n".join(line for line in spoken if line) + "\n"


def receipt_mp3(event: ConsentEvent) -> bytes:
    return audio.to_mp3(audio.speak(script(event)))

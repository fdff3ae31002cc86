"""The renderings of an offer, and which one a person meets first."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from powerwith.people.choices import Format


class RenderFormat(models.TextChoices):
    HTML = "html", "Web page"
    LARGE_PRINT_PDF = "large-print-pdf", "Large print (PDF)"
    EASY_READ = "easy-read", "Easy read"
    TEXT = "text", "Plain text (for screen readers and braille)"
    ICS = "ics", "Calendar file of the sessions"
    AUDIO = "audio", "Audio (MP3) to listen to"
    BRAILLE = "braille", "Plain text laid out for braille embossing"
    PAPER_PACK = "paper-pack", "Paper pack to print and post (PDF)"


def preferred_format(formats: Iterable[str], *, easy_read_first: bool = False) -> str:
    """The rendering that suits the person's recorded communication needs best, or easy
    read when they asked for it first in their display settings."""
    needs = set(formats)
    if easy_read_first or Format.EASY_READ in needs or Format.MAKATON in needs:
        return RenderFormat.EASY_READ
    if Format.LARGE_PRINT in needs:
        return RenderFormat.LARGE_PRINT_PDF
    if Format.BRAILLE in needs or Format.AUDIO in needs:
        return RenderFormat.TEXT
    return RenderFormat.HTML

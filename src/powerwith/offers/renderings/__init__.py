"""Accessible renderings of an offer of work, one module per format.

``render(content, fmt)`` turns the snapshot an offer was sent as (``offers.content``)
into a file: the web page, large print PDF, easy read, plain text, plain text for
braille embossing, the easy read spoken as audio, a paper pack to post (the offer, a
consent form and a reply slip), or a calendar of the sessions. It
reads nothing but the snapshot, so every rendering says what was sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from powerwith.core.errors import InvalidInput
from powerwith.offers.formats import RenderFormat
from powerwith.offers.renderings import (
    audio,
    calendar,
    easy_read,
    large_print,
    paper_pack,
    text,
    web,
)
from powerwith.offers.renderings.base import Rendered

__all__ = ["FORMATS", "Rendered", "UnknownFormat", "render"]

RENDERERS: dict[str, Callable[[dict[str, Any]], Rendered]] = {
    RenderFormat.HTML: web.render,
    RenderFormat.LARGE_PRINT_PDF: large_print.render,
    RenderFormat.EASY_READ: easy_read.render,
    RenderFormat.TEXT: text.render,
    RenderFormat.ICS: calendar.render,
    RenderFormat.BRAILLE: text.render_for_braille,
    # Speaking takes seconds: what listeners are served is kept (offers.recordings).
    RenderFormat.AUDIO: audio.render,
    RenderFormat.PAPER_PACK: paper_pack.render,
}

FORMATS: tuple[str, ...] = tuple(RENDERERS)


class UnknownFormat(InvalidInput):
    def __init__(self, fmt: str) -> None:
        super().__init__(
            f"There is no format called '{fmt[:40]}'. Choose one of: {', '.join(FORMATS)}.",
            field="format",
        )


def render(content: dict[str, Any], fmt: str) -> Rendered:
    renderer = RENDERERS.get(fmt)
    if renderer is None:
        raise UnknownFormat(fmt)
    return renderer(content)

"""A letter to print and post: a tagged PDF (PDF/UA) in the person's format.

The first lines are what shows through an envelope's window: the person's name and
address, nothing else. The rest is the message as written for the person, set large for
people who read large print or easy read. A message may name an enclosure (a consent
receipt, say): its pages are printed after the letter, from the page the app that owns
it registered with :func:`enclose`.
"""

from __future__ import annotations

from collections.abc import Callable

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from powerwith.messaging.models import Message
from powerwith.people.choices import Format

# Nothing in a letter may make the renderer fetch from the network or the disk.
_FETCHER = URLFetcher(allowed_protocols=("data",))
LARGE = {Format.LARGE_PRINT, Format.EASY_READ}

# kind -> the HTML page of one enclosure of that kind, given its id.
_ENCLOSURES: dict[str, Callable[[int], str]] = {}


def enclose(kind: str, page: Callable[[int], str]) -> None:
    """Say how to print enclosures of ``kind`` (an app's ready() calls this)."""
    _ENCLOSURES[kind] = page


def enclosure_html(message: Message) -> str | None:
    """The page printed with the letter, or None when it has no enclosure (or one of a
    kind nobody registered: the letter then goes on its own)."""
    kind, _, found = message.enclosure.partition(":")
    page = _ENCLOSURES.get(kind)
    if page is None or not found.isdigit():
        return None
    return page(int(found))


def letter_html(message: Message) -> str:
    large = bool(LARGE & set(message.formats))
    return render_to_string(
        "messaging/letter.html",
        {
            "message": message,
            "name": message.person.full_name or message.person.preferred_name,
            "address_lines": [line for line in message.postal_address.splitlines() if line.strip()],
            "paragraphs": [p.strip() for p in message.body.split("\n\n") if p.strip()],
            "large": large,
            "organisation": message.organisation.name,
            "date": timezone.localdate(message.created_at),
        },
    )


def letter_pdf(message: Message) -> bytes:
    letter = HTML(string=letter_html(message), url_fetcher=_FETCHER).render()
    enclosed = enclosure_html(message)
    if enclosed is not None:
        pages = HTML(string=enclosed, url_fetcher=_FETCHER).render().pages
        letter = letter.copy([*letter.pages, *pages])
    pdf = letter.write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pdf, bytes)  # write_pdf answers the bytes when it has no target
    return pdf

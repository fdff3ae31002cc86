"""The offer as an accessible web page: one standalone document, readable without its
stylesheet, that a person can also save or print."""

from __future__ import annotations

from powerwith.offers.renderings import standard
from powerwith.offers.renderings.base import Rendered, html_document
from powerwith.offers.renderings.words import Content


def render(content: Content) -> Rendered:
    return html_document(
        "offers/render/offer.html",
        {**standard.context(content), "large_print": False},
        "offer.css",
        ".html",
    )

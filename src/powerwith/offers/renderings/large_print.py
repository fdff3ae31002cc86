"""The offer in large print: a tagged PDF/UA document made with WeasyPrint.

The text is the web page's, set in DejaVu Sans at 18pt on A4. The document carries its
title, language and author, so a screen reader or a reflowing reader can use it.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from powerwith.offers.renderings import standard
from powerwith.offers.renderings.base import ICONS, Rendered, filename, icon, stylesheet
from powerwith.offers.renderings.words import Content

# Only the inline icons (data: URIs) may load: the text written by a coordinator can
# never make the renderer fetch anything from the network or the disk.
FETCHER = URLFetcher(allowed_protocols=("data",))


def icon_rules() -> str:
    """The icons as CSS backgrounds: WeasyPrint tags backgrounds as artifacts, which is
    what a decorative picture beside its own text label is in a PDF/UA document."""
    return "".join(f'.icon-{name} {{ background-image: url("{icon(name)}"); }}\n' for name in ICONS)


def document(content: Content) -> str:
    """The large-print offer as the HTML the PDF is made from."""
    return render_to_string(
        "offers/render/offer.html",
        {
            **standard.context(content),
            "large_print": True,
            "css": stylesheet("offer-large-print.css") + icon_rules(),
        },
    )


def render(content: Content) -> Rendered:
    html = document(content)
    pdf = HTML(string=html, url_fetcher=FETCHER).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None  # write_pdf answers the bytes when it has no target
    return Rendered(data=pdf, content_type="application/pdf", filename=filename(content, ".pdf"))

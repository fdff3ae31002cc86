"""A learning summary as a standalone web page, a tagged PDF (PDF/UA, WeasyPrint) and an
easy-read page, each made from ``sections.reading_of`` when asked for, so what a person
withdrew is gone from every format at once."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from powerwith.learning.sections import Reading
from powerwith.reports.scorecard import PRINCIPLE_NAMES

# Nothing a coordinator or an expert wrote can make the renderer fetch anything.
_FETCHER = URLFetcher(allowed_protocols=("data",))

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12pt; line-height: 1.5;
  color: #0b0c0c; max-width: 42em; margin: 1em auto; padding: 0 1em; }
body.easy-read { font-size: 16pt; line-height: 1.6; }
h1 { font-size: 1.8em; } h2 { font-size: 1.35em; margin-top: 1.5em; }
.notice { border-left: 5px solid #1d70b8; padding: 0.5em 1em; background: #f3f2f1; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 0.3em 1em 0.3em 0;
  border-bottom: 1px solid #b1b4b6; }
blockquote { margin: 0 0 1em 0; padding-left: 1em; border-left: 4px solid #b1b4b6; }
"""


@dataclass(frozen=True)
class Rendered:
    data: bytes
    content_type: str
    filename: str


def scorecard_rows(reading: Reading) -> list[tuple[str, int | None]]:
    scores = reading.sections["scorecard"]
    return [
        (PRINCIPLE_NAMES[code], None if score is None else round(100 * score))
        for code, score in scores.items()
    ]


def context(reading: Reading) -> dict[str, object]:
    return {
        "reading": reading,
        "summary": reading.summary,
        "sections": reading.sections,
        "scorecard_rows": scorecard_rows(reading),
        "css": CSS,
    }


def _name(reading: Reading, suffix: str) -> str:
    return f"learning-summary-{reading.summary.pk}-{slugify(reading.title)[:60]}{suffix}"


def html(reading: Reading) -> Rendered:
    text = render_to_string("learning/render/summary.html", context(reading))
    return Rendered(text.encode(), "text/html; charset=utf-8", _name(reading, ".html"))


def easy_read(reading: Reading) -> Rendered:
    text = render_to_string("learning/render/easy_read.html", context(reading))
    return Rendered(text.encode(), "text/html; charset=utf-8", _name(reading, "-easy-read.html"))


def pdf(reading: Reading) -> Rendered:
    text = render_to_string("learning/render/summary.html", context(reading))
    data = HTML(string=text, url_fetcher=_FETCHER).write_pdf(pdf_variant="pdf/ua-1")
    assert data is not None  # write_pdf answers the bytes when it has no target
    return Rendered(data, "application/pdf", _name(reading, ".pdf"))

"""Printable documents made from a template: a standalone, print-friendly HTML page and
the same page as a tagged PDF (PDF/UA) made with WeasyPrint.

The page carries its stylesheet inline, so a saved copy prints well too; its
Content-Security-Policy lets exactly that stylesheet apply and nothing else load or run.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from powerwith.core.web import document_policy

STYLESHEET = "people/wellness_document.css"
# Nothing written by a person can make the renderer fetch anything.
_FETCHER = URLFetcher(allowed_protocols=("data",))


@cache
def _css() -> str:
    return render_to_string(STYLESHEET)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-cache"
    return response


def print_page(template: str, context: dict[str, Any]) -> HttpResponse:
    css = _css()
    html = render_to_string(template, {**context, "css": css, "for_print": True})
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = document_policy(css)
    return _private(response)


def pdf_download(template: str, context: dict[str, Any], filename: str) -> HttpResponse:
    html = render_to_string(template, {**context, "css": _css(), "for_print": False})
    pdf = HTML(string=html, url_fetcher=_FETCHER).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None  # write_pdf answers the bytes when it has no target
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)

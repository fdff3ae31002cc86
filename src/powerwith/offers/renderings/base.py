"""What every rendering answers, and the small things the document formats share."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.text import slugify

from powerwith.core.web import document_policy

STATIC = Path(__file__).resolve().parents[2] / "static" / "powerwith"
ICONS = ("what", "where", "when", "money", "who", "say-no")


@dataclass(frozen=True)
class Rendered:
    data: bytes
    content_type: str
    filename: str
    # Set for HTML documents: they carry their stylesheet inline so that a downloaded
    # copy still reads well, and this policy lets exactly that stylesheet apply.
    content_security_policy: str = ""


def filename(content: dict[str, Any], suffix: str) -> str:
    name = slugify(content["opportunity"]["title"])[:60].strip("-") or "work"
    return f"offer-{name}{suffix}"


@cache
def stylesheet(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


@cache
def icon(name: str) -> str:
    """An icon as a data URI. Icons are decorative (alt=""): a text label always stands
    beside each one, so no meaning is carried by the picture alone."""
    svg = (STATIC / "icons" / f"{name}.svg").read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def icons() -> dict[str, str]:
    return {name.replace("-", "_"): icon(name) for name in ICONS}


def html_document(template: str, context: dict[str, Any], css_name: str, suffix: str) -> Rendered:
    css = stylesheet(css_name)
    html = render_to_string(template, {**context, "css": css, "icons": icons()})
    return Rendered(
        data=html.encode("utf-8"),
        content_type="text/html; charset=utf-8",
        filename=filename(context["content"], suffix),
        content_security_policy=document_policy(css),
    )

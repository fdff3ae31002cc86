"""The offer as plain text, for screen readers and braille transcription.

It is made from the web page's HTML, so both say the same words: headings become plain
lines, list items and key facts start with "- ", and nothing else is added — no tables,
no box-drawing or layout characters, no decorative symbols, no line over 80 characters.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from html.parser import HTMLParser

from django.template.loader import render_to_string

from powerwith.offers.renderings import standard
from powerwith.offers.renderings.base import Rendered, filename
from powerwith.offers.renderings.words import Content

WIDTH = 80
BLOCKS = frozenset({"h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "div", "section", "header"})
SKIPPED = frozenset({"head", "style", "script", "title"})
# A <br> inside a block; the template's own newlines are only whitespace.
LINE_BREAK = "\x00"
BULLET = re.compile(r"^\s*[*•◦▪‣⁃●·]\s+")


def clean(text: str) -> str:
    """Coordinator text as a braille transcriber needs it: no symbols that only decorate
    (dingbats, emoji, box drawing are all Unicode "other symbols"), no tabs."""
    text = unicodedata.normalize("NFC", text).replace("\t", " ")
    return "".join(ch for ch in text if unicodedata.category(ch) != "So")


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[str]]] = []
        self.parts: list[str] = []
        self.skipping = 0
        self.label = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.parts.append(LINE_BREAK)
        elif tag in BLOCKS:
            self.flush("")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping -= 1
        elif tag in BLOCKS:
            self.flush(tag)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def flush(self, tag: str) -> None:
        raw = "".join(self.parts)
        self.parts = []
        lines = [" ".join(line.split()) for line in clean(raw).split(LINE_BREAK)]
        lines = [line for line in lines if line]
        if not lines:
            return
        if tag == "dt":
            self.label = " ".join(lines)
            return
        if tag == "dd":
            lines[0] = f"{self.label}: {lines[0]}"
            tag = "li"
        self.blocks.append((tag, lines))


def _wrap(line: str, item: bool, width: int, bullets: bool) -> list[str]:
    if item or BULLET.match(line):
        line = BULLET.sub("", line)
        if bullets:
            return textwrap.wrap(
                line, width, initial_indent="- ", subsequent_indent="  ", break_on_hyphens=False
            )
    return textwrap.wrap(line, width, break_on_hyphens=False)


def from_html(html: str, width: int = WIDTH, bullets: bool = True) -> str:
    """The document as plain lines of at most ``width`` characters; without ``bullets``,
    list items are lines of their own with no mark before them (for embossing)."""
    parser = _Lines()
    parser.feed(html)
    parser.close()
    out: list[str] = []
    previous = ""
    for tag, lines in parser.blocks:
        item = tag == "li"
        if out and not (item and previous == "li"):
            out.append("")
        for line in lines:
            out.extend(_wrap(line, item, width, bullets))
        previous = tag
    return "\n".join(out) + "\n"


# A braille embosser's line: 40 cells on the common 11-inch paper.
BRAILLE_CELLS = 40


def _document(content: Content) -> str:
    return render_to_string(
        "offers/render/offer.html", {**standard.context(content), "css": "", "icons": {}}
    )


def render(content: Content) -> Rendered:
    return Rendered(
        data=from_html(_document(content)).encode("utf-8"),
        content_type="text/plain; charset=utf-8",
        filename=filename(content, ".txt"),
    )


def render_for_braille(content: Content) -> Rendered:
    """The same text laid out for a braille transcriber to emboss: lines of at most 40
    cells, no bullets or other marks that only decorate, blank lines between blocks. Kept
    to Unicode text: the transcriber's software turns it into contracted braille."""
    return Rendered(
        data=from_html(_document(content), BRAILLE_CELLS, bullets=False).encode("utf-8"),
        content_type="text/plain; charset=utf-8",
        filename=filename(content, "-braille.txt"),
    )

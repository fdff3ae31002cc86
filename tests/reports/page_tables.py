"""Read a page's tables as a person reads them: each table by its caption, each row by its
heading, the words of its cells with the spaces tidied."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, list[str]]] = {}
        self._caption: list[str] | None = None
        self._rows: dict[str, list[str]] | None = None
        self._cells: list[str] | None = None
        self._cell: list[str] | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden or ("class", "govuk-visually-hidden") in attrs:
            self._hidden += 1
        elif tag == "table":
            self._rows, self._caption = {}, []
        elif tag == "caption":
            self._caption = []
        elif tag == "tr":
            self._cells = []
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            self._hidden -= 1
            return
        if tag in ("th", "td") and self._cell is not None and self._cells is not None:
            self._cells.append(_words("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._cells and self._rows is not None:
            self._rows[self._cells[0]] = self._cells[1:]
            self._cells = None
        elif tag == "table" and self._rows is not None:
            self.tables[_words("".join(self._caption or []))] = self._rows
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._rows is not None and self._caption is not None and self._cells is None:
            self._caption.append(data)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def tables(html: str) -> dict[str, dict[str, list[str]]]:
    """{caption: {row heading: [cell, …]}} for every table on the page."""
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def text_of(html: str) -> str:
    """The page's words, tags taken out and spaces tidied."""
    return _words(re.sub(r"<[^>]+>", " ", html))


def csv_figures(body: str) -> dict[tuple[str, str], str]:
    """The dashboard CSV as {(figure, item): value}."""
    rows = list(csv.reader(io.StringIO(body)))
    return {(figure, item): value for figure, item, value in rows[1:]}

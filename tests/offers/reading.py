"""Reading a rendering as a person reads it: the text of each block, and its sentences."""

from __future__ import annotations

import re
from html.parser import HTMLParser


def flat(text: str) -> str:
    return " ".join(text.split())


class Blocks(HTMLParser):
    """The text of each block of an HTML document, leaving out the head and anything
    inside an element with the given class."""

    BLOCK = frozenset({"h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "div", "section"})
    VOID = frozenset({"img", "br", "meta", "link", "input", "hr"})

    def __init__(self, skip_class: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.skip_class = skip_class
        self.stack: list[tuple[str, bool]] = []
        self.blocks: list[str] = []
        self.current: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        skip = tag in {"head", "style", "title"} or (self.skip_class in classes)
        if tag in self.BLOCK:
            self.flush()
        self.stack.append((tag, skip))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if tag in self.BLOCK:
            self.flush()
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def flush(self) -> None:
        text = flat("".join(self.current))
        self.current = []
        if text:
            self.blocks.append(text)


def blocks_of(html: str, skip_class: str = "") -> list[str]:
    parser = Blocks(skip_class)
    parser.feed(html)
    parser.close()
    return parser.blocks


def sentences_of(blocks: list[str]) -> list[str]:
    found = []
    for block in blocks:
        found += [s for s in re.split(r"(?<=[.!?:])\s+", block) if s.strip()]
    return found

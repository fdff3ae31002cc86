"""Driving a page with the keyboard alone, as a person who cannot use a mouse does.

Every move is a key press: Tab to reach a control, Enter to follow a link or press a
button, Space to tick a box, the arrow keys inside a group of radios or a list. At each
Tab the focused element is checked: its focus must be visible (the GOV.UK yellow
outline or shadow), and it must come after the element before it in the page (a sensible
order: focus never jumps back up the page while moving forward).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from playwright.sync_api import Page

# The focused element, as a keyboard user meets it: its name, what it is, whether its focus
# can be seen, and whether it comes after the element focused before it.
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const tag = el.tagName.toLowerCase();
  const type = (el.getAttribute('type') || '').toLowerCase();
  let name = el.getAttribute('aria-label') || '';
  if (!name && el.labels && el.labels.length) name = el.labels[0].innerText;
  if (!name) name = el.innerText || el.value || '';
  name = name.replace(/\\s+/g, ' ').trim();
  let visible;
  if ((type === 'checkbox' || type === 'radio') && el.labels && el.labels.length) {
    // GOV.UK draws the focus ring on the label's box, the input itself being hidden.
    visible = getComputedStyle(el.labels[0], '::before').boxShadow !== 'none'
      || getComputedStyle(el.labels[0], '::after').boxShadow !== 'none';
  } else {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    visible = outline || style.boxShadow !== 'none';
  }
  const previous = window.__keyboardPrevious;
  // Tab through a player's own buttons keeps the player focused: still going forward.
  const forward = !previous || previous === el || !document.contains(previous)
    || Boolean(previous.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  window.__keyboardPrevious = el;
  let checked = null;
  if (type === 'checkbox' || type === 'radio') checked = el.checked;
  let selected = null;
  if (tag === 'select') selected = el.options[el.selectedIndex].text.trim();
  return {name, tag, type, visible, forward, checked, selected,
          field: el.getAttribute('name') || ''};
}"""

SKIP_LINK = "Skip to main content"
_WIDER_THAN_SCREEN = (
    "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
)


@dataclass
class Focused:
    name: str
    tag: str
    type: str
    visible: bool
    forward: bool
    checked: bool | None
    selected: str | None
    field: str


class KeyboardOnly:
    """A person at a page with a keyboard and nothing else."""

    def __init__(self, page: Page, *, max_tabs: int = 250, check_reflow: bool = False):
        self.page = page
        self.max_tabs = max_tabs
        self.check_reflow = check_reflow
        self.steps: list[str] = []

    def focused(self) -> Focused | None:
        found: dict[str, Any] | None = self.page.evaluate(_FOCUSED)
        return Focused(**found) if found else None

    def _tab_until(self, wanted: str, matches: Any) -> Focused:
        seen: list[str] = []
        for _ in range(self.max_tabs):
            self.page.keyboard.press("Tab")
            now = self.focused()
            if now is None:
                seen.append("(page)")
                continue
            assert now.visible, f"Focus is not visible on {now.tag} '{now.name}'"
            # Past the end of the page, Tab goes round to the top again: the skip link.
            wrapped = now.name == SKIP_LINK
            assert now.forward or wrapped, (
                f"Focus jumped back up the page to {now.tag} '{now.name}'"
            )
            if matches(now):
                self.steps.append(f"Tab to {wanted}")
                return now
            seen.append(now.name[:40])
        raise AssertionError(f"Could not reach {wanted} with Tab; passed: {seen}")

    def tab_to(self, name: str, *, exact: bool = False) -> Focused:
        """Press Tab until the focused control is called ``name`` (or contains it)."""

        def matches(f: Focused) -> bool:
            return f.name == name if exact else name.lower() in f.name.lower()

        return self._tab_until(f"'{name}'", matches)

    def start_over(self) -> None:
        """A new page: the next Tab starts from its top."""
        self.page.evaluate("() => { window.__keyboardPrevious = null; }")
        self._reflow()

    def _reflow(self) -> None:
        if self.check_reflow:
            assert not self.page.evaluate(_WIDER_THAN_SCREEN), (
                f"{self.page.url} scrolls sideways at {self.page.viewport_size}"
            )

    def follow(self, name: str, *, exact: bool = False) -> None:
        """Tab to a link or button and press Enter, then wait for the new page."""
        self.tab_to(name, exact=exact)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        self.page.wait_for_load_state()
        self.start_over()

    def type_into(self, label: str, text: str, *, exact: bool = False) -> None:
        self.tab_to(label, exact=exact)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.type(text)

    def tick(self, label: str, *, exact: bool = False) -> None:
        now = self.tab_to(label, exact=exact)
        if not now.checked:
            self.page.keyboard.press("Space")

    def choose(self, field: str, option: str, *, exact: bool = False) -> None:
        """Tab into a group of radios named ``field``, then arrow to ``option``."""
        self._tab_until(f"the '{field}' choices", lambda f: f.type == "radio" and f.field == field)
        for _ in range(30):
            now = self.focused()
            assert now is not None
            found = now.name == option if exact else option.lower() in now.name.lower()
            if found:
                if not now.checked:
                    self.page.keyboard.press("Space")
                self.steps.append(f"choose {option}")
                return
            self.page.keyboard.press("ArrowDown")
            self.page.evaluate("() => { window.__keyboardPrevious = document.activeElement; }")
        raise AssertionError(f"No choice '{option}' in {field}")

    def select(self, label: str, option: str) -> None:
        """Tab to a drop-down list and move through it with the arrow keys; or, where
        JavaScript made it an autocomplete, type the option and choose it from the list."""
        now = self.tab_to(label)
        if now.tag == "input":
            self.page.keyboard.type(option)
            self.page.keyboard.press("ArrowDown")
            self.page.keyboard.press("Enter")
            chosen = str(self.page.evaluate("() => document.activeElement.value"))
            assert option.lower() in chosen.lower(), f"No option '{option}' in {label}"
            self.steps.append(f"type and choose {option}")
            return
        for _ in range(60):
            if now.selected is not None and option.lower() in now.selected.lower():
                return
            self.page.keyboard.press("ArrowDown")
            found = self.focused()
            assert found is not None
            now = found
        raise AssertionError(f"No option '{option}' in {label}")

    def submit(self, button: str) -> None:
        self.follow(button)

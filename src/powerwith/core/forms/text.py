"""Text that must stay on one line: a title names the work in calendar files, e-mail
subjects and file names, where a line break ends the line it is written on.

Refused where it comes in (``has_line_break`` in the rules, ``one_line_only`` on a form
field), and, for anything stored before that, joined onto one line where it goes out
(``one_line``), so a calendar file never depends on a library's own check."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError


def has_line_break(text: str) -> bool:
    # Every break Python knows: \n, \r, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    return len(text.splitlines()) > 1


def one_line(text: str) -> str:
    return " ".join(text.split())


def one_line_only(label: str) -> Callable[[str], None]:
    """A form field validator refusing line breaks, naming the field."""

    def validate(value: str) -> None:
        if has_line_break(value):
            raise ValidationError(
                f"The {label} must be one line, without line breaks.", code="line_break"
            )

    return validate

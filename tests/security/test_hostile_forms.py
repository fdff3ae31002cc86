"""No input ever answers 500, on the pages too: every form of every page, sent hostile.

Every page of the product (enumerated from the URL configuration, as the every-page
audit does) is opened as each role. Every form that posts is filled as a browser would
(the first choice of each list, every box ticked) but with each text field holding a
hostile value: line breaks, control characters, text far over any limit, right-to-left
marks, dates the database cannot hold; number fields hold integers beyond 64 bits. The
values are taken in turn across the fields of all forms, NUL included. Every answer must
be below 500; a form that answers 400 must show the error summary and must have written
nothing.

Forms that end the visit (signing out, erasure, ending sessions) are left out, so the walk
keeps the same people for every page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.people.models import Person
from tests.routes import named_routes, route_values

pytestmark = pytest.mark.django_db

HOSTILE_TEXT = [
    "a line\nand another\r\nand a third\rend",
    "\x07\x1b[31mred\x1b[0m\x08\x7f",
    "\u202eright to left\u202c\u200b\ufeff",
    "x" * 100_000,
    "🙂" * 5_000,
    "Null\x00Byte",
    "0001-01-01",
    "10000-01-01T00:00:00Z",
    "1180591620717411303424",
    "-1",
    " ",
]
HOSTILE_NUMBERS = ["1180591620717411303424", "-9223372036854775809", "1e400", "NaN", "-1"]
LEAVE_OUT = ("logout", "erase", "/account/sessions/", "password", "two-step", "leave")
# Written by showing a page, not by the form: the access log notes that someone saw a
# person's details when the refused form shows them again.
WRITTEN_BY_READING = {"privacy.accesslogentry"}


def rows() -> dict[str, int]:
    """How many rows each model holds, to tell that a refused form wrote nothing."""
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.label_lower not in WRITTEN_BY_READING
    }


class Forms(HTMLParser):
    """The page's forms that post: their action and their fields, as the browser sends."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form" and found.get("method", "get").lower() == "post":
            self._form = {"action": found.get("action", ""), "fields": []}
            self.forms.append(self._form)
        if self._form is None or "disabled" in found:
            return
        name = found.get("name")
        if tag == "input" and name:
            kind = found.get("type", "text").lower()
            if kind in {"checkbox", "radio"}:
                self._form["fields"].append((name, "choice", found.get("value", "on")))
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                self._form["fields"].append((name, kind, found.get("value", "")))
        elif tag == "textarea" and name:
            self._form["fields"].append((name, "text", ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select is not None:
            self._form["fields"].append((self._select, "option", found.get("value", "")))
            self._select = None  # the first option is chosen

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def filled(fields: list[tuple[str, str, str]], turn: int) -> tuple[dict[str, Any], int]:
    data: dict[str, Any] = {}
    for name, kind, value in fields:
        if kind in {"hidden", "option"}:
            data.setdefault(name, value)
        elif kind == "choice":
            data.setdefault(name, [])
            if isinstance(data[name], list):
                data[name].append(value)
        elif kind == "number":
            data[name] = HOSTILE_NUMBERS[turn % len(HOSTILE_NUMBERS)]
            turn += 1
        else:
            data[name] = HOSTILE_TEXT[turn % len(HOSTILE_TEXT)]
            turn += 1
    return data, turn


@pytest.fixture
def clients(
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> tuple[dict[str, Client], dict[str, Any]]:
    values = route_values(
        riverside_admin, riverside_coordinator, riverside_contact, expert_at_riverside
    )
    users = {
        "admin": riverside_admin.user,
        "coordinator": riverside_coordinator.user,
        "contact": riverside_contact.user,
        "expert": expert_at_riverside.user,
    }
    found = {}
    for role, user in users.items():
        assert user is not None
        client = Client(raise_request_exception=False)
        client.force_login(user)
        found[role] = client
    return found, values


def test_every_form_of_every_page_survives_hostile_values(
    clients: tuple[dict[str, Client], dict[str, Any]],
) -> None:
    by_role, values = clients
    errors: list[str] = []
    forms_sent = refused = 0
    turn = 0
    for name, parameters in named_routes():
        if not set(parameters) <= values.keys():
            continue
        path = reverse(name, kwargs={key: values[key] for key in parameters})
        for role, client in by_role.items():
            page = client.get(path)
            if page.status_code != 200 or not page["Content-Type"].startswith("text/html"):
                continue
            parser = Forms()
            parser.feed(page.content.decode())
            for form in parser.forms:
                action = form["action"] or path
                if not action.startswith("/") or any(word in action for word in LEAVE_OUT):
                    continue
                data, turn = filled(form["fields"], turn)
                before = rows()
                answer = client.post(action, data)
                forms_sent += 1
                if answer.status_code >= 500:
                    errors.append(f"{role} {action} from {path}: {answer.status_code}")
                elif answer.status_code == 400:
                    if b"govuk-error-summary" not in answer.content:
                        errors.append(f"{role} {action} from {path}: 400 without an error summary")
                    written = {k for k, n in rows().items() if n != before[k]}
                    if written:
                        errors.append(f"{role} {action} from {path}: refused but wrote {written}")
                    refused += 1
    assert errors == []
    assert refused > 50
    assert forms_sent > 100  # a guard against the walk itself breaking and sending nothing

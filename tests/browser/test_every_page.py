"""Every page the URL configuration names, in a real browser, with no axe-core violations
(WCAG 2.2 A and AA).

The list of pages is generated from ``get_resolver()``, not written out: a new page is
audited as soon as it has a route, and this test fails until it can be reached — either
through the rows made below or by a commented entry in ``NOT_PAGES``.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import resolve, reverse
from playwright.sync_api import Browser

from powerwith.accounts.models import Membership, User
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD
from tests.routes import PARTS, named_routes, route_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Named routes that are not pages a person reads, each with the reason. Each part of the
# product can add its own in tests/browser/page_values/<part>.py (see tests/routes.py).
NOT_PAGES = {
    # Downloads: CSV files, not HTML.
    "people:register_import_template": "a CSV template to download",
    "people:register_export": "the register as a CSV download",
    # Step 2 of the CSV import exists only after a file is uploaded in the same session;
    # test_register_pages.py audits it after a real upload.
    "people:register_import_check": "the import check, after an upload",
}
# The roles tried in turn for each page; the first that is shown the page audits it.
ROLES = ["coordinator", "admin", "contact", "expert", "supporter", "anonymous"]


for _part in PARTS:
    NOT_PAGES.update(getattr(_part, "NOT_PAGES", {}))


def _shown(client: Client, name: str, path: str) -> bool:
    """Whether this client is shown the page itself (after any redirect within the same
    route, as the password reset link makes), as HTML."""
    response = client.get(path, follow=True)
    if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
        return False
    return resolve(response.request["PATH_INFO"]).view_name == name


@pytest.fixture
def cast(
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
    values: dict[str, Any],
) -> dict[str, User | None]:
    return {
        "coordinator": riverside_coordinator.user,
        "admin": riverside_admin.user,
        "contact": riverside_contact.user,
        "expert": expert_at_riverside.user,
        # The expert's supporter, with their own login and no organisation (page_values).
        "supporter": User.objects.get(email=values["supporter_email"]),
        "anonymous": None,
    }


@pytest.fixture
def values(
    riverside_admin: Membership,
    riverside_coordinator: Membership,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> dict[str, Any]:
    """A real value for every URL parameter, made through the services."""
    return route_values(
        riverside_admin, riverside_coordinator, riverside_contact, expert_at_riverside
    )


def test_every_page_is_reached_and_has_no_violations(browser: Browser, live_server, cast, values):
    clients = {role: Client() for role in ROLES}
    for role, user in cast.items():
        if user is not None:
            clients[role].force_login(user)
    unreached: list[str] = []
    pages: dict[str, list[str]] = {role: [] for role in ROLES}
    for name, parameters in named_routes():
        if name in NOT_PAGES:
            continue
        if not set(parameters) <= values.keys():
            unreached.append(name)  # a new kind of parameter: give it a value above
            continue
        path = reverse(name, kwargs={key: values[key] for key in parameters})
        if any(client.get(path).status_code == 405 for client in clients.values()):
            continue  # answers only a POST: the page that holds its form is audited
        role = next((r for r in ROLES if _shown(clients[r], name, path)), None)
        if role is None:
            unreached.append(name)
        else:
            pages[role].append(path)
    assert unreached == [], "Give these pages test data, or add them to NOT_PAGES"

    violations: dict[str, list[dict[str, Any]]] = {}
    for role, paths in pages.items():
        context = browser.new_context()
        page = context.new_page()
        user = cast[role]
        if user is not None:
            # A supporter's home is the people they support.
            lands = "/supporting/" if role == "supporter" else "/"
            log_in(page, live_server.url, user.email, PASSWORD, lands=lands)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            found = axe_violations(page)
            if found:
                violations[f"{role} {path}"] = found
        context.close()
    assert violations == {}
    # A guard against the walk itself breaking and auditing nothing.
    assert sum(len(paths) for paths in pages.values()) > 30

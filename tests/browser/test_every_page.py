"""Every page the URL configuration names, in a real browser, with no axe-core violations
(WCAG 2.2 A and AA).

The list of pages is generated from ``get_resolver()``, not written out: a new page is
audited as soon as it has a route, and this test fails until it can be reached — either
through the rows made below or by a commented entry in ``NOT_PAGES``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from playwright.sync_api import Browser

from powerwith.accounts import services as accounts
from powerwith.accounts.models import Membership, User
from powerwith.accounts.roles import Role
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.page_values import PartCast
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer
from tests.opportunities.factories import person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Named routes that are not pages a person reads, each with the reason. Each part of the
# product can add its own in tests/browser/page_values/<part>.py (see PARTS below).
NOT_PAGES = {
    # Downloads: CSV files, not HTML.
    "people:register_import_template": "a CSV template to download",
    "people:register_export": "the register as a CSV download",
    # Step 2 of the CSV import exists only after a file is uploaded in the same session;
    # test_register_pages.py audits it after a real upload.
    "people:register_import_check": "the import check, after an upload",
}
# The roles tried in turn for each page; the first that is shown the page audits it.
ROLES = ["coordinator", "admin", "contact", "expert", "anonymous"]


def _parts() -> list[ModuleType]:
    """Each module in tests/browser/page_values gives ``NOT_PAGES`` and
    ``values(cast) -> dict`` for its own part of the product, so parts never edit each
    other's test data."""
    package = Path(__file__).parent / "page_values"
    return [
        importlib.import_module(f"tests.browser.page_values.{info.name}")
        for info in pkgutil.iter_modules([str(package)])
    ]


PARTS = _parts()
for _part in PARTS:
    NOT_PAGES.update(getattr(_part, "NOT_PAGES", {}))


def named_routes(
    resolver: URLResolver | None = None, namespace: str = "", parameters: tuple[str, ...] = ()
) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every named route as (``namespace:name``, its parameters), leaving out the API."""
    for entry in (resolver or get_resolver()).url_patterns:
        inherited = (*parameters, *entry.pattern.converters)
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith("api/"):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_routes(entry, inner, inherited)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", inherited


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
) -> dict[str, User | None]:
    return {
        "coordinator": riverside_coordinator.user,
        "admin": riverside_admin.user,
        "contact": riverside_contact.user,
        "expert": expert_at_riverside.user,
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
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    # Someone on the register only: a person with an account edits their own profile.
    on_the_register = person(riverside_coordinator, "Jo")
    invitation, secret = accounts.invite_member(
        email="new@riverside.example", role=Role.COORDINATOR, by=riverside_admin
    )
    expert = expert_at_riverside.user
    assert expert is not None
    from_parts: dict[str, Any] = {}
    for part in PARTS:
        if hasattr(part, "values"):
            from_parts.update(
                part.values(
                    PartCast(
                        admin=riverside_admin,
                        coordinator=riverside_coordinator,
                        contact=riverside_contact,
                        expert=expert_at_riverside,
                        offer=offer,
                    )
                )
            )
    return from_parts | {
        "person_id": on_the_register.pk,
        "opportunity_id": offer.opportunity_id,
        "offer_id": offer.pk,
        "user_id": riverside_coordinator.user_id,
        "invitation_id": invitation.pk,
        "secret": secret,
        "token_id": accounts.create_api_token(
            membership=riverside_coordinator, name="Reports", actor=riverside_coordinator.user
        )[0].pk,
        "uidb64": urlsafe_base64_encode(force_bytes(expert.pk)),
        "token": default_token_generator.make_token(expert),
    }


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
            log_in(page, live_server.url, user.email, PASSWORD)
        for path in paths:
            page.goto(f"{live_server.url}{path}")
            found = axe_violations(page)
            if found:
                violations[f"{role} {path}"] = found
        context.close()
    assert violations == {}
    # A guard against the walk itself breaking and auditing nothing.
    assert sum(len(paths) for paths in pages.values()) > 30

"""Every route of the product, enumerated from the URL configuration, and real values for
their parameters.

Shared by the every-page audit (``tests/browser/test_every_page.py``) and the isolation
battery (``tests/security/test_isolation.py``), so a new route is walked by both as soon
as it exists. Each part of the product gives values for its own parameters in
``tests/browser/page_values/<part>.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from powerwith.accounts import services as accounts
from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.people.models import Person
from tests.browser.page_values import PartCast
from tests.offers.factories import sent_offer
from tests.opportunities.factories import person


def _parts() -> list[ModuleType]:
    """Each module in tests/browser/page_values gives ``NOT_PAGES`` and
    ``values(cast) -> dict`` for its own part of the product, so parts never edit each
    other's test data."""
    package = Path(__file__).parent / "browser" / "page_values"
    return [
        importlib.import_module(f"tests.browser.page_values.{info.name}")
        for info in pkgutil.iter_modules([str(package)])
    ]


PARTS = _parts()


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


def route_values(
    admin: Membership, coordinator: Membership, contact: Membership, expert: Person
) -> dict[str, Any]:
    """A real value for every URL parameter, made through the services, in the
    organisation of the given staff (``expert`` is a person there with a login)."""
    offer = sent_offer(coordinator, expert)
    # Someone on the register only: a person with an account edits their own profile.
    on_the_register = person(coordinator, "Jo")
    domain = coordinator.user.email.split("@")[1]
    invitation, secret = accounts.invite_member(
        email=f"new@{domain}", role=Role.COORDINATOR, by=admin
    )
    user = expert.user
    assert user is not None
    from_parts: dict[str, Any] = {}
    for part in PARTS:
        if hasattr(part, "values"):
            from_parts.update(
                part.values(
                    PartCast(
                        admin=admin,
                        coordinator=coordinator,
                        contact=contact,
                        expert=expert,
                        offer=offer,
                    )
                )
            )
    return from_parts | {
        "person_id": on_the_register.pk,
        "opportunity_id": offer.opportunity_id,
        "offer_id": offer.pk,
        "user_id": coordinator.user_id,
        "invitation_id": invitation.pk,
        "secret": secret,
        "token_id": accounts.create_api_token(
            membership=coordinator, name="Reports", actor=coordinator.user
        )[0].pk,
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }

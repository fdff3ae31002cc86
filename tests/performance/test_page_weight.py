"""Page weight: every main page's first load is at most 100 KB over the wire.

A first load is the HTML plus every static file it references (GOV.UK Frontend's CSS and
JS, htmx, our module and what it imports, the icon), each gzip-compressed as WhiteNoise
serves it: the ``.gz`` files collectstatic writes next to the originals. The static files
are collected once, into a temporary directory, with the production storage.
"""

from __future__ import annotations

import gzip
import importlib
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from powerwith.consent.models import Output
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers.models import Offer
from powerwith.payments.models import Claim
from tests.conftest import logged_in
from tests.engagements.factories import booked

LIMIT = 100 * 1024
PRODUCTION_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
STATIC_REF = re.compile(r'(?:href|src)="/static/([^"?#]+)"')
JS_IMPORT = re.compile(r'(?:from|import)\s*\(?\s*"(\.{1,2}/[^"]+)"')
HASHED = re.compile(r"\.[0-9a-f]{12}\.\w+$")


@pytest.fixture(scope="module")
def collected(tmp_path_factory, django_db_blocker) -> Path:
    root: Path = tmp_path_factory.mktemp("static")
    from django.test.utils import override_settings

    with (
        django_db_blocker.unblock(),
        override_settings(
            STATIC_ROOT=root,
            STORAGES={
                "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                "staticfiles": {"BACKEND": PRODUCTION_STORAGE},
            },
        ),
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_static(settings, collected: Path) -> Path:
    settings.STATIC_ROOT = collected
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": PRODUCTION_STORAGE}}
    return collected


def compressed_size(root: Path, name: str) -> int:
    gz = root / f"{name}.gz"
    if gz.exists():
        return gz.stat().st_size
    return len(gzip.compress((root / name).read_bytes()))


def static_files(root: Path, html: str) -> set[str]:
    """Every static file the page loads: those it names, and the modules they import."""
    found: set[str] = set()
    waiting = STATIC_REF.findall(html)
    while waiting:
        name = waiting.pop()
        if name in found:
            continue
        found.add(name)
        if name.endswith((".mjs", ".js")):
            text = (root / name).read_text(errors="replace")
            base = Path(name).parent
            for relative in JS_IMPORT.findall(text):
                waiting.append(str((Path("/") / base / relative).resolve()).lstrip("/"))
    return found


def first_load(client: Client, url: str, root: Path) -> tuple[int, set[str]]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    files = static_files(root, html)
    assert any(f.endswith(".css") for f in files), f"{url} loads no stylesheet"
    assert any(f.endswith((".js", ".mjs")) for f in files), f"{url} loads no script"
    weight = len(gzip.compress(response.content)) + sum(compressed_size(root, f) for f in files)
    return weight, files


@pytest.fixture
def work(riverside_coordinator, expert_at_riverside):
    """One of everything the main pages list."""
    booking = booked(riverside_coordinator, expert_at_riverside)
    session = booking.session
    offer = Offer.objects.get(opportunity=session.opportunity, person=expert_at_riverside)
    claim = Claim.objects.create(
        organisation=riverside_coordinator.organisation,
        person=expert_at_riverside,
        offer=offer,
        session=session,
        kind="time",
        minutes=180,
        amount=Decimal("75.00"),
        created_by=riverside_coordinator.user,
    )
    output = Output.objects.create(
        organisation=riverside_coordinator.organisation,
        opportunity=session.opportunity,
        title="Training report",
        kind="report",
        owner=riverside_coordinator.user,
        created_by=riverside_coordinator.user,
    )
    raise_action(
        organisation=riverside_coordinator.organisation,
        assignees=[riverside_coordinator.user],
        kind=ActionKind.WANTS_SUPPORT,
        key="page-weight",
        title="Alex asked for support",
        person=expert_at_riverside,
    )
    return {"session": session, "offer": offer, "claim": claim, "output": output}


def staff_pages(work: dict[str, object], person_id: int) -> list[str]:
    session = work["session"]
    opportunity_id = session.opportunity_id  # type: ignore[attr-defined]
    return [
        "/",
        "/people/",
        f"/people/{person_id}/",
        "/opportunities/",
        f"/opportunities/{opportunity_id}/",
        f"/opportunities/{opportunity_id}/matches/",
        "/offers/",
        f"/offers/{work['offer'].pk}/",  # type: ignore[attr-defined]
        f"/sessions/{session.pk}/",  # type: ignore[attr-defined]
        "/claims/",
        f"/claims/{work['claim'].pk}/",  # type: ignore[attr-defined]
        "/outputs/",
        "/action-needed/",
        "/wellbeing-checks/",
    ]


EXPERT_PAGES = ["/", "/my-profile/", "/my-offers/", "/my-sessions/", "/my-consents/", "/my-claims/"]
ANONYMOUS_PAGES = ["/login/", "/about/", "/accessibility/"]


def test_every_main_page_loads_in_at_most_100_kb(
    client, production_static, work, riverside_coordinator, expert_at_riverside
):
    weights: dict[str, int] = {}
    for url in ANONYMOUS_PAGES:
        weights[f"anonymous {url}"], _files = first_load(Client(), url, production_static)
    staff = logged_in(Client(), riverside_coordinator.user)
    for url in staff_pages(work, expert_at_riverside.pk):
        weights[f"coordinator {url}"], _files = first_load(staff, url, production_static)
    assert expert_at_riverside.user is not None
    expert = logged_in(Client(), expert_at_riverside.user)
    for url in EXPERT_PAGES:
        weights[f"expert {url}"], _files = first_load(expert, url, production_static)
    if os.environ.get("SHOW_PAGE_WEIGHT"):
        print("\n".join(f"{w / 1024:6.1f} KB  {page}" for page, w in weights.items()))
    heavy = {page: weight for page, weight in weights.items() if weight > LIMIT}
    assert not heavy, f"over 100 KB compressed: {heavy}"


def test_pages_name_their_static_files_by_content_hash(client, production_static):
    response = client.get("/login/")
    named = STATIC_REF.findall(response.content.decode())
    assert named, "the login page loads no static files"
    unhashed = [name for name in named if not HASHED.search(name)]
    assert not unhashed, f"static files without a content hash: {unhashed}"


def test_production_settings_keep_hashed_compressed_static_files():
    settings_module = importlib.import_module("powerwith.settings")
    assert settings_module.STORAGES["staticfiles"]["BACKEND"] == PRODUCTION_STORAGE

"""The "My consents" page in a real browser: no axe-core violations (WCAG 2.2 A and AA)
with consents listed, after a withdrawal, and with an error shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from powerwith.accounts.models import Organisation
from powerwith.consent.services import grant_consent
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def alex(expert_at_riverside: Person, riverside: Organisation) -> Person:
    assert expert_at_riverside.user is not None
    me = expert_at_riverside.user.memberships.get(organisation=riverside)
    for scope in ("take_part", "publish"):
        grant_consent(person=expert_at_riverside, scope=scope, actor=me)
    return expert_at_riverside


def test_the_my_consents_page_has_no_violations(page: Page, live_server, alex: Person) -> None:
    assert alex.user is not None
    log_in(page, live_server.url, alex.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-consents/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Withdraw consent: Publish outside the organisation").click()
    expect(page.get_by_text("You have withdrawn your consent")).to_be_visible()
    assert axe_violations(page) == []


def test_the_my_consents_page_with_an_error_has_no_violations(
    page: Page, live_server, alex: Person
) -> None:
    assert alex.user is not None
    log_in(page, live_server.url, alex.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-consents/")
    # A withdrawal of a consent never given, as a stale page or a crafted post would send.
    page.locator("input[name=scope]").evaluate_all(
        "inputs => inputs.forEach(input => { input.value = 'monetise'; })"
    )
    page.get_by_role("button", name="Withdraw consent: Publish outside the organisation").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []


def test_the_outputs_review_and_receipt_pages_have_no_violations(
    page: Page, live_server, alex: Person, riverside: Organisation
) -> None:
    from powerwith.consent.models import ConsentEvent
    from powerwith.core.roles import Role
    from tests.conftest import make_member
    from tests.consent.factories import output_of

    coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
    output = output_of(coordinator, alex)
    assert alex.user is not None
    log_in(page, live_server.url, alex.user.email, PASSWORD)
    page.goto(f"{live_server.url}/my-consents/outputs/{output.pk}/")
    assert axe_violations(page) == []
    # Saving without an answer shows the error summary.
    page.get_by_role("button", name="Save your answer: Publish outside the organisation").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    event = ConsentEvent.objects.filter(person=alex).latest("id")
    page.goto(f"{live_server.url}/consent-receipts/{event.pk}/")
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/my-consents/")
    assert axe_violations(page) == []


def test_the_staff_outputs_pages_have_no_violations(
    page: Page, live_server, alex: Person, riverside: Organisation
) -> None:
    from powerwith.core.roles import Role
    from tests.conftest import make_member
    from tests.consent.factories import output_of

    coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
    output = output_of(coordinator, alex)
    log_in(page, live_server.url, coordinator.user.email, PASSWORD)
    for path in ("/outputs/", f"/outputs/{output.pk}/", "/outputs/new/"):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path
    page.get_by_role("button", name="Add the output").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []

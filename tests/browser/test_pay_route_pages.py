"""A payroll person in a real browser: a coordinator records that the work is employment
(the guidance's questions answered with the keyboard alone), the person reads on their
offer that tax and National Insurance will be taken off, and chooses payroll without
JavaScript. No axe-core violations on any page, with or without errors."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from powerwith.accounts.models import Membership
from powerwith.payments.models import EmploymentStatusDecision, PayRouteChoice
from powerwith.payments.routes import QUESTIONS
from powerwith.people.models import Person
from tests.browser.conftest import axe_violations, log_in
from tests.browser.keyboard import KeyboardOnly
from tests.conftest import PASSWORD
from tests.offers.factories import sent_offer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_payroll_person_with_no_violations(
    page: Page,
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
) -> None:
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    log_in(page, live_server.url, riverside_coordinator.user.email, PASSWORD)
    page.goto(f"{live_server.url}/claims/people/{expert_at_riverside.pk}/employment-status/")
    assert axe_violations(page) == []
    coordinator = KeyboardOnly(page)
    coordinator.submit("Record the decision")
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(page) == []
    for key in QUESTIONS:
        answer = "No" if key in ("substitution", "own_business", "equipment_and_risk") else "Yes"
        coordinator.choose(key, answer, exact=True)
    coordinator.choose("commitment", offer.opportunity.get_commitment_display())
    coordinator.choose("outcome", "Employed for tax")
    review = timezone.localdate() + timedelta(days=365)
    coordinator.type_into("Day", str(review.day), exact=True)
    coordinator.type_into("Month", str(review.month), exact=True)
    coordinator.type_into("Year", str(review.year), exact=True)
    coordinator.submit("Record the decision")
    expect(page.get_by_text("The decision is recorded: employed for tax")).to_be_visible()
    assert axe_violations(page) == []
    assert EmploymentStatusDecision.objects.get().outcome == "employed"

    assert expert_at_riverside.user is not None
    context = browser.new_context(java_script_enabled=False)
    person = context.new_page()
    log_in(person, live_server.url, expert_at_riverside.user.email, PASSWORD)
    person.goto(f"{live_server.url}/my-offers/{offer.pk}/")
    expect(person.get_by_text("Tax and National Insurance will be taken off")).to_be_visible()
    person.get_by_role("link", name="Choose how you are paid").click()
    person.get_by_label("Through payroll").check()
    person.get_by_role("button", name="Save your choice").click()
    expect(person.get_by_text("Your choice is saved: through payroll")).to_be_visible()
    context.close()
    assert PayRouteChoice.objects.get().route == "payroll"

    context = browser.new_context(java_script_enabled=True)
    person = context.new_page()
    log_in(person, live_server.url, expert_at_riverside.user.email, PASSWORD)
    person.goto(f"{live_server.url}/my-claims/how-i-am-paid/")
    expect(person.get_by_text("Now: Through payroll")).to_be_visible()
    assert axe_violations(person) == []
    person.get_by_label("Through payroll").check()
    person.get_by_label("Year", exact=True).fill("1999")
    person.get_by_role("button", name="Save your choice").click()
    expect(person.get_by_text("There is a problem")).to_be_visible()
    assert axe_violations(person) == []
    context.close()

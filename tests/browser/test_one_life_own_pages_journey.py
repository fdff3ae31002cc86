"""One life on the rest of the person's own pages, in a real browser: Sam works with
Riverside and Hillview, and Hillview is current. Her contributions, checks, reviews,
tax-year statement and how she is paid show both organisations, each named, with axe-core
(WCAG 2.2 A and AA) on every page; with JavaScript turned off she changes how Riverside
pays her without pressing "Switch"."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser, expect

from powerwith.accounts.models import Membership, Organisation
from powerwith.payments.models import PayRouteChoice
from powerwith.people.models import Person
from tests.browser.test_one_life_journey import (
    DESKTOP,
    HILLVIEW,
    PHONE,
    RIVERSIDE,
    as_sam,
    audited,
    current_organisation,
)
from tests.consent.factories import output_of
from tests.engagements.factories import accepted_offer
from tests.payments.factories import expense_claim, paid

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_sam_sees_and_changes_both_organisations_things_on_her_own_pages(
    browser: Browser,
    live_server,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    riverside: Organisation,
    expert_at_both: Person,
    width: int,
) -> None:
    base = live_server.url
    sam = expert_at_both
    output = output_of(riverside_coordinator, sam, title="River story")
    paid(
        expense_claim(accepted_offer(riverside_coordinator, sam), "12.34"),
        riverside_coordinator,
        date(2026, 6, 2),
    )
    accepted_offer(hillview_coordinator, sam)
    page = as_sam(browser, base, sam, width, javascript=True)
    assert current_organisation(page) == HILLVIEW

    page.goto(f"{base}/my-consents/outputs/")
    audited(page)
    expect(page.get_by_text(f"({RIVERSIDE})")).to_be_visible()
    page.goto(f"{base}/my-consents/outputs/{output.pk}/")
    audited(page)
    for path in ("/my-profile/checks/", "/my-reviews/", "/my-claims/statement/2026/"):
        page.goto(f"{base}{path}")
        audited(page)
    expect(page.get_by_role("heading", name=f"Paid by {RIVERSIDE}")).to_be_visible()
    expect(page.get_by_role("heading", name=f"Paid by {HILLVIEW}")).to_be_visible()
    page.goto(f"{base}/my-claims/how-i-am-paid/")
    audited(page)

    plain = as_sam(browser, base, sam, width, javascript=False)
    plain.goto(f"{base}/my-claims/how-i-am-paid/")
    riverside_form = plain.locator(
        "form", has=plain.locator(f'input[name="organisation"][value="{riverside.pk}"]')
    )
    riverside_form.get_by_label("Vouchers").check()
    riverside_form.get_by_role("button", name="Save your choice").click()
    expect(plain.get_by_text(f"for {RIVERSIDE}.")).to_be_visible()
    choice = PayRouteChoice.objects.get()
    assert (choice.organisation_id, choice.route) == (riverside.pk, "vouchers")
    page.goto(f"{base}/my-claims/how-i-am-paid/")
    audited(page)

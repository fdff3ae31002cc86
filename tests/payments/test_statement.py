"""The person's statement for a tax year: fees by route and expenses apart, the sum of
what was paid in the year, the same over the API, on the page and in the PDF; the
trading allowance for the self-employed; a tax year that does not exist is refused."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimStatus, PayRoute
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, expert_membership
from tests.payments.factories import (
    expense_claim,
    mileage_claim,
    offer_of,
    paid,
    time_claim,
    worked,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_work(riverside_coordinator, hillview_coordinator, expert_at_riverside, expert_at_both):
    """Alex was paid a fee (£75) and travel (£12.40) and mileage (£4.50) in the tax year
    2025, and a fee in 2026; a claim paid on 5 April 2025 belongs to 2024; a claim
    approved but not paid and someone else's paid claim count for nothing."""
    by = riverside_coordinator
    booking = worked(by, expert_at_riverside)
    offer = offer_of(booking)
    paid(time_claim(booking), by, date(2025, 6, 2))
    paid(expense_claim(offer), by, date(2025, 6, 3))
    paid(mileage_claim(offer, "10", travelled_on=date(2026, 1, 4)), by, date(2026, 4, 5))
    paid(expense_claim(offer, "30.00"), by, date(2025, 4, 5))
    paid(expense_claim(offer, "8.00"), by, date(2026, 4, 6))
    waiting = expense_claim(offer, "99.00")
    services.approve_claim(waiting, by=by)
    other = accepted_offer(by, expert_at_both)
    paid(expense_claim(other, "50.00"), by, date(2025, 7, 1))
    return offer


def api(person, offer):
    return api_client_for(expert_membership(person, offer.organisation_id))


def test_the_statement_is_the_sum_of_the_claims_paid_in_the_tax_year(
    year_of_work, expert_at_riverside
):
    found = api(expert_at_riverside, year_of_work).get("/api/v1/me/statement?tax_year=2025")
    assert found.status_code == 200, found.json()
    body = found.json()
    assert (body["tax_year"], body["starts"], body["ends"]) == (2025, "2025-04-06", "2026-04-05")
    paid_claims = Claim.objects.filter(
        person=expert_at_riverside,
        status=ClaimStatus.PAID,
        paid_on__range=(date(2025, 4, 6), date(2026, 4, 5)),
    )
    fees = sum(c.amount for c in paid_claims if c.kind == "time")
    expenses = sum(c.amount for c in paid_claims if c.kind != "time")
    assert (Decimal(body["fees_total"]), Decimal(body["expenses_total"])) == (fees, expenses)
    assert (body["fees_total"], body["expenses_total"]) == ("75.00", "16.90")
    assert body["by_route"] == {"bank_transfer": "75.00"}
    assert sorted(i["claim_id"] for i in body["items"]) == sorted(c.pk for c in paid_claims)
    assert [i["is_expense"] for i in body["items"]] == [False, True, True]
    assert body["trading_allowance"] is None


def test_each_tax_year_starts_on_6_april(year_of_work, expert_at_riverside):
    client = api(expert_at_riverside, year_of_work)
    earlier = client.get("/api/v1/me/statement?tax_year=2024").json()
    later = client.get("/api/v1/me/statement?tax_year=2026").json()
    assert (earlier["expenses_total"], later["expenses_total"]) == ("30.00", "8.00")
    assert client.get("/api/v1/me/statement").json()["tax_year"] == 2026


@pytest.mark.parametrize("year", ["2099", "1999", "last year"])
def test_a_tax_year_that_does_not_exist_is_refused_with_the_reason(
    year, year_of_work, expert_at_riverside
):
    refused = api(expert_at_riverside, year_of_work).get(f"/api/v1/me/statement?tax_year={year}")
    assert refused.status_code == 422
    assert "Choose a tax year from 2011" in refused.json()["detail"]


def test_staff_have_no_statement_of_their_own(riverside_coordinator):
    refused = api_client_for(riverside_coordinator).get("/api/v1/me/statement?tax_year=2025")
    assert refused.status_code == 403


def test_fees_paid_against_invoices_are_shown_against_the_trading_allowance(
    riverside_coordinator, expert_at_riverside
):
    booking = worked(riverside_coordinator, expert_at_riverside)
    claim = time_claim(booking)
    Claim.objects.filter(pk=claim.pk).update(route=PayRoute.INVOICE)
    paid(claim, riverside_coordinator, date(2025, 9, 1))
    body = api(expert_at_riverside, claim.offer).get("/api/v1/me/statement?tax_year=2025").json()
    assert body["by_route"] == {"invoice": "75.00"}
    assert body["trading_allowance"] == {
        "allowance": "1000.00",
        "fees": "75.00",
        "left": "925.00",
        "over": "0.00",
    }


def test_the_page_and_the_pdf_show_the_same_figures(client, year_of_work, expert_at_riverside):
    browser = logged_in(client, expert_at_riverside.user)
    page = browser.get(reverse("payments:my_statement_year", kwargs={"tax_year": 2025}))
    text = page.content.decode()
    assert "Your statement for the tax year 2025 to 2026" in text
    assert "£75.00" in text
    assert "£16.90" in text
    pdf = browser.get(reverse("payments:my_statement_pdf", kwargs={"tax_year": 2025}))
    assert pdf["Content-Type"] == "application/pdf"
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "£75.00" in words
    assert "£16.90" in words
    assert "not income" in words
    missing = browser.get(reverse("payments:my_statement_pdf", kwargs={"tax_year": 2099}))
    assert missing.status_code == 404

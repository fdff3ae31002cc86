"""The person's statement and remittance advice as PDFs in the format they read: large
print sets the words in larger type, easy read says them in easy-read words, and someone
who asked for neither gets the standard document. Each is read back from the PDF."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from powerwith.accounts.models import Membership
from powerwith.payments import services
from powerwith.people.models import Person
from tests.conftest import logged_in
from tests.payments.factories import expense_claim, offer_of, paid, time_claim, worked

pytestmark = pytest.mark.django_db


def words_of(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def size_of(pdf: bytes, words: str) -> float:
    """The size of type ``words`` are set in, read from the PDF."""
    sizes: list[float] = []

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if words in text:
            sizes.append(size * abs(tm[0]) if tm else size)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes, f"{words!r} is in the PDF"
    return max(sizes)


def reads(person: Person, *formats: str) -> None:
    Person.objects.filter(pk=person.pk).update(formats=list(formats))


@pytest.fixture
def statement_pdf(client, riverside_coordinator, expert_at_riverside):
    """Alex's statement for the tax year 2025, with a £75.00 fee and £12.40 of expenses."""
    booking = worked(riverside_coordinator, expert_at_riverside)
    paid(time_claim(booking), riverside_coordinator, date(2025, 6, 2))
    paid(expense_claim(offer_of(booking)), riverside_coordinator, date(2025, 6, 3))
    browser = logged_in(client, expert_at_riverside.user)
    path = reverse("payments:my_statement_pdf", kwargs={"tax_year": 2025})

    def download() -> bytes:
        pdf = browser.get(path)
        assert pdf["Content-Type"] == "application/pdf"
        return pdf.content

    return download


@pytest.fixture
def remittance_pdf(client: Client, riverside_coordinator: Membership, expert_at_riverside: Person):
    """Alex's remittance advice for a paid batch of a £75.00 fee and £12.40 of expenses."""
    booking = worked(riverside_coordinator, expert_at_riverside)
    for claim in (time_claim(booking), expense_claim(offer_of(booking))):
        services.approve_claim(claim, by=riverside_coordinator)
    batch = services.prepare_batch(by=riverside_coordinator)
    services.mark_batch_paid(batch, by=riverside_coordinator, paid_on=timezone.localdate())
    staff = logged_in(client, riverside_coordinator.user)
    whose = {"batch_id": batch.pk, "person_id": expert_at_riverside.pk}
    path = reverse("payments:remittance_pdf", kwargs=whose)

    def download() -> bytes:
        pdf = staff.get(path)
        assert pdf["Content-Type"] == "application/pdf"
        return pdf.content

    return download


def test_the_statement_in_large_print_sets_its_words_larger(statement_pdf, expert_at_riverside):
    standard = statement_pdf()
    reads(expert_at_riverside, "large_print")
    large = statement_pdf()
    assert size_of(large, "Fees paid to you") >= 1.4 * size_of(standard, "Fees paid to you")
    assert size_of(large, "Statement of payments") > size_of(standard, "Statement of payments")
    assert "£75.00" in words_of(large)


def test_the_statement_in_easy_read_says_what_fees_and_expenses_are_in_easy_words(
    statement_pdf, expert_at_riverside
):
    standard = words_of(statement_pdf())
    assert "Fees are money for your time." not in standard
    assert "Expenses paid back to you are shown apart: they are not income." in standard
    reads(expert_at_riverside, "easy_read")
    easy = words_of(statement_pdf())
    assert "This shows the money you were paid from 6 April 2025 to 5 April 2026." in easy
    assert "Fees are money for your time." in easy
    assert "Expenses are money paid back to you. They are not income." in easy
    assert "Expenses paid back to you are shown apart" not in easy
    assert "£75.00" in easy
    assert "£12.40" in easy


def test_the_remittance_advice_in_large_print_sets_its_words_larger(
    remittance_pdf, expert_at_riverside
):
    standard = remittance_pdf()
    reads(expert_at_riverside, "large_print")
    large = remittance_pdf()
    assert size_of(large, "We paid you £87.40") >= 1.4 * size_of(standard, "We paid you £87.40")
    assert size_of(large, "Remittance advice") > size_of(standard, "Remittance advice")


def test_the_remittance_advice_in_easy_read_says_what_to_do_in_easy_words(
    remittance_pdf, expert_at_riverside
):
    standard = words_of(remittance_pdf())
    assert "If anything here is not what you expected, please tell your contact person." in (
        standard
    )
    reads(expert_at_riverside, "easy_read")
    easy = words_of(remittance_pdf())
    assert "If something is wrong, tell your contact person." in easy
    assert "not what you expected" not in easy
    assert "We paid you £87.40" in easy

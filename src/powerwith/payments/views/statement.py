"""The person's statement for a tax year: a page and the same as a PDF in their format
(large print where they asked for it; easy-read words where they asked for easy read).
Both read ``payments.statement``, as the API does."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from powerwith.core.errors import InvalidInput
from powerwith.core.http import Request
from powerwith.core.web import membership_required, organisation_filter
from powerwith.payments import queries
from powerwith.payments.statement import statement, tax_year
from powerwith.payments.tax_years import FIRST, TaxYear, tax_year_of
from powerwith.payments.views.mine import own_profile
from powerwith.people.choices import Format
from powerwith.people.queries import links_of, organisation_choices
from powerwith.people.views.documents import pdf_download

DOCUMENT = "payments/statement_document.html"


def _context(request: Request, year: int | None) -> dict[str, Any]:
    """One part per organisation the person works with (each is a separate payer, so
    each has its own totals), read through the person whichever organisation is current,
    narrowed by the organisation filter."""
    person, _ = own_profile(request)
    now = tax_year_of(timezone.localdate())
    try:
        chosen = tax_year(year) if year is not None else now
    except InvalidInput as error:
        raise Http404(error.message) from error
    shown = organisation_filter(request, organisation_choices(person), "payments")
    parts = [
        {
            "organisation": link.organisation,
            "statement": statement(chosen, queries.paid_in(person, link.organisation, chosen)),
        }
        for link in links_of(person)
        if shown.keeps(link.organisation_id)
    ]
    return {
        "person": person,
        "parts": parts,
        "tax_year": chosen,
        "organisation_filter": shown,
        "query": f"?organisation={shown.chosen}" if shown.chosen else "",
        "years": [TaxYear(y) for y in range(now.year, FIRST - 1, -1)][:7],
        "large_print": Format.LARGE_PRINT in person.formats,
        "easy_read": Format.EASY_READ in person.formats,
        "today": timezone.localdate(),
    }


@membership_required
def my_statement(request: Request, tax_year: int | None = None) -> HttpResponse:
    return render(request, "payments/my_statement.html", _context(request, tax_year))


@membership_required
def my_statement_pdf(request: Request, tax_year: int) -> HttpResponse:
    context = _context(request, tax_year)
    return pdf_download(DOCUMENT, context, f"statement-{tax_year}-to-{tax_year + 1}.pdf")

"""Pay and expenses: a time claim the expert made for a session they worked, waiting for
approval, so the staff page shows its forms and the person's page its withdraw button;
a session their attendance is recorded at, not claimed yet, so the person's pages show
their "Time to claim" list; and a payment batch of an approved expense claim, not yet
paid, so its page shows the form to mark it paid."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from powerwith.payments import services
from powerwith.payments.tax_years import tax_year_of
from tests.browser.page_values import PartCast
from tests.payments.factories import attended, expense_claim, offer_of, time_claim, worked

NOT_PAGES = {
    "payments:claims_csv": "the claims as a CSV download for the finance team",
    "payments:receipt": "a receipt file download (PDF, JPEG or PNG)",
    "payments:my_statement_pdf": "the person's statement as a PDF download",
    "payments:batch_prepare": "a form's target: prepares a batch on POST",
    "payments:batch_payroll_csv": "a batch's payroll file, a CSV download",
    "payments:batch_supplier_csv": "a batch's supplier-payment file, a CSV download",
    "payments:remittance_pdf": "a person's remittance advice, a PDF download",
    "payments:my_remittance_pdf": "the person's own remittance advice, a PDF download",
}


def _batch(cast: PartCast, booking: Any) -> Any:
    """A batch holding an approved expense claim, not yet paid, so its page shows the
    form to mark it paid."""
    claim = expense_claim(offer_of(booking))
    services.approve_claim(claim, by=cast.coordinator)
    return services.prepare_batch(by=cast.coordinator)


def values(cast: PartCast) -> dict[str, Any]:
    booking = worked(cast.coordinator, cast.expert)
    claim = time_claim(booking)
    attended(cast.coordinator, cast.expert)
    offer_id = offer_of(booking).pk
    return {
        "claim_id": claim.pk,
        "accepted_offer_id": offer_id,
        "fee_offer_id": offer_id,
        "tax_year": tax_year_of(timezone.localdate()).year,
        "batch_id": _batch(cast, booking).pk,
    }

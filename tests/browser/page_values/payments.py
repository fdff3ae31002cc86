"""Pay and expenses: a time claim the expert made for a session they worked, waiting for
approval, so the staff page shows its forms and the person's page its withdraw button;
and a session their attendance is recorded at, not claimed yet, so the person's pages
show their "Time to claim" list."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from powerwith.payments.tax_years import tax_year_of
from tests.browser.page_values import PartCast
from tests.payments.factories import attended, offer_of, time_claim, worked

NOT_PAGES = {
    "payments:claims_csv": "the claims as a CSV download for the finance team",
    "payments:receipt": "a receipt file download (PDF, JPEG or PNG)",
    "payments:my_statement_pdf": "the person's statement as a PDF download",
}


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
        "person_id": cast.expert.pk,
    }

"""Every-page values for Wellness Action Plans, benefits advice and the earnings limit."""

from __future__ import annotations

from typing import Any

from powerwith.people.services import wellness as services_wellness
from tests.browser.page_values import PartCast

NOT_PAGES = {
    "people:my_wellness_plan_pdf": "the Wellness Action Plan as a PDF download",
    "people:jobcentre_letter_pdf": "the letter for the Jobcentre as a PDF download",
}


def values(cast: PartCast) -> dict[str, Any]:
    """The expert writes a plan and lets the coordinator read it, so the reader's page is
    reached; the letter is for the offer sent to the expert."""
    person = cast.expert
    assert person.user is not None
    services_wellness.save_plan(
        person,
        user=person.user,
        sections={"keeps_me_well": "A walk at lunchtime.", "warning_signs": "Going quiet."},
        review_date=None,
    )
    services_wellness.choose_readers(
        person, user=person.user, reader_ids=[cast.coordinator.user_id]
    )
    return {"plan_person_id": person.pk, "letter_offer_id": cast.offer.pk}

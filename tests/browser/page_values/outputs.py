"""Every-page values for outputs, the person's review of their contributions, and
consent receipts."""

from __future__ import annotations

from typing import Any

from powerwith.consent.models import ConsentEvent
from powerwith.consent.services import grant_consent
from powerwith.consent.services.outputs import OutputInput, create_output
from tests.browser.page_values import PartCast

NOT_PAGES = {
    "consent:receipt_pdf": "a consent receipt as an easy-read PDF download",
    "consent:receipt_json": "a consent receipt as a JSON download",
    "consent:output_contributors_found": "the people the output form's autocomplete finds, "
    "as JSON: tests/browser/test_picker_pages.py walks the form that uses it",
    "consent:receipt_audio": "a consent receipt read aloud, as an MP3 download",
}


def values(cast: PartCast) -> dict[str, Any]:
    """An output of the offer's opportunity with the expert as its contributor, who has
    given consent to publish it (so the receipt page has an event)."""
    person = cast.expert
    assert person.user is not None
    own = person.user.memberships.get(organisation_id=cast.offer.organisation_id)
    output = create_output(
        by=cast.coordinator,
        data=OutputInput(
            opportunity_id=cast.offer.opportunity_id,
            title="Story of seclusion, for the course",
            kind="narrative",
            contributors=[person.pk],
            uses=["share_internally", "publish"],
        ),
    )
    grant_consent(person=person, scope="publish", actor=own, opportunity=cast.offer.opportunity)
    event = ConsentEvent.objects.filter(person=person).latest("id")
    return {"output_id": output.pk, "event_id": event.pk}

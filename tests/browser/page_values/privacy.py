"""Every-page values for who has looked at my information, data rights and retention.

The coordinator opens the expert's page first so the expert's "who has looked" page has
a table to audit. The admin's erasure page is given someone on the register without a
login (the only people an admin may erase for)."""

from __future__ import annotations

from typing import Any

from powerwith.people.services import create_person
from powerwith.privacy.access import record_read
from powerwith.privacy.copies import ask_for_copy, prepare_copy
from powerwith.privacy.models import What
from tests.browser.page_values import PartCast

NOT_PAGES = {
    "privacy:download_json": "everything held about the person as a JSON download",
    "privacy:ask_for_copy": "asking for a copy of the person's information (a POST)",
    "privacy:copy_pdf": "the person's prepared copy as a PDF download",
    "privacy:copy_json": "the person's prepared copy as a JSON download",
    "privacy:organisation_access_log_csv": "the organisation's access log as a CSV download",
}


def values(cast: PartCast) -> dict[str, Any]:
    record_read(
        viewer=cast.coordinator,
        person=cast.expert,
        what=What.PROFILE,
        where=f"/people/{cast.expert.pk}/",
    )
    register_only = create_person(
        by=cast.coordinator, profile={"preferred_name": "Jordan", "town": "Leeds"}
    )
    assert cast.expert.user is not None
    copy = ask_for_copy(cast.expert, cast.expert.user)
    prepare_copy.call(copy.pk)  # as the worker does once the ask commits
    return {"erase_person_id": register_only.pk, "copy_id": copy.pk}

"""Every-page values for who has looked at my information, data rights and retention.

The routes take no parameters; the coordinator opens the expert's page first so the
expert's "who has looked" page has a table to audit."""

from __future__ import annotations

from typing import Any

from powerwith.privacy.access import record_read
from powerwith.privacy.models import What
from tests.browser.page_values import PartCast

NOT_PAGES = {
    "privacy:download_json": "everything held about the person as a JSON download",
    "privacy:download_pdf": "everything held about the person as a PDF download",
}


def values(cast: PartCast) -> dict[str, Any]:
    record_read(
        viewer=cast.coordinator,
        person=cast.expert,
        what=What.PROFILE,
        where=f"/people/{cast.expert.pk}/",
    )
    return {}

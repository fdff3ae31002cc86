"""Every-page values for leaving the work: an offer the person accepted."""

from __future__ import annotations

from typing import Any

from tests.browser.page_values import PartCast
from tests.workflows.factories import agreed_offer


def values(cast: PartCast) -> dict[str, Any]:
    return {"leaving_offer_id": agreed_offer(cast.coordinator, cast.expert).pk}

"""Restraint-reduction outcomes: a service with six months of figures, linked to a piece
of co-produced work that held a session, so the service page shows its chart, table and
markers."""

from __future__ import annotations

from typing import Any

from powerwith.outcomes import services
from tests.browser.page_values import PartCast
from tests.opportunities.factories import opportunity
from tests.outcomes.factories import ago, figures, session_in, ward

NOT_PAGES = {
    "outcomes:outcomes_import_template": "the CSV template for importing figures (a download)",
    "outcomes:outcomes_export": "every figure as a CSV download",
}


def values(cast: PartCast) -> dict[str, Any]:
    service = ward(cast.coordinator, "Willow Ward")
    work = opportunity(
        cast.coordinator, title="Reduce restraint on Willow Ward", level="co_production"
    )
    services.link_project(by=cast.coordinator, service=service, opportunity=work)
    session_in(work, ago(3))
    for n in range(6, 0, -1):
        figures(cast.coordinator, service, ago(n), physical_restraint=12 - n, seclusion=n % 3)
    return {"outcome_service_id": service.pk}

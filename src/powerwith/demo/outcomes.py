"""The demo's restraint-reduction outcomes: two services at Riverside with eighteen months
of figures that fall, unevenly, over time; Willow Ward is linked to "Co-design restraint
reduction training" and Oak Unit to the easy read review, when the demo holds them.

Made through the outcomes services by Riverside's coordinator. A later run adds only
what is missing: a figure already recorded (perhaps corrected during a demo) is kept.
"""

from __future__ import annotations

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.demo.logins import coordinator_email
from powerwith.opportunities.models import Opportunity
from powerwith.outcomes import months, services
from powerwith.outcomes.models import InterventionCount, Service, ServiceProject
from powerwith.outcomes.services import Entry

MONTHS = 18
# Service name, setting, linked opportunity, and each type's monthly uses at the start.
SERVICES: tuple[tuple[str, str, str, dict[str, int]], ...] = (
    (
        "Willow Ward",
        "mental_health",
        "Co-design restraint reduction training",
        {
            "physical_restraint": 14,
            "prone_restraint": 4,
            "chemical_restraint": 6,
            "seclusion": 5,
            "enhanced_observation": 20,
        },
    ),
    (
        "Oak Unit",
        "learning_disability",
        "Easy read review of the restraint leaflet",
        {"physical_restraint": 9, "mechanical_restraint": 2, "seclusion": 3},
    ),
)


def _figure(start: int, month_index: int, position: int) -> int:
    """About a third fewer by the end, with a deterministic wobble from month to month."""
    trend = start * (1 - 0.35 * month_index / (MONTHS - 1))
    wobble = ((month_index * 7 + position * 3) % 5 - 2) * max(1, start // 8)
    return max(0, round(trend + wobble))


def add_outcomes() -> int:
    """Make the demo's services, links and figures that do not exist yet; how many rows."""
    by = (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=coordinator_email("riverside"), organisation__slug="riverside")
        .first()
    )
    if by is None:
        return 0
    last = months.add(months.start_of(timezone.localdate()), -1)
    first = months.add(last, -(MONTHS - 1))
    made = 0
    for name, setting, title, starts in SERVICES:
        service = Service.objects.filter(organisation=by.organisation, name=name).first()
        if service is None:
            service = services.create_service(by=by, name=name, setting=setting)
            made += 1
        work = (
            Opportunity.objects.filter(organisation=by.organisation, title=title)
            .order_by("created_at", "id")
            .first()
        )
        if (
            work is not None
            and not ServiceProject.objects.filter(service=service, opportunity=work).exists()
        ):
            services.link_project(by=by, service=service, opportunity=work)
            made += 1
        recorded = set(
            InterventionCount.objects.filter(service=service).values_list("month", "intervention")
        )
        entries = [
            Entry(service, month, code, _figure(start, index, position))
            for index, month in enumerate(months.between(first, last))
            for position, (code, start) in enumerate(starts.items())
            if (month, code) not in recorded
        ]
        if entries:
            services.record_figures(by=by, entries=entries)
            made += len(entries)
    return made

"""The dashboards the worker keeps: each round (``powerwith.reminders``), every
organisation's dashboard for the last 12 months, the page's default, is worked out afresh
and kept in the shared cache until a little after the next round. The page, its CSV and
report and ``GET /api/v1/dashboard`` then read figures already worked out, and say when
they were; the matches and settings pages read the same kept paid-hours figure.

Other periods, and every period when the worker is not running, are worked out on the
first request and kept for ``DASHBOARD_CACHE_SECONDS``, as before. With that set to 0
(the test suite) nothing is kept and the worker keeps nothing either.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from powerwith.accounts.models import Membership
from powerwith.core.figures import last_twelve_months
from powerwith.core.permissions import Capability, roles_with
from powerwith.reports.dashboard.queries import keep_dashboard

# Kept past the next round (every 15 minutes), so a round that runs late leaves no gap.
KEPT_SECONDS = 25 * 60


def reader_of_each_organisation() -> list[Membership]:
    """One current member of each organisation who may read its dashboard (whose the
    figures are makes no difference: they are the organisation's, the same for every
    reader); organisations with no such member have no one to show them to."""
    readers = (
        Membership.objects.filter(
            role__in=roles_with(Capability.READ_SCORECARDS), user__is_active=True
        )
        .select_related("organisation", "user")
        .order_by("organisation_id", "pk")
    )
    chosen: dict[int, Membership] = {}
    for membership in readers:
        chosen.setdefault(membership.organisation_id, membership)
    return list(chosen.values())


def sweep(now: datetime) -> int:
    """Keep every organisation's dashboard for the last 12 months; answer how many."""
    if not settings.DASHBOARD_CACHE_SECONDS:
        return 0
    period = last_twelve_months(now)
    seconds = max(KEPT_SECONDS, settings.DASHBOARD_CACHE_SECONDS)
    readers = reader_of_each_organisation()
    for reader in readers:
        keep_dashboard(reader, period, now, seconds)
    return len(readers)

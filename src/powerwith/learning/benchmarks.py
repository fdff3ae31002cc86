"""Network benchmarks: each contributing organisation's figures, as totals for the whole
organisation, beside the network's median and quartiles.

Each figure is the one the organisation's own dashboard shows (ADR 008), over the last
12 months: the P.O.W.E.R. scorecard's average per principle, the mix of co-working levels
(the share of the work at each level), payment timeliness (claims paid within the
target), consent coverage (people with consent to take part before every session), and
the restraint-reduction trend (the change in restrictive interventions recorded, the
last six months against the six before, over all the organisation's services).

The worker refreshes the stored figures (``refresh``: the reminders sweep once a day, a
task queued when an organisation changes its choice, and ``powerwith manage
refresh_benchmarks``). Only organisations that contribute are stored; one that stops
contributing is taken out at once and at every refresh. The network's values of a
figure are shown only when at least ``NETWORK_BENCHMARK_THRESHOLD`` organisations
contribute to it; below that they are withheld everywhere (page, API, CSV).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.core.choices import CoWorkingLevel
from powerwith.core.figures import last_twelve_months
from powerwith.core.permissions import Capability, can, roles_with
from powerwith.learning import queries
from powerwith.learning.models import NetworkFigure
from powerwith.outcomes.queries import trend_of
from powerwith.reports.dashboard.figures import Dashboard
from powerwith.reports.dashboard.queries import dashboard
from powerwith.reports.scorecard import PRINCIPLE_NAMES

FIGURES: dict[str, str] = {
    **{f"score_{code}": f"Scorecard average: {name}" for code, name in PRINCIPLE_NAMES.items()},
    **{
        f"level_{code}": f"Share of the work at {label.lower()}"
        for code, label in CoWorkingLevel.choices
    },
    "payment_timeliness": "Payment timeliness: claims paid within the target",
    "consent_coverage": "Consent coverage: consent to take part before every session",
    "restraint_change": (
        "Change in restrictive interventions recorded (last 6 months against the 6 before)"
    ),
}
UNITS = {"restraint_change": "% change"}
REFRESH_EVERY = timedelta(days=1)
# The network reads the dashboard as a role that reads scorecards but not names would.
_ANONYMISED_READER = min(
    role for role in roles_with(Capability.READ_SCORECARDS) if not can(role, Capability.SEE_NAMES)
)


def threshold() -> int:
    return int(settings.NETWORK_BENCHMARK_THRESHOLD)


def _restraint_change(organisation: Organisation, now: datetime) -> float | None:
    period = last_twelve_months(now)
    months = period.months
    earlier, recent = set(months[:6]), set(months[6:])
    totals = {"earlier": 0, "recent": 0}
    for service in queries.services_of_organisation(organisation):
        for month, value in trend_of(service, now).series():
            if month in earlier:
                totals["earlier"] += value
            elif month in recent:
                totals["recent"] += value
    if not totals["earlier"]:
        return None
    return round(100 * (totals["recent"] - totals["earlier"]) / totals["earlier"], 1)


def _from_dashboard(d: Dashboard) -> dict[str, float | None]:
    found: dict[str, float | None] = {}
    for code, average in d.scorecards.averages.items():
        found[f"score_{code}"] = None if average is None else round(100 * average, 1)
    counted = sum(level.count for level in d.levels)
    for level in d.levels:
        if level.code:
            found[f"level_{level.code}"] = (
                round(100 * level.count / counted, 1) if counted else None
            )
    found["payment_timeliness"] = d.payments.share.percent
    found["consent_coverage"] = d.consent.people.percent
    return found


def figures_of(organisation: Organisation, now: datetime | None = None) -> dict[str, float | None]:
    """The organisation's own figures, by the dashboard's definitions; None where it has
    nothing to count."""
    now = now or timezone.now()
    reader = Membership(organisation=organisation, role=_ANONYMISED_READER)
    found = _from_dashboard(dashboard(reader, last_twelve_months(now), now))
    found["restraint_change"] = _restraint_change(organisation, now)
    return {name: found.get(name) for name in FIGURES}


@transaction.atomic
def refresh(now: datetime | None = None) -> int:
    """Store the figures of every contributing organisation, and only theirs."""
    now = now or timezone.now()
    contributing = queries.contributing_organisations()
    queries.network_figures().exclude(organisation_id__in=contributing).delete()
    stored = 0
    for organisation in Organisation.objects.filter(pk__in=contributing):
        queries.network_figures().filter(organisation=organisation).delete()
        rows = [
            NetworkFigure(organisation=organisation, name=name, value=value, refreshed_at=now)
            for name, value in figures_of(organisation, now).items()
            if value is not None
        ]
        NetworkFigure.objects.bulk_create(rows)
        stored += len(rows)
    return stored


def sweep(now: datetime) -> int:
    """For the worker's reminders sweep: refresh once a day."""
    latest = queries.network_figures().order_by("-refreshed_at").first()
    if latest is not None and latest.refreshed_at > now - REFRESH_EVERY:
        return 0
    return refresh(now)


@task
def refresh_benchmarks() -> int:
    return refresh()


def refresh_on_commit() -> None:
    transaction.on_commit(lambda: refresh_benchmarks.enqueue())


@dataclass(frozen=True)
class Benchmark:
    name: str
    label: str
    value: float | None
    contributors: int
    threshold: int
    quartiles: tuple[float, float, float] | None

    @property
    def shown(self) -> bool:
        return self.contributors >= self.threshold

    @property
    def network_median(self) -> float | None:
        return self.quartiles[1] if self.shown and self.quartiles else None

    @property
    def lower_quartile(self) -> float | None:
        return self.quartiles[0] if self.shown and self.quartiles else None

    @property
    def upper_quartile(self) -> float | None:
        return self.quartiles[2] if self.shown and self.quartiles else None

    @property
    def unit(self) -> str:
        return UNITS.get(self.name, "%")


@dataclass(frozen=True)
class NetworkView:
    organisations: int
    threshold: int
    figures: list[Benchmark]
    contributing: bool


def _quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    lower, middle, upper = statistics.quantiles(values, n=4, method="inclusive")
    return round(lower, 1), round(middle, 1), round(upper, 1)


def network_view(organisation: Organisation, now: datetime | None = None) -> NetworkView:
    """The stored network figures, with this organisation's own figures worked out now."""
    contributing = set(queries.contributing_organisations())
    by_name: dict[str, list[float]] = {name: [] for name in FIGURES}
    for row in queries.network_figures().filter(organisation_id__in=contributing):
        by_name.setdefault(row.name, []).append(row.value)
    own = figures_of(organisation, now)
    n = threshold()
    figures = [
        Benchmark(
            name=name,
            label=label,
            value=own[name],
            contributors=len(by_name[name]),
            threshold=n,
            quartiles=_quartiles(sorted(by_name[name])) if len(by_name[name]) >= n else None,
        )
        for name, label in FIGURES.items()
    ]
    stored = queries.network_figures().filter(organisation_id__in=contributing)
    return NetworkView(
        organisations=len(set(stored.values_list("organisation_id", flat=True))),
        threshold=n,
        figures=figures,
        contributing=organisation.pk in contributing,
    )


def as_json(view: NetworkView) -> dict[str, object]:
    return {
        "organisations": view.organisations,
        "threshold": view.threshold,
        "figures": [
            {
                "name": f.name,
                "label": f.label,
                "value": f.value,
                "network_median": f.network_median,
                "network_lower_quartile": f.lower_quartile,
                "network_upper_quartile": f.upper_quartile,
                "shown": f.shown,
            }
            for f in view.figures
        ],
    }


def as_csv_rows(view: NetworkView) -> list[list[str]]:
    def cell(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    rows = [
        [
            "figure",
            "name",
            "your value",
            "shown",
            "network lower quartile",
            "network median",
            "network upper quartile",
        ]
    ]
    for f in view.figures:
        rows.append(
            [
                f.label,
                f.name,
                cell(f.value),
                "yes" if f.shown else "no",
                cell(f.lower_quartile),
                cell(f.network_median),
                cell(f.upper_quartile),
            ]
        )
    return rows

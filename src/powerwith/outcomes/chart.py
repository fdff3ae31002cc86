"""The trend charts of a service: the monthly total and each type of intervention, with
the months of linked work marked and each marker saying which kind of work it was. The
drawing is the shared ``reports.charts.line_chart``; the page puts the same figures in a
table beside each chart."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from powerwith.core.charts import line_chart
from powerwith.outcomes import months
from powerwith.outcomes.queries import MonthRow, Trend


@dataclass(frozen=True)
class Chart:
    title: str
    svg: SafeString
    # The same figures for the table beside the chart: every month, None if not recorded.
    figures: list[tuple[MonthRow, int | None]]


def trend_charts(trend: Trend) -> list[Chart]:
    if not trend.rows:
        return []
    markers = [(months.short(m.month), m.words) for m in trend.markers]

    def chart(title: str, values: list[int | None]) -> Chart:
        points = [
            (months.short(row.month), float(value))
            for row, value in zip(trend.rows, values, strict=True)
            if value is not None
        ]
        svg = line_chart(title=title, points=points, markers=markers)
        return Chart(title, svg, list(zip(trend.rows, values, strict=True)))

    charts = [chart("All restrictive interventions, each month", [r.total for r in trend.rows])]
    for index, (_, label) in enumerate(trend.types):
        values = [row.cells[index] for row in trend.rows]
        if any(values):
            charts.append(chart(f"{label}, each month", values))
    return charts

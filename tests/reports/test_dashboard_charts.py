"""The accessible SVG charts: named and described for screen readers, labels escaped,
not told by colour alone, and drawn to fit 320 px."""

from __future__ import annotations

import re

from powerwith.core.charts import bar_chart, figure, line_chart


def test_a_bar_chart_is_an_image_named_by_its_title_and_described_with_its_values() -> None:
    svg = bar_chart(
        title="Opportunities by level", bars=[("Consultation", 3), ("Co-production", 2)]
    )

    assert 'role="img"' in svg
    ids = re.search(r'aria-labelledby="([\w-]+) ([\w-]+)"', svg)
    assert ids is not None
    assert f'<title id="{ids.group(1)}">Opportunities by level</title>' in svg
    assert f'<desc id="{ids.group(2)}">Bar chart. Consultation: 3; Co-production: 2.</desc>' in svg
    assert 'viewBox="0 0 320 ' in svg
    assert 'font-size="16"' in svg
    # Bars are hatched, not only coloured.
    assert "<pattern" in svg
    assert "url(#" in svg


def test_labels_are_escaped() -> None:
    svg = bar_chart(title="<script>", bars=[("<b>bold</b> & co", 1)])
    line = line_chart(title="t", points=[("Jan", 1), ("Feb", 2)], markers=[("Feb", "<img src=x>")])

    assert "<script>" not in svg
    assert "<b>" not in svg
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in svg
    assert "<img" not in line


def test_two_charts_on_one_page_have_different_ids() -> None:
    first = bar_chart(title="a", bars=[("x", 1)])
    second = bar_chart(title="a", bars=[("x", 1)])

    assert re.findall(r'id="([\w-]+)"', first)[0] != re.findall(r'id="([\w-]+)"', second)[0]


def test_a_line_chart_marks_when_something_happened_with_a_dashed_line_and_a_legend() -> None:
    svg = line_chart(
        title="Restraint each month",
        points=[("Jan 2026", 10), ("Feb 2026", 8), ("Mar 2026", 5)],
        markers=[("Feb 2026", "Co-produced training"), ("Dec 2025", "Outside the chart")],
        unit="uses",
    )

    assert svg.count('stroke-dasharray="6 4"') == 2  # the marker, and its legend key
    assert "1: Feb 2026 — Co-produced training" in svg
    assert "Outside the chart" not in svg
    assert "Jan 2026: 10 uses; Feb 2026: 8 uses; Mar 2026: 5 uses." in svg
    assert "Marked: Feb 2026: Co-produced training." in svg


def test_a_chart_with_nothing_to_show_says_so() -> None:
    assert "No figures for this period." in bar_chart(title="t", bars=[])
    assert "No figures for this period." in line_chart(title="t", points=[])


def test_figures_are_written_plainly() -> None:
    assert (figure(3), figure(2.5, "%"), figure(66.66, "claims")) == ("3", "2.5%", "66.7 claims")

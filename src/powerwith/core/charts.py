"""Accessible charts as inline SVG, drawn on the server (no JavaScript).

Each chart is an ``<svg role="img">`` named by its ``<title>`` and described by its
``<desc>`` (which lists the values, because a screen reader does not read inside an
image). The page puts a plain HTML ``<table>`` with a caption beside every chart: the
table, not the picture, is the record.

The drawing is 320 units wide, so at the narrowest screen (320 px) one unit is one pixel
and the 16-unit text is 16 px; wider screens scale it up. Bars carry a hatch pattern and
points a marker shape, so nothing is told by colour alone; every colour has at least 3:1
contrast against white (text 4.5:1).

Every label is escaped (``format_html``).
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 320
FONT = 16
INK = "#0b0c0c"  # 19.6:1 on white
AXIS = "#505a5f"  # 7:1
BAR = "#1d70b8"  # 5.2:1
MARK = "#d4351c"  # 4.6:1
LEGEND_CHARS = 34  # what fits in 320 units at 16 units a character's ~9 units

_ids = itertools.count(1)


def figure(value: float, unit: str = "") -> str:
    """A value as words: whole numbers without decimals, others to one place; "%" is
    written close up, any other unit after a space."""
    number = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    if not unit:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def _n(number: float) -> str:
    return f"{number:.1f}"


def _svg(
    *, chart_id: str, title: str, desc: str, height: int, body: SafeString, extra_defs: str = ""
) -> SafeString:
    return format_html(
        '<svg class="pw-chart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'font-family="Arial, sans-serif" font-size="{font}" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>{defs}</defs>{body}</svg>",
        id=chart_id,
        w=WIDTH,
        h=height,
        font=FONT,
        title=title,
        desc=desc,
        defs=mark_safe(extra_defs),  # noqa: S308 — built here from constants and ids only
        body=body,
    )


def _values_in_words(pairs: Sequence[tuple[str, float]], unit: str) -> str:
    shown = "; ".join(f"{label}: {figure(value, unit)}" for label, value in pairs[:24])
    return shown + ("; …" if len(pairs) > 24 else "")


def _empty(title: str) -> SafeString:
    chart_id = f"pw-chart-{next(_ids)}"
    body = format_html(
        '<text x="0" y="{y}" fill="{ink}">No figures for this period.</text>', y=FONT * 2, ink=INK
    )
    return _svg(chart_id=chart_id, title=title, desc="No figures.", height=FONT * 3, body=body)


def _fit(label: str, value: str) -> str:
    """ "label: value", the label shortened to fit one line at 320 units (the table beside
    the chart has it whole)."""
    room = max(LEGEND_CHARS - len(value) - 2, 8)
    if len(label) > room:
        label = label[: room - 1].rstrip() + "…"
    return f"{label}: {value}"


def bar_chart(*, title: str, bars: list[tuple[str, float]], unit: str = "") -> SafeString:
    """Horizontal bars, one row each: the label and value on their own line, then the bar
    (so long labels never squeeze the bars at 320 px)."""
    if not bars:
        return _empty(title)
    chart_id = f"pw-chart-{next(_ids)}"
    pattern = f"{chart_id}-hatch"
    top = max((value for _, value in bars), default=0.0)
    scale = (WIDTH - 4) / top if top > 0 else 0.0
    row = FONT + 36
    rows = []
    for index, (label, value) in enumerate(bars):
        y = index * row
        rows.append(
            format_html(
                '<g><text x="0" y="{ty}" fill="{ink}">{label}</text>'
                '<rect x="1" y="{by}" width="{len}" height="24" fill="url(#{pattern})" '
                'stroke="{bar}" stroke-width="2"/></g>',
                ty=y + FONT,
                by=y + FONT + 6,
                len=_n(max(value, 0) * scale),
                pattern=pattern,
                bar=BAR,
                ink=INK,
                label=_fit(label, figure(value, unit)),
            )
        )
    defs = format_html(
        '<pattern id="{id}" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="{bar}"/>'
        '<line x1="0" y1="0" x2="0" y2="8" stroke="#ffffff" stroke-width="2"/></pattern>',
        id=pattern,
        bar=BAR,
    )
    desc = f"Bar chart. {_values_in_words(bars, unit)}."
    return _svg(
        chart_id=chart_id,
        title=title,
        desc=desc,
        height=len(bars) * row + 4,
        body=mark_safe("".join(rows)),  # noqa: S308 — each row built by format_html
        extra_defs=defs,
    )


def _nice_top(top: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above ``top``: a round axis top."""
    if top <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(top))
    return float(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= top))


def line_chart(
    *,
    title: str,
    points: list[tuple[str, float]],
    markers: Sequence[tuple[str, str]] = (),
    unit: str = "",
) -> SafeString:
    """A line through the points in order, each point a square marker, with the first and
    last x labels under the axis. ``markers`` are (x label, what happened): each is a
    dashed vertical line at that x, numbered, with the numbers explained in a legend
    under the chart. A marker whose x label is not among the points is not drawn."""
    if not points:
        return _empty(title)
    chart_id = f"pw-chart-{next(_ids)}"
    left, right, plot_top, plot_height = 56, WIDTH - 12, 28, 160
    bottom = plot_top + plot_height
    top_value = _nice_top(max(value for _, value in points))
    step = (right - left) / (len(points) - 1) if len(points) > 1 else 0.0
    xs = {label: left + index * step for index, (label, _) in enumerate(points)}
    if len(points) == 1:
        xs = {points[0][0]: (left + right) / 2}

    def y_of(value: float) -> float:
        return bottom - max(value, 0) / top_value * plot_height

    parts = [
        format_html(
            '<line x1="{l}" y1="{t}" x2="{l}" y2="{b}" stroke="{axis}" stroke-width="2"/>'
            '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{axis}" stroke-width="2"/>'
            '<text x="{lx}" y="{ty}" text-anchor="end" fill="{ink}">{top}</text>'
            '<text x="{lx}" y="{by}" text-anchor="end" fill="{ink}">{zero}</text>',
            l=left,
            t=plot_top,
            b=bottom,
            r=right,
            axis=AXIS,
            ink=INK,
            lx=left - 6,
            ty=plot_top + 6,
            by=bottom,
            top=figure(top_value, "%" if unit == "%" else ""),
            zero=figure(0, "%" if unit == "%" else ""),
        )
    ]
    drawn = [(x, text) for x, text in markers if x in xs]
    for number, (x_label, _) in enumerate(drawn, start=1):
        x = xs[x_label]
        parts.append(
            format_html(
                '<line x1="{x}" y1="{t}" x2="{x}" y2="{b}" stroke="{mark}" '
                'stroke-width="2" stroke-dasharray="6 4"/>'
                '<text x="{x}" y="{ny}" text-anchor="middle" fill="{ink}">{n}</text>',
                x=_n(x),
                t=plot_top,
                b=bottom,
                mark=MARK,
                ink=INK,
                ny=plot_top - 8,
                n=number,
            )
        )
    coordinates = " ".join(f"{xs[label]},{y_of(value)}" for label, value in points)
    parts.append(
        format_html(
            '<polyline points="{c}" fill="none" stroke="{bar}" stroke-width="3"/>',
            c=coordinates,
            bar=BAR,
        )
    )
    parts.append(
        format_html_join(
            "",
            '<rect x="{}" y="{}" width="8" height="8" fill="{}"/>',
            ((_n(xs[label] - 4), _n(y_of(value) - 4), INK) for label, value in points),
        )
    )
    first, last = points[0][0], points[-1][0]
    parts.append(
        format_html(
            '<text x="{l}" y="{y}" fill="{ink}">{first}</text>'
            '<text x="{r}" y="{y}" text-anchor="end" fill="{ink}">{last}</text>',
            l=left,
            r=right,
            y=bottom + FONT + 6,
            ink=INK,
            first=first,
            last=last if len(points) > 1 else "",
        )
    )
    y = bottom + FONT * 2 + 16
    for number, (x_label, text) in enumerate(drawn, start=1):
        lines = textwrap.wrap(f"{number}: {x_label} — {text}", LEGEND_CHARS) or [""]
        for line in lines:
            parts.append(format_html('<text x="0" y="{}" fill="{}">{}</text>', y, INK, line))
            y += FONT + 6
    if drawn:
        parts.append(
            format_html(
                '<line x1="0" y1="{y}" x2="32" y2="{y}" stroke="{mark}" stroke-width="2" '
                'stroke-dasharray="6 4"/><text x="40" y="{ty}" fill="{ink}">'
                "dashed line: when it happened</text>",
                y=y - 4,
                ty=y + 2,
                mark=MARK,
                ink=INK,
            )
        )
        y += FONT + 6
    desc = f"Line chart. {_values_in_words(points, unit)}."
    if drawn:
        desc += " Marked: " + "; ".join(f"{x}: {text}" for x, text in drawn) + "."
    return _svg(
        chart_id=chart_id,
        title=title,
        desc=desc,
        height=y,
        body=mark_safe("".join(parts)),  # noqa: S308 — each part built by format_html
    )

"""The dashboard's figures as CSV rows and as JSON (the API's shape), from the same
``Dashboard`` the page shows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from powerwith.core.figures import Share
from powerwith.engagements.concentration import BUSIEST_WORDS, Concentration
from powerwith.reports.dashboard.figures import PRINCIPLE_CODES, QUESTION_LABELS, Dashboard
from powerwith.reports.scorecard import contract_score

HEADER = ["figure", "item", "value"]
NOT_JUDGED = "not yet judged"


def _safe(text: str) -> str:
    """Spreadsheets run a cell that starts with =, +, - or @ as a formula: never ours."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _number(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


def _score(score: float | None) -> str:
    """A principle with no check to judge yet has no score: said so, never a 0."""
    return NOT_JUDGED if score is None else f"{score:g}"


def _share(figure: str, share: Share) -> Iterator[list[str]]:
    yield [figure, "count", str(share.part)]
    yield [figure, "out of", str(share.whole)]
    yield [figure, "percent", _number(share.percent)]


def _concentration(figure: str, c: Concentration) -> Iterator[list[str]]:
    yield [figure, "experts by experience working with you", str(c.experts)]
    yield [figure, "people", str(c.people)]
    yield [figure, "total", str(c.total)]
    yield [figure, f"{BUSIEST_WORDS} people", str(c.busiest_people)]
    yield [figure, f"{BUSIEST_WORDS} total", str(c.busiest_total)]
    yield [figure, f"{BUSIEST_WORDS} percent", _number(c.busiest_share.percent)]
    yield [figure, "fewest people doing more than half", str(c.people_for_most)]


def rows(d: Dashboard) -> Iterator[list[str]]:
    yield ["period", "from", f"{d.period.first:%Y-%m}"]
    yield ["period", "to", f"{d.period.last:%Y-%m}"]
    for level in d.levels:
        yield ["opportunities by co-working level", level.label, str(level.count)]
    for row in d.scorecards.rows:
        for code in PRINCIPLE_CODES:
            yield [f"scorecard: {row.title}", code, _score(row.scores[code])]
        yield [f"scorecard: {row.title}", "tokenism flags", str(len(row.flags))]
    judged = d.scorecards.judged
    for code, average in d.scorecards.averages.items():
        yield ["scorecard average", code, _score(average)]
        yield ["scorecard average", f"{code} opportunities judged", str(judged[code])]
    yield ["scorecard average", "tokenism flags", _number(d.scorecards.average_flags)]
    yield ["payment timeliness", "claims paid", str(d.payments.paid)]
    yield ["payment timeliness", "target days", str(d.payments.target_days)]
    yield ["payment timeliness", "paid within target", str(d.payments.within_target)]
    yield ["payment timeliness", "percent within target", _number(d.payments.share.percent)]
    yield ["payment timeliness", "median days to pay", _number(d.payments.median_days)]
    yield from _share("consent coverage (people)", d.consent.people)
    yield from _share("wellbeing checks completed", d.wellbeing)
    for month in d.feedback:
        figure = f"feedback {month.month:%Y-%m}"
        yield [figure, "asked", str(month.asked)]
        yield [figure, "answered", str(month.answered)]
        for question, average in month.averages.items():
            yield [figure, f"average: {QUESTION_LABELS[question]}", _number(average)]
    yield from _concentration("concentration of bookings", d.bookings)
    yield from _concentration("concentration of paid minutes", d.paid_minutes)


def dashboard_csv(d: Dashboard) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows([_safe(cell) for cell in row] for row in rows(d))
    return out.getvalue()


def _share_json(share: Share) -> dict[str, Any]:
    return {"count": share.part, "out_of": share.whole, "percent": share.percent}


def _concentration_json(c: Concentration) -> dict[str, Any]:
    return {
        "experts": c.experts,
        "people": c.people,
        "total": c.total,
        "busiest_people": c.busiest_people,
        "busiest_total": c.busiest_total,
        "busiest_percent": c.busiest_share.percent,
        "people_for_most": c.people_for_most,
    }


def as_json(d: Dashboard) -> dict[str, Any]:
    return {
        "from": f"{d.period.first:%Y-%m}",
        "to": f"{d.period.last:%Y-%m}",
        "levels": {level.code or "not_set": level.count for level in d.levels},
        "scorecards": {
            "opportunities": [
                {
                    "opportunity_id": r.opportunity_id,
                    "title": r.title,
                    "scores": {code: contract_score(s) for code, s in r.scores.items()},
                    "judged": {code: s is not None for code, s in r.scores.items()},
                    "tokenism_flags": len(r.flags),
                }
                for r in d.scorecards.rows
            ],
            "averages": d.scorecards.averages,
            "judged": d.scorecards.judged,
            "average_tokenism_flags": d.scorecards.average_flags,
        },
        "payment_timeliness": {
            "paid": d.payments.paid,
            "target_days": d.payments.target_days,
            "within_target": d.payments.within_target,
            "percent_within_target": d.payments.share.percent,
            "median_days": d.payments.median_days,
        },
        "consent_coverage": _share_json(d.consent.people),
        "wellbeing_checks": _share_json(d.wellbeing),
        "feedback": [
            {
                "month": f"{m.month:%Y-%m}",
                "asked": m.asked,
                "answered": m.answered,
                "averages": m.averages,
            }
            for m in d.feedback
        ],
        "concentration": {
            "bookings": _concentration_json(d.bookings),
            "paid_minutes": _concentration_json(d.paid_minutes),
        },
    }

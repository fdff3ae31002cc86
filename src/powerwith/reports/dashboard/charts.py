"""The dashboard's charts, one per figure (each has a table beside it on the page)."""

from __future__ import annotations

from django.utils.safestring import SafeString

from powerwith.core.charts import bar_chart, line_chart
from powerwith.core.figures import Share
from powerwith.engagements.concentration import BUSIEST_WORDS
from powerwith.reports.dashboard.figures import PRINCIPLE_CODES, Dashboard
from powerwith.reports.scorecard import PRINCIPLE_NAMES


def _split(share: Share, done: str, not_done: str) -> list[tuple[str, float]]:
    return [(done, share.part), (not_done, share.whole - share.part)]


def charts_of(d: Dashboard) -> dict[str, SafeString]:
    averages = d.scorecards.averages
    return {
        "levels": bar_chart(
            title="Opportunities by level of co-working",
            bars=[(level.label, level.count) for level in d.levels],
        ),
        "scorecards": bar_chart(
            title="Average P.O.W.E.R. score of each principle",
            bars=[
                (PRINCIPLE_NAMES[code], round(100 * average))
                for code in PRINCIPLE_CODES
                if (average := averages[code]) is not None
            ],
            unit="%",
        ),
        "payments": bar_chart(
            title="Claims paid in the period",
            bars=_split(
                d.payments.share,
                f"Paid within {d.payments.target_days} days",
                "Paid later",
            )
            if d.payments.paid
            else [],
            unit="claims",
        ),
        "consent": bar_chart(
            title="People booked on sessions, by consent to take part",
            bars=_split(d.consent.people, "Consent before every session", "A gap in consent")
            if d.consent.people.whole
            else [],
            unit="people",
        ),
        "wellbeing": bar_chart(
            title="Wellbeing checks due",
            bars=_split(d.wellbeing, "Completed", "Not completed") if d.wellbeing.whole else [],
            unit="checks",
        ),
        "feedback": line_chart(
            title="Feedback answers given each month",
            points=[(month.label, month.answered) for month in d.feedback],
        ),
        "concentration": bar_chart(
            title=f"Share of the work done by the {BUSIEST_WORDS} of the experts by experience",
            bars=[
                (label, share.percent)
                for label, share in (
                    ("Sessions booked", d.bookings.busiest_share),
                    ("Paid hours", d.paid_minutes.busiest_share),
                )
                if share.percent is not None
            ],
            unit="%",
        ),
    }

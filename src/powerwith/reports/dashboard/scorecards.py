"""Scorecards across the period's opportunities, all worked out together in a fixed
number of queries (``scorecard.scorecards``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from powerwith.opportunities.models import Opportunity
from powerwith.reports.dashboard.figures import OpportunityScores, Scorecards
from powerwith.reports.scorecard import scorecards


def scorecards_across(opportunities: Sequence[Opportunity], now: datetime) -> Scorecards:
    return Scorecards(
        [
            OpportunityScores(
                opportunity_id=card.opportunity.pk,
                title=card.opportunity.title,
                scores={p.code: p.score for p in card.principles},
                flags=list(card.flags),
            )
            for card in scorecards(opportunities, now)
        ]
    )

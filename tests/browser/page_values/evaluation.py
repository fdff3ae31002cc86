"""Every-page audit values for evaluation and the scorecard: a finished piece of work
with the expert's accepted offer, a team reflection, feedback and an impact entry."""

from __future__ import annotations

from typing import Any

from powerwith.evaluation.services.learning import record_impact, record_reflection
from tests.browser.page_values import PartCast
from tests.engagements.factories import accepted_offer


def values(cast: PartCast) -> dict[str, Any]:
    offer = accepted_offer(cast.coordinator, cast.expert)
    opportunity = offer.opportunity
    opportunity.status = "completed"
    opportunity.save()
    record_reflection(
        by=cast.coordinator,
        opportunity=opportunity,
        went_well="People shaped the agenda.",
        to_change="Send papers earlier.",
        lived_up="partly",
    )
    entry = record_impact(
        by=cast.coordinator,
        opportunity=opportunity,
        you_said="The room was too loud.",
        we_did="We booked a quiet room.",
        contributor_ids=[cast.expert.pk],
        standards=["working_together"],
    )
    return {
        "feedback_offer_id": offer.pk,
        "evaluation_opportunity_id": opportunity.pk,
        "scorecard_opportunity_id": opportunity.pk,
        "impact_id": entry.pk,
    }

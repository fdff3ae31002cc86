"""Every-page audit values for evaluation and the scorecard: a finished piece of work
with the expert's accepted offer, a team reflection, feedback and an impact entry; a
development plan with an action and its progress; and reviews due (the opportunity's
review date and a consent about to lapse), so the reviews pages show their tables."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from powerwith.evaluation.services.development import (
    comment_on_action,
    offer_action,
    record_progress,
)
from powerwith.evaluation.services.learning import record_impact, record_reflection
from tests.browser.page_values import PartCast
from tests.engagements.factories import accepted_offer
from tests.evaluation.factories import consent_given


def values(cast: PartCast) -> dict[str, Any]:
    offer = accepted_offer(cast.coordinator, cast.expert)
    opportunity = offer.opportunity
    opportunity.status = "completed"
    opportunity.review_date = timezone.localdate() + timedelta(days=10)
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
    action = offer_action(
        by=cast.coordinator,
        person=cast.expert,
        code="public_speaking",
        details="Six sessions with a coach.",
    )
    record_progress(by=cast.coordinator, action=action, status="under_way", note="Two done.")
    assert cast.expert.user is not None
    comment_on_action(user=cast.expert.user, action=action, text="Going well.")
    consent_given(
        cast.expert,
        cast.coordinator.organisation,
        "keep_contact",
        timezone.now() - timedelta(days=360),
    )
    return {
        "dev_person_id": cast.expert.pk,
        "dev_action_id": action.pk,
        "my_dev_action_id": action.pk,
        "feedback_offer_id": offer.pk,
        "evaluation_opportunity_id": opportunity.pk,
        "scorecard_opportunity_id": opportunity.pk,
        "impact_id": entry.pk,
    }

"""The demo's evaluation at Riverside: a named and an anonymous feedback answer, a team
reflection and a shared "you said, we did" entry tagged with UK Standards.

Run after the other demo parts. It uses the Riverside opportunity with the most accepted
offers (a completed one first). Feedback is seed data written on the models, since the
demo's work may not have finished yet (the service asks for finished work); the
reflection and the impact entry go through the services. Idempotent: each piece is
found by its opportunity and left as it is.
"""

from __future__ import annotations

from django.db.models import BooleanField, Count, ExpressionWrapper, Q

from powerwith.accounts.models import Membership
from powerwith.core.roles import Role
from powerwith.evaluation.models import (
    FeedbackAnswer,
    FeedbackRequest,
    ImpactEntry,
    Standard,
    TeamReflection,
)
from powerwith.evaluation.queries import contributors_of
from powerwith.evaluation.services.learning import record_impact, record_reflection
from powerwith.offers.models import Offer, OfferStatus
from powerwith.opportunities.models import Opportunity, OpportunityStatus

COORDINATOR = "coordinator@riverside.example"
NAMED = {
    "respected": 5,
    "safe": 4,
    "valued": 5,
    "listened_to": 5,
    "influence": 4,
    "pay": 5,
    "communication": 4,
    "work_again": 5,
}
ANONYMOUS = {
    "respected": 4,
    "safe": 3,
    "valued": 4,
    "listened_to": 3,
    "influence": 2,
    "pay": 4,
    "communication": 2,
    "work_again": 4,
}


def _opportunity(coordinator: Membership) -> Opportunity | None:
    return (
        Opportunity.objects.filter(organisation=coordinator.organisation)
        .annotate(
            accepted=Count("offers", filter=Q(offers__status=OfferStatus.ACCEPTED)),
            finished=ExpressionWrapper(
                Q(status__in=[OpportunityStatus.COMPLETED, OpportunityStatus.REVIEWED]),
                output_field=BooleanField(),
            ),
        )
        .filter(accepted__gt=0)
        .order_by("-finished", "-accepted", "pk")
        .first()
    )


def _feedback(opportunity: Opportunity) -> int:
    people = list(
        Offer.objects.filter(opportunity=opportunity, status=OfferStatus.ACCEPTED)
        .order_by("pk")
        .values_list("person_id", flat=True)
    )
    made = 0
    answers = [
        (NAMED, False, "The team listened and changed the plan because of what I said."),
        (ANONYMOUS, True, "The papers came late and were hard to read."),
    ]
    for person_id, (scores, anonymous, comments) in zip(people, answers, strict=False):
        request, _ = FeedbackRequest.objects.get_or_create(
            opportunity=opportunity,
            person_id=person_id,
            defaults={"organisation_id": opportunity.organisation_id},
        )
        if request.answered:
            continue
        request.answered = True
        request.save(update_fields=["answered"])
        FeedbackAnswer.objects.create(
            organisation_id=opportunity.organisation_id,
            opportunity=opportunity,
            person_id=None if anonymous else person_id,
            comments=comments,
            **scores,
        )
        made += 1
    return made


def add_evaluation() -> int:
    """Make the demo evaluation that is missing; answers how many things were made."""
    coordinator = (
        Membership.objects.select_related("organisation", "user")
        .filter(user__email=COORDINATOR, role=Role.COORDINATOR)
        .first()
    )
    if coordinator is None:
        return 0
    opportunity = _opportunity(coordinator)
    if opportunity is None:
        return 0
    made = _feedback(opportunity)
    if not TeamReflection.objects.filter(opportunity=opportunity).exists():
        record_reflection(
            by=coordinator,
            opportunity=opportunity,
            went_well="Experts by experience led the second half of the session.",
            to_change="Send the papers a week before, in easy read too.",
            lived_up="partly",
            principles_note="We were late confirming one reasonable adjustment.",
        )
        made += 1
    if not ImpactEntry.objects.filter(opportunity=opportunity).exists():
        people = list(contributors_of(opportunity).values_list("pk", flat=True)[:3])
        record_impact(
            by=coordinator,
            opportunity=opportunity,
            you_said="Being held face down was the most frightening part, and nobody "
            "explained why it happened.",
            we_did="The course now starts with experts by experience describing restraint, "
            "and teaches staff to explain every step out loud.",
            contributor_ids=people,
            standards=[Standard.WORKING_TOGETHER, Standard.IMPACT],
            share=bool(people),
        )
        made += 1
    return made

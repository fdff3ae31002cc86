"""Payment choices: the person's word on how they would like to be paid for a piece of
work, and the one definition of voluntary work."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import (
    RewardChoice,
    RewardChoiceKind,
)
from powerwith.people.models import Person


def latest_choice(person: Person, opportunity: Opportunity | int) -> RewardChoice | None:
    """The person's choice about payment for the opportunity: the newest one holds."""
    opportunity_id = opportunity if isinstance(opportunity, int) else opportunity.pk
    return (
        RewardChoice.objects.filter(person=person, opportunity_id=opportunity_id)
        .select_related("recorded_by")
        .first()
    )


def is_voluntary_by_choice(person: Person, opportunity: Opportunity | int) -> bool:
    """Whether the person's work on the opportunity counts as voluntary.

    Only the person's own recorded choice makes work voluntary: their newest
    ``RewardChoice`` for it says ``decline``, with a reason. Staff can record a choice only
    on the person's behalf and saying that the person told them so (see
    ``services.record_reward_choice``); nobody can make work voluntary for them. Without
    such a choice, unpaid work is unpaid, not voluntary — the scorecard's tokenism flag.
    """
    choice = latest_choice(person, opportunity)
    return (
        choice is not None
        and choice.choice == RewardChoiceKind.DECLINE
        and bool(choice.reason.strip())
    )


def choices_of(person: Person, opportunity_id: int) -> QuerySet[RewardChoice]:
    return RewardChoice.objects.filter(person=person, opportunity_id=opportunity_id).select_related(
        "recorded_by"
    )


def opportunity_offered_to(
    membership: Membership, person: Person, opportunity_id: int
) -> Opportunity:
    """One of the organisation's opportunities that was offered to the person; 404 else."""
    found = (
        Opportunity.objects.filter(
            pk=opportunity_id, organisation_id=membership.organisation_id, offers__person=person
        )
        .distinct()
        .first()
    )
    if found is None:
        raise Http404("No such opportunity.")
    return found

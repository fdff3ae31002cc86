"""Data for the learning tests: a piece of work two experts took part in, with what one
said in the impact log and the consents each gave, all through the real services; and
organisations that contribute figures to the network."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent import services as consent
from powerwith.evaluation.services.learning import record_impact
from powerwith.learning import services
from powerwith.learning.models import LearningSummary
from powerwith.offers.models import Offer
from powerwith.opportunities.models import OpportunityStatus
from powerwith.people.models import Person
from tests.conftest import make_expert, make_member
from tests.engagements.factories import expert_membership
from tests.opportunities.factories import opportunity
from tests.workflows.factories import agreed_offer, agreed_to

CANARY_WORDS = "CANARY-WORDS: being held down was the most frightening part."


def give(person: Person, offer: Offer, *scopes: str) -> None:
    for scope in scopes:
        consent.grant_consent(
            person=person,
            scope=scope,
            actor=expert_membership(person, offer.organisation_id),
            opportunity=offer.opportunity,
        )


def withdraw(person: Person, offer: Offer, scope: str) -> None:
    consent.withdraw_consent(
        person=person,
        scope=scope,
        actor=expert_membership(person, offer.organisation_id),
        opportunity=offer.opportunity,
    )


def work_with_two_experts(
    coordinator: Membership, organisation: Organisation
) -> tuple[Offer, Person, Person]:
    """Zephyrine and Quillon took part; what Zephyrine said is in the impact log. Both
    agreed to share their story, to publish and to be quoted."""
    zephyrine = make_expert(
        f"zephyrine@{organisation.slug}.people.example", "Zephyrine", organisation
    )
    quillon = make_expert(f"quillon@{organisation.slug}.people.example", "Quillon", organisation)
    offer = agreed_offer(coordinator, zephyrine)
    agreed_to(coordinator, quillon, offer)
    for person in (zephyrine, quillon):
        give(person, offer, "share_narrative", "publish", "be_quoted")
    record_impact(
        by=coordinator,
        opportunity=offer.opportunity,
        you_said=CANARY_WORDS,
        we_did="The course now starts with what restraint feels like.",
        contributor_ids=[zephyrine.pk],
    )
    return offer, zephyrine, quillon


def drafted(coordinator: Membership, offer: Offer, **words: Any) -> LearningSummary:
    summary = services.draft_summary(by=coordinator, opportunity=offer.opportunity)
    if words:
        summary = services.edit_summary(by=coordinator, summary=summary, **words)
    return summary


def organisation_with_admin(slug: str) -> Membership:
    organisation = Organisation.objects.create(name=f"Trust {slug}", slug=slug)
    return make_member(organisation, f"admin@{slug}.example", "admin")


def contributing(slug: str, level: str = "co_production", *, share: bool = True) -> Membership:
    """An organisation with one piece of work at ``level`` under way, contributing its
    figures to the network (when ``share``); answers its admin."""
    admin = organisation_with_admin(slug)
    work = opportunity(admin, level=level)
    work.status = OpportunityStatus.OPEN
    work.save()
    if share:
        services.set_network_sharing(by=admin, share_summaries=False, contribute_figures=True)
    return admin

"""The demo's outputs: two at Riverside with expert1 as a contributor, made and consented
through the real services, so "Outputs" and expert1's "Your contributions" have
something to show — one output usable inside the organisation and for publishing, one
waiting for expert1's answer.

Idempotent: an output is found by organisation and title, and a consent already given
is left as it is.
"""

from __future__ import annotations

from powerwith.accounts.models import Membership
from powerwith.consent.models import Output
from powerwith.consent.queries import state_of
from powerwith.consent.services import grant_consent
from powerwith.consent.services.outputs import OutputInput, create_output
from powerwith.core.roles import Role
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person

COORDINATOR = "coordinator@riverside.example"
EXPERT = "expert1@people.example"

PLANNED = (
    ("Story of seclusion, for the course", "narrative", ["share_internally", "publish"]),
    ("Quotes for the board paper", "quote", ["share_internally", "distribute"]),
)
GIVEN = ("share_narrative", "publish")


def add_outputs() -> int:
    """Make the demo outputs that are missing; answers how many were made."""
    coordinator = (
        Membership.objects.select_related("organisation", "user")
        .filter(user__email=COORDINATOR, role=Role.COORDINATOR)
        .first()
    )
    expert = Person.objects.filter(user__email=EXPERT).first()
    if coordinator is None or expert is None or expert.user is None:
        return 0
    organisation = coordinator.organisation
    own = expert.user.memberships.filter(organisation=organisation).first()
    opportunity = (
        Opportunity.objects.filter(organisation=organisation, offers__person=expert)
        .order_by("pk")
        .first()
    )
    if own is None or opportunity is None:
        return 0
    made = 0
    for title, kind, uses in PLANNED:
        if Output.objects.filter(organisation=organisation, title=title).exists():
            continue
        create_output(
            by=coordinator,
            data=OutputInput(
                opportunity_id=opportunity.pk,
                title=title,
                kind=kind,
                contributors=[expert.pk],
                uses=uses,
            ),
        )
        made += 1
    for scope in GIVEN:
        current = state_of(expert, organisation, scope, opportunity.pk, None)
        if current is None:
            grant_consent(person=expert, scope=scope, actor=own, opportunity=opportunity)
    return made

"""Opportunities to tie consents to and outputs, made through the real services, and the
person's own membership."""

from __future__ import annotations

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.consent.models import Output
from powerwith.consent.services.outputs import OutputInput, create_output
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services.terms import create_opportunity
from powerwith.people.models import Person

ALL_USES = ["share_internally", "publish", "distribute", "monetise"]


def opportunity_of(coordinator: Membership, title: str = "Recruitment panel") -> Opportunity:
    return create_opportunity(by=coordinator, data={"title": title})


def own(person: Person, organisation_id: int) -> Membership:
    assert person.user is not None
    return person.user.memberships.get(organisation_id=organisation_id)


def output_of(
    coordinator: Membership,
    *people: Person,
    opportunity: Opportunity | None = None,
    uses: list[str] | None = None,
    title: str = "Alex's story",
) -> Output:
    opportunity = opportunity or opportunity_of(coordinator)
    return create_output(
        by=coordinator,
        data=OutputInput(
            opportunity_id=opportunity.pk,
            title=title,
            kind="narrative",
            contributors=[p.pk for p in people],
            uses=uses or ALL_USES,
        ),
    )


def finish(opportunity: Opportunity, by: Membership) -> None:
    """The work is completed, with the status change in the audit trail as the terms
    service writes it."""
    Opportunity.objects.filter(pk=opportunity.pk).update(status="completed")
    audit.record(
        actor=by.user,
        action="opportunity.status_changed",
        organisation=by.organisation,
        target=opportunity,
        **{"from": "in_progress", "to": "completed"},
    )
    opportunity.refresh_from_db()

"""How the person is paid: their pay-route choices and the organisation's
employment-status decisions."""

from __future__ import annotations

from django.db.models import QuerySet

from powerwith.accounts.models import Membership
from powerwith.payments.models import (
    EmploymentStatusDecision,
    PayRouteChoice,
)
from powerwith.payments.queries.claims import require_manager
from powerwith.people.models import Person


def route_choices_of(person: Person, membership: Membership) -> QuerySet[PayRouteChoice]:
    """The person's choices of how the membership's organisation pays them, newest first."""
    return PayRouteChoice.objects.filter(person=person, organisation=membership.organisation)


def decisions_of(person: Person, membership: Membership) -> QuerySet[EmploymentStatusDecision]:
    """The organisation's employment-status decisions for the person, newest first: for
    coordinators and admins, and for the person themself."""
    if person.user_id != membership.user_id:
        require_manager(membership)
    return EmploymentStatusDecision.objects.filter(
        person=person, organisation=membership.organisation
    ).select_related("decided_by")

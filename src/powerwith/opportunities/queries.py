"""Reads of opportunities, scoped to the organisation of the membership asking."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, require
from powerwith.opportunities.models import Opportunity, RateCard


def opportunities_of(membership: Membership) -> QuerySet[Opportunity]:
    require(
        membership,
        Capability.READ_OPPORTUNITIES,
        "Only coordinators, admins and auditors can see opportunities.",
    )
    return (
        Opportunity.objects.filter(organisation_id=membership.organisation_id)
        .select_related("organisation", "contact_user", "backup_contact_user")
        .prefetch_related("required_experience", "sessions")
    )


def get_opportunity_for(membership: Membership, opportunity_id: int) -> Opportunity:
    """One of the organisation's opportunities; 404 for anyone else's."""
    found = opportunities_of(membership).filter(pk=opportunity_id).first()
    if found is None:
        raise Http404("No such opportunity.")
    return found


def require_matches(membership: Membership) -> None:
    require(
        membership,
        Capability.SEE_MATCHES,
        "Only coordinators and admins can see matches, because they name people.",
    )


def rates_of(membership: Membership) -> QuerySet[RateCard]:
    """Every dated rate of the organisation, by basis, newest first."""
    require(
        membership, Capability.READ_RATES, "Only coordinators and admins can see the rate card."
    )
    return RateCard.objects.filter(organisation_id=membership.organisation_id).select_related(
        "created_by"
    )


def current_rates(organisation_id: int, today: date) -> dict[str, RateCard]:
    """Each basis's rate in force today: the newest row that has started."""
    current: dict[str, RateCard] = {}
    for rate in RateCard.objects.filter(
        organisation_id=organisation_id, valid_from__lte=today
    ).order_by("basis", "-valid_from", "-id"):
        current.setdefault(rate.basis, rate)
    return current

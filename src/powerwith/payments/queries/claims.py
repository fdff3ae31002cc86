"""The organisation's claims for staff who manage them, a person's own claims, and each
claim's steps: another organisation's claim, or another person's, is a 404."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.permissions import Capability, can, require
from powerwith.payments.models import (
    UNPAID_STATUSES,
    Claim,
    ClaimEvent,
    ClaimStatus,
)
from powerwith.payments.tax_years import TaxYear
from powerwith.people.models import ActedFor, Person

# The staff list's filters: the words on the page, and what each shows.
FILTERS: dict[str, str] = {
    "waiting": "Waiting for approval",
    "approved": "Approved, not paid",
    "overdue": "Overdue",
    "paid": "Paid",
}


def require_manager(membership: Membership) -> None:
    require(
        membership,
        Capability.MANAGE_CLAIMS,
        "Only coordinators and admins can see claims and payments.",
    )


def _with_relations(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    return claims.select_related(
        "organisation", "person", "offer__opportunity", "offer__accepted_version", "session"
    )


def claims_of(membership: Membership) -> QuerySet[Claim]:
    """The organisation's claims for staff who manage them; an expert's own claims here."""
    scoped = Claim.objects.filter(organisation_id=membership.organisation_id)
    if can(membership, Capability.MANAGE_CLAIMS):
        return _with_relations(scoped)
    if not can(membership, Capability.WORK_AS_STAFF):
        return _with_relations(scoped.filter(person__user_id=membership.user_id))
    raise PermissionDenied("Only coordinators and admins can see claims and payments.")


def get_claim_for(membership: Membership, claim_id: int) -> Claim:
    found = claims_of(membership).filter(pk=claim_id).first()
    if found is None:
        raise Http404("No such claim.")
    return found


def own_claims(user: User) -> QuerySet[Claim]:
    """Every claim the user has made as a person, with every organisation."""
    return _with_relations(Claim.objects.filter(person__user_id=user.pk))


def get_own_claim(user: User, claim_id: int) -> Claim:
    found = own_claims(user).filter(pk=claim_id).first()
    if found is None:
        raise Http404("No such claim.")
    return found


def get_receipt_claim(user: User, membership: Membership | None, claim_id: int) -> Claim:
    """A claim whose receipt this user may download: their own, or one of the organisation
    they manage claims for. Anyone else's is a 404."""
    found = own_claims(user).filter(pk=claim_id).first()
    if found is None and membership is not None and can(membership, Capability.MANAGE_CLAIMS):
        found = claims_of(membership).filter(pk=claim_id).first()
    if found is None or not found.receipt:
        raise Http404("No such receipt.")
    return found


def acted_for_claim(claim: Claim) -> ActedFor | None:
    """Who made the claim for the person, on their word or as their supporter through
    their own login; None for a claim the person made themself (the claim comes from a
    read the caller may already see)."""
    return (
        ActedFor.objects.select_related("recorded_by", "supporter")
        .filter(subject="claim", subject_id=claim.pk)
        .first()
    )


def events_of(claim: Claim) -> QuerySet[ClaimEvent]:
    """The claim's history, oldest first: from the page's prefetch when there was one."""
    if "events" in getattr(claim, "_prefetched_objects_cache", {}):
        return claim.events.all()
    return ClaimEvent.objects.filter(claim=claim).select_related("actor")


def step_on(claim: Claim, status: str) -> date | None:
    """The day (local time) the claim last reached ``status``."""
    event = ClaimEvent.objects.filter(claim=claim, status=status).order_by("-created_at").first()
    return timezone.localdate(event.created_at) if event else None


def claimed_on(claim: Claim) -> date:
    return timezone.localdate(claim.created_at)


def days_to_pay(claim: Claim) -> int | None:
    return (claim.paid_on - claimed_on(claim)).days if claim.paid_on else None


def overdue_cutoff(organisation: Organisation, now: datetime) -> datetime:
    return now - timedelta(days=organisation.payment_target_days)


def overdue_claims(organisation: Organisation, now: datetime) -> QuerySet[Claim]:
    """Claims not yet paid (submitted or approved) made longer ago than the target."""
    return _with_relations(
        Claim.objects.filter(
            organisation=organisation,
            status__in=UNPAID_STATUSES,
            created_at__lt=overdue_cutoff(organisation, now),
        )
    )


def is_overdue(claim: Claim, now: datetime) -> bool:
    return claim.status in UNPAID_STATUSES and claim.created_at < overdue_cutoff(
        claim.organisation, now
    )


def filtered(claims: QuerySet[Claim], show: str, organisation: Organisation) -> QuerySet[Claim]:
    """A list of claims, with each one's history in two queries for the whole page."""
    claims = claims.prefetch_related("events__actor")
    now = timezone.now()
    if show == "waiting":
        return claims.filter(status=ClaimStatus.SUBMITTED)
    if show == "approved":
        return claims.filter(status=ClaimStatus.APPROVED)
    if show == "overdue":
        return claims.filter(
            status__in=UNPAID_STATUSES, created_at__lt=overdue_cutoff(organisation, now)
        )
    if show == "paid":
        return claims.filter(status=ClaimStatus.PAID)
    return claims


def paid_in(person: Person, organisation: Organisation, year: TaxYear) -> QuerySet[Claim]:
    """The person's claims the organisation paid on a day in the tax year."""
    return _with_relations(
        Claim.objects.filter(
            person=person,
            organisation=organisation,
            status=ClaimStatus.PAID,
            paid_on__range=(year.starts, year.ends),
        )
    )

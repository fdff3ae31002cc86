"""Reads of payment choices and claims, scoped to who is asking.

Coordinators and admins see their organisation's claims; an expert by experience sees
only their own. Another organisation's claim, or another person's, is a 404.

``is_voluntary_by_choice`` is the one definition of voluntary work that the P.O.W.E.R.
scorecard and reports use: see its docstring.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.core.figures import last_twelve_months
from powerwith.core.permissions import Capability, can, require, roles_with
from powerwith.core.roles import Role
from powerwith.engagements.models import Attendance, BookingStatus, Session
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import (
    LIVE_STATUSES,
    UNPAID_STATUSES,
    BatchClaim,
    Claim,
    ClaimEvent,
    ClaimKind,
    ClaimStatus,
    EmploymentStatusDecision,
    MileageRate,
    PaymentBatch,
    PayRouteChoice,
    RewardChoice,
    RewardChoiceKind,
)
from powerwith.payments.tax_years import TaxYear
from powerwith.payments.timeliness import payment_timeliness
from powerwith.people.models import Person

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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Timeliness:
    """How quickly the organisation paid claims in the last 12 months (this month and the
    eleven before it)."""

    target_days: int
    paid: int
    on_time: int
    median_days: float | None
    overdue: int

    @property
    def sentence(self) -> str:
        if not self.paid:
            figure = "No claims have been paid in the last 12 months yet."
        else:
            assert self.median_days is not None
            figure = (
                f"{self.on_time} of {_plural(self.paid, 'claim')} paid within "
                f"{self.target_days} days in the last 12 months; median "
                f"{self.median_days:g} day{'' if self.median_days == 1 else 's'}."
            )
        if self.overdue:
            waiting = "is" if self.overdue == 1 else "are"
            figure += f" {_plural(self.overdue, 'claim')} {waiting} overdue now."
        return figure


def timeliness(organisation: Organisation, now: datetime | None = None) -> Timeliness:
    """Payment timeliness (``payments.timeliness``) over the last 12 months, the
    dashboard's over its default period, and how many claims are overdue now."""
    now = now or timezone.now()
    paid = payment_timeliness(organisation, last_twelve_months(now))
    return Timeliness(
        target_days=paid.target_days,
        paid=paid.paid,
        on_time=paid.within_target,
        median_days=paid.median_days,
        overdue=overdue_claims(organisation, now).count(),
    )


# The person's side: what they can claim for.


def accepted_offers_of(user: User) -> QuerySet[Offer]:
    """The offers the user accepted a version of: their agreements, which stand after
    the work ends so that work done is claimed as agreed."""
    return Offer.objects.filter(
        person__user_id=user.pk, accepted_version__isnull=False
    ).select_related("organisation", "opportunity", "person", "accepted_version")


def get_accepted_offer(user: User, offer_id: int) -> Offer:
    found = accepted_offers_of(user).filter(pk=offer_id).first()
    if found is None:
        raise Http404("No such accepted offer.")
    return found


def sessions_to_claim_on_their_word(offer: Offer, now: datetime) -> QuerySet[Attendance]:
    """The person's bookings in the offer's work that have started and have no time claim
    yet, for staff recording a claim the person made another way. The offer comes from
    ``offers.queries.get_offer_for``, so it is already the member's organisation's."""
    claimed = Claim.objects.filter(
        person_id=offer.person_id, kind=ClaimKind.TIME, status__in=LIVE_STATUSES
    ).values("session_id")
    return (
        Attendance.objects.filter(
            person_id=offer.person_id,
            status=BookingStatus.BOOKED,
            session__cancelled_at=None,
            session__opportunity_id=offer.opportunity_id,
            session__starts_at__lte=now,
        )
        .exclude(session_id__in=claimed)
        .select_related("session")
        .order_by("session__starts_at")
    )


def bookings_of(user: User) -> QuerySet[Attendance]:
    """The user's bookings in sessions of work they have an accepted offer for."""
    return (
        Attendance.objects.filter(
            person__user_id=user.pk,
            status=BookingStatus.BOOKED,
            session__cancelled_at=None,
            session__opportunity__offers__person__user_id=user.pk,
            session__opportunity__offers__accepted_version__isnull=False,
        )
        .select_related("session__opportunity__organisation", "person")
        .distinct()
        .order_by("session__starts_at")
    )


def claimable_bookings(user: User, now: datetime) -> QuerySet[Attendance]:
    """Sessions that have started, with no time claim yet (one not withdrawn or rejected)."""
    claimed = Claim.objects.filter(
        person__user_id=user.pk, kind=ClaimKind.TIME, status__in=LIVE_STATUSES
    ).values("session_id")
    return bookings_of(user).filter(session__starts_at__lte=now).exclude(session_id__in=claimed)


def attended_unclaimed(
    user: User, now: datetime, organisation_id: int | None = None
) -> QuerySet[Attendance]:
    """Sessions the person's attendance is recorded at, with no time claim yet: the time
    they can claim from attendance (with one organisation, when given)."""
    attended = claimable_bookings(user, now).filter(attended=True)
    if organisation_id is not None:
        attended = attended.filter(session__opportunity__organisation_id=organisation_id)
    return attended


def require_own_sessions(membership: Membership, session_ids: list[int]) -> None:
    """404 unless the member was booked, as a person, into every one of the sessions, with
    the organisation they act for: anyone else's, or another organisation's, is not found."""
    found = Attendance.objects.filter(
        person__user_id=membership.user_id,
        session__opportunity__organisation_id=membership.organisation_id,
        session_id__in=session_ids,
    ).values_list("session_id", flat=True)
    if set(found) != set(session_ids):
        raise Http404("No such session.")


def travel_bookings(user: User, now: datetime) -> QuerySet[Attendance]:
    """Sessions still to come, with no travel-in-advance request yet."""
    asked = Claim.objects.filter(
        person__user_id=user.pk, kind=ClaimKind.TRAVEL_ADVANCE, status__in=LIVE_STATUSES
    ).values("session_id")
    return bookings_of(user).filter(session__starts_at__gt=now).exclude(session_id__in=asked)


def offer_for_session(user: User, opportunity_id: int) -> Offer | None:
    return accepted_offers_of(user).filter(opportunity_id=opportunity_id).first()


def live_claim_for_session(person: Person, session_id: int, kind: str) -> Claim | None:
    return Claim.objects.filter(
        person=person, session_id=session_id, kind=kind, status__in=LIVE_STATUSES
    ).first()


def booking_of(person: Person, session_id: int) -> Attendance | None:
    return Attendance.objects.filter(
        person=person, session_id=session_id, status=BookingStatus.BOOKED
    ).first()


# Payment choices.


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


def coordinators_of(organisation: Organisation) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(organisation=organisation, role=Role.COORDINATOR)
        .select_related("user")
        .order_by("user__email")
    ]


def managers_of(organisation: Organisation) -> list[User]:
    """The coordinators and admins: who hears of overdue claims."""
    return [
        m.user
        for m in Membership.objects.filter(
            organisation=organisation, role__in=roles_with(Capability.MANAGE_CLAIMS)
        )
        .select_related("user")
        .order_by("user__email")
    ]


def organisations_with_unpaid_claims() -> QuerySet[Organisation]:
    return Organisation.objects.filter(claims__status__in=UNPAID_STATUSES).distinct()


def session_of_offer(offer: Offer, session_id: int) -> Session | None:
    return Session.objects.filter(opportunity_id=offer.opportunity_id, pk=session_id).first()


# The "action needed" keys of a claim's tasks, named once.
OVERDUE_KEY = "claim_overdue:{}"
TRAVEL_KEY = "travel_advance:{}"


def flagged_overdue(organisation: Organisation) -> list[int]:
    """The claims already put on someone's list as overdue, open or ticked off."""
    keys = ActionNeeded.objects.filter(
        organisation=organisation,
        kind=ActionKind.CLAIM_OVERDUE,
        key__startswith=OVERDUE_KEY.format(""),
    ).values_list("key", flat=True)
    return [int(key.split(":", 1)[1]) for key in keys]


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


def mileage_rates_of(membership: Membership) -> QuerySet[MileageRate]:
    """The organisation's own lines of the mileage rate card, for those who read rates."""
    require(membership, Capability.READ_RATES, "Only coordinators and admins can see rates.")
    return MileageRate.objects.filter(organisation=membership.organisation).select_related(
        "created_by"
    )


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


def claims_to_batch(membership: Membership) -> QuerySet[Claim]:
    """The organisation's approved claims not yet in a payment batch."""
    require_manager(membership)
    in_batches = BatchClaim.objects.filter(batch__organisation=membership.organisation)
    return Claim.objects.filter(
        organisation=membership.organisation, status=ClaimStatus.APPROVED
    ).exclude(pk__in=in_batches.values("claim_id"))


def batches_of(membership: Membership) -> QuerySet[PaymentBatch]:
    require_manager(membership)
    return PaymentBatch.objects.filter(organisation=membership.organisation).select_related(
        "prepared_by", "paid_by"
    )


def get_batch_for(membership: Membership, batch_id: int) -> PaymentBatch:
    found = batches_of(membership).filter(pk=batch_id).first()
    if found is None:
        raise Http404("No such payment batch.")
    return found


def lines_of(batch: PaymentBatch) -> QuerySet[BatchClaim]:
    return BatchClaim.objects.filter(batch=batch).select_related(
        "claim__person", "claim__offer__opportunity", "claim__organisation"
    )

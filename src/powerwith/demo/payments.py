"""The demo's claims at Riverside, at least one in each state, made through the real
payment services by the experts themselves and the coordinator.

expert1 claimed for their time at the session they took part in (paid 6 days later) and
for a train fare (paid 9 days later); expert3 has expenses waiting for approval (lunch,
which the offer covers, and printing, which it does not list, for the approver to
decide) and, where the offer pays travel in advance, a request for their next session;
expert5 has expenses approved but not paid for 20 days (overdue), one not approved, one
withdrawn. Each expense says what it was for, as every claim must.

A claim is found by person, work, kind and description: a later run makes only the
missing ones. Claims "made some days ago" are written now and their dates moved back,
as seed data, so the payment timeliness figure has something to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.demo.logins import coordinator_email
from powerwith.engagements.models import Attendance, BookingStatus
from powerwith.offers.models import Offer, OfferStatus
from powerwith.payments import services
from powerwith.payments.models import Claim, ClaimEvent, ClaimKind, ClaimStatus, ExpenseCategory

ORGANISATION = "riverside"


@dataclass(frozen=True)
class PlannedClaim:
    expert: int
    kind: str
    description: str
    amount: str = ""
    # What happens after it is made; and how many days ago it was made.
    then: str = ClaimStatus.SUBMITTED
    days_ago: int = 0
    note: str = ""
    category: str = ExpenseCategory.TRAVEL


PLANNED: tuple[PlannedClaim, ...] = (
    PlannedClaim(1, ClaimKind.TIME, "", then=ClaimStatus.PAID, days_ago=6),
    PlannedClaim(
        1, ClaimKind.EXPENSES, "Return train from Hull to Leeds", "23.40", ClaimStatus.PAID, 9
    ),
    PlannedClaim(
        3,
        ClaimKind.EXPENSES,
        "Lunch on the day of the session",
        "6.50",
        category=ExpenseCategory.SUBSISTENCE,
    ),
    PlannedClaim(
        3,
        ClaimKind.EXPENSES,
        "Printing my notes for the session at the library",
        "2.40",
        category=ExpenseCategory.OTHER,
    ),
    PlannedClaim(3, ClaimKind.TRAVEL_ADVANCE, "Return bus from Beeston to Leeds", "5.60"),
    PlannedClaim(
        5,
        ClaimKind.EXPENSES,
        "Taxi home after the evening visit",
        "14.00",
        ClaimStatus.APPROVED,
        20,
    ),
    PlannedClaim(
        5,
        ClaimKind.EXPENSES,
        "Parking at the ward",
        "4.00",
        ClaimStatus.REJECTED,
        note="The ward pays for parking itself: show your ticket at reception.",
    ),
    PlannedClaim(5, ClaimKind.EXPENSES, "Bus fare", "3.10", ClaimStatus.WITHDRAWN),
)


def _session_id(plan: PlannedClaim, offer: Offer) -> int | None:
    bookings = Attendance.objects.filter(
        person=offer.person,
        session__opportunity=offer.opportunity,
        status=BookingStatus.BOOKED,
        session__cancelled_at=None,
    )
    now = timezone.now()
    if plan.kind == ClaimKind.TIME:
        booking = bookings.filter(session__starts_at__lte=now).order_by("-session__starts_at")
    elif plan.kind == ClaimKind.TRAVEL_ADVANCE:
        booking = bookings.filter(session__starts_at__gt=now).order_by("session__starts_at")
    else:
        return None
    first = booking.first()
    return first.session_id if first else None


def _exists(plan: PlannedClaim, offer: Offer) -> bool:
    claims = Claim.objects.filter(person=offer.person, offer__opportunity=offer.opportunity)
    if plan.kind == ClaimKind.TIME:
        return claims.filter(kind=ClaimKind.TIME).exists()
    return claims.filter(kind=plan.kind, description=plan.description).exists()


def _make(plan: PlannedClaim, offer: Offer, by: Membership) -> Claim | None:
    assert offer.person.user is not None
    person_membership = Membership.objects.get(
        user=offer.person.user, organisation=offer.organisation
    )
    try:
        claim = services.submit_claim(
            person=offer.person,
            offer=offer,
            kind=plan.kind,
            by=person_membership,
            session_id=_session_id(plan, offer),
            amount=Decimal(plan.amount) if plan.amount else None,
            description=plan.description,
            category=plan.category,
        )
    except DomainError:
        return None  # the demo's bookings or terms do not allow it: leave it out
    if plan.then in (ClaimStatus.APPROVED, ClaimStatus.PAID):
        services.approve_claim(claim, by=by)
    if plan.then == ClaimStatus.PAID:
        services.record_payment(claim, by=by, paid_on=timezone.localdate(), note="BACS")
    if plan.then == ClaimStatus.REJECTED:
        services.reject_claim(claim, by=by, note=plan.note)
    if plan.then == ClaimStatus.WITHDRAWN:
        services.withdraw_claim(claim, by=person_membership)
    if plan.days_ago:
        made = claim.created_at - timedelta(days=plan.days_ago)
        Claim.objects.filter(pk=claim.pk).update(created_at=made)
        events = ClaimEvent.objects.filter(claim=claim)
        events.filter(status=ClaimStatus.SUBMITTED).update(created_at=made)
        events.filter(status=ClaimStatus.APPROVED).update(created_at=made + timedelta(days=2))
    return claim


def add_payments() -> int:
    """Make the demo's claims that do not exist yet; how many were made."""
    by = (
        Membership.objects.select_related("user", "organisation")
        .filter(user__email=coordinator_email(ORGANISATION), organisation__slug=ORGANISATION)
        .first()
    )
    if by is None:
        return 0
    made = 0
    for plan in PLANNED:
        offers = Offer.objects.select_related("person__user", "opportunity", "organisation")
        offer = (
            offers.filter(
                organisation=by.organisation,
                status=OfferStatus.ACCEPTED,
                person__email=f"expert{plan.expert}@people.example",
                person__user__isnull=False,
            )
            .order_by("created_at", "id")
            .first()
        )
        if offer is None or _exists(plan, offer):
            continue
        if _make(plan, offer, by) is not None:
            made += 1
    return made

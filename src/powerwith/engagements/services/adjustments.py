"""Reasonable adjustments: the person asks (or staff record it for them), the contact
person confirms each one is in place before the first session.

Asking puts a task on the contact person's list at once; the session sweep
(``reminders_sessions``) flags any still unconfirmed close to the day.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.engagements.models import Adjustment, AdjustmentStatus, Session
from powerwith.engagements.queries.sessions import unconfirmed_adjustments
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import close_actions, raise_action
from powerwith.offers.agreement import Agreement, taking_part
from powerwith.offers.models import Offer, OfferStatus
from powerwith.opportunities.models import Opportunity
from powerwith.people.choices import Adjustment as Category
from powerwith.people.models import Person

DETAILS_LENGTH = 2000
# Offers a person can ask for adjustments under: before accepting too, so the answer
# can help them decide.
OPEN_OFFERS = (OfferStatus.SENT, OfferStatus.ACCEPTED)


def unconfirmed_key(session: Session) -> str:
    return f"adjustments-unconfirmed:{session.pk}"


def _arranges(by: Membership, opportunity: Opportunity) -> bool:
    """Staff who arrange adjustments for all the work, or the contact person appointed to
    this work."""
    appointed = by.user_id in (opportunity.contact_user_id, opportunity.backup_contact_user_id)
    return can(by, Capability.ARRANGE_ADJUSTMENTS) or (
        can(by, Capability.CARE_FOR_PEOPLE) and appointed
    )


def _has_offer_of(person: Person, opportunity: Opportunity) -> bool:
    return Offer.objects.filter(
        Q(status__in=OPEN_OFFERS) | taking_part(), person=person, opportunity=opportunity
    ).exists()


def _may_record_for(by: User, person: Person, opportunity: Opportunity) -> bool:
    if by.pk == person.user_id:
        return _has_offer_of(person, opportunity)
    membership = Membership.objects.filter(
        user=by, organisation_id=opportunity.organisation_id
    ).first()
    return membership is not None and _arranges(membership, opportunity)


@transaction.atomic
def request_adjustment(
    *,
    person: Person,
    opportunity: Opportunity,
    by: User,
    category: str = "",
    details: str = "",
    session: Session | None = None,
) -> Adjustment:
    """Ask for one adjustment, for every session of the opportunity or (with
    ``session``) for one. The person asks for themself; staff may record it for them."""
    if not _may_record_for(by, person, opportunity):
        raise NotAllowed(
            "Only the person, with an offer of this work, or the organisation's staff can "
            "ask for an adjustment."
        )
    return _request(person, opportunity, by, category, details, session)


@transaction.atomic
def request_adjustment_for_person(
    *,
    person: Person,
    opportunity: Opportunity,
    user: User,
    category: str = "",
    details: str = "",
    session: Session | None = None,
) -> Adjustment:
    """The adjustment the person's supporter asks for them through their own login, which
    has no membership of the organisation: called only by
    powerwith.workflows.on_behalf.supporters, once it has checked that the person lets
    this supporter answer for them. The person needs an offer of the work, as when they
    ask themself."""
    if not _has_offer_of(person, opportunity):
        raise NotAllowed(f"{person.preferred_name} has no offer of this work.")
    return _request(person, opportunity, user, category, details, session)


def _request(
    person: Person,
    opportunity: Opportunity,
    by: User,
    category: str,
    details: str,
    session: Session | None,
) -> Adjustment:
    if category and category not in Category.values:
        raise InvalidInput("Choose a kind of adjustment from the list.", field="category")
    details = details.strip()
    if not details:
        raise InvalidInput("Say what would help.", field="details")
    if len(details) > DETAILS_LENGTH:
        raise InvalidInput(
            f"What would help must be {DETAILS_LENGTH} characters or fewer.", field="details"
        )
    if session is not None and session.opportunity_id != opportunity.pk:
        raise InvalidInput("That session is not part of this work.", field="session")
    adjustment = Adjustment.objects.create(
        person=person,
        opportunity=opportunity,
        session=session,
        category=category,
        details=details,
        requested_by=by,
    )
    organisation = opportunity.organisation
    audit.record(
        actor=by,
        action="adjustment.requested",
        organisation=organisation,
        target=adjustment,
        person_id=person.pk,
        category=category,
        session_id=session.pk if session else None,
    )
    raise_action(
        organisation=organisation,
        assignees=[opportunity.contact_user, opportunity.backup_contact_user],
        kind=ActionKind.ADJUSTMENT,
        key=f"adjustment:{adjustment.pk}",
        title=f"Confirm a reasonable adjustment for {person.preferred_name}: {opportunity.title}",
        link=f"/opportunities/{opportunity.pk}/sessions/",
        person=person,
    )
    return adjustment


@transaction.atomic
def confirm_adjustment(adjustment: Adjustment, *, by: Membership) -> Adjustment:
    """The contact person (or a coordinator or admin) says the adjustment is in place."""
    opportunity = adjustment.opportunity
    if opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That adjustment belongs to another organisation.")
    if not _arranges(by, opportunity):
        raise NotAllowed(
            "Only the contact person for this work, a coordinator or an admin can confirm "
            "an adjustment."
        )
    if adjustment.status == AdjustmentStatus.CONFIRMED:
        return adjustment
    adjustment.status = AdjustmentStatus.CONFIRMED
    adjustment.confirmed_by = by.user
    adjustment.confirmed_at = timezone.now()
    adjustment.save(update_fields=["status", "confirmed_by", "confirmed_at"])
    audit.record(
        actor=by.user,
        action="adjustment.confirmed",
        organisation=by.organisation,
        target=adjustment,
        person_id=adjustment.person_id,
    )
    close_actions(key=f"adjustment:{adjustment.pk}", by=by.user)
    for session in Session.objects.filter(opportunity=opportunity, cancelled_at=None):
        if not unconfirmed_adjustments(session).exists():
            close_actions(key=unconfirmed_key(session), by=by.user)
    return adjustment


@transaction.atomic
def record_agreed(agreement: Agreement, *, by: User) -> Adjustment | None:
    """The reasonable adjustments agreed in the accepted offer become the person's
    adjustments for every session of that work, with no need to ask again. The contact
    person still confirms the practical arrangements before the day. Accepting a later
    version with different adjustments replaces them; the same words change nothing."""
    offer = agreement.offer
    earlier = list(
        Adjustment.objects.select_for_update()
        .filter(person_id=offer.person_id, opportunity_id=offer.opportunity_id)
        .exclude(agreed_in=None)
        .exclude(status=AdjustmentStatus.REPLACED)
    )
    text = agreement.adjustments
    if any(a.details == text for a in earlier):
        return next(a for a in earlier if a.details == text)
    for replaced in earlier:
        replaced.status = AdjustmentStatus.REPLACED
        replaced.save(update_fields=["status"])
        close_actions(key=f"adjustment:{replaced.pk}", by=by)
    if not text:
        return None
    opportunity = offer.opportunity
    person = offer.person
    adjustment = Adjustment.objects.create(
        person=person,
        opportunity=opportunity,
        details=text[:DETAILS_LENGTH],
        requested_by=by,
        agreed_in=agreement.version,
    )
    audit.record(
        actor=by,
        action="adjustment.agreed",
        organisation=opportunity.organisation,
        target=adjustment,
        person_id=person.pk,
        offer_version=agreement.number,
    )
    raise_action(
        organisation=opportunity.organisation,
        assignees=[opportunity.contact_user, opportunity.backup_contact_user],
        kind=ActionKind.ADJUSTMENT,
        key=f"adjustment:{adjustment.pk}",
        title=(
            f"Arrange the adjustments agreed with {person.preferred_name} in their offer: "
            f"{opportunity.title}"
        ),
        link=f"/opportunities/{opportunity.pk}/sessions/",
        person=person,
    )
    return adjustment

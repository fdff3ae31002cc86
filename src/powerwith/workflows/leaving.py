"""Leaving the work: the person's power to stop, with every consequence said before and
done together.

Leaving is withdrawing consent to take part — in one piece of work, or in all of an
organisation's work — so "Leave this work" and withdrawing *take part* on "Your
consents" are one action with one confirmation page. It cancels the sessions that have
not started. It never costs the person: sessions that have started or happened are paid
as agreed (for all the time booked), travel paid in advance is never asked back, and a
request for travel money that waits for approval is withdrawn (with the coordinators
asked to check any approved one with the person first, in case tickets were bought).
What the person shared in outputs keeps the consents given for it: those are changed
on their own, from "Your consents". Coming back is giving consent to take part again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation, User
from powerwith.consent import services as consent_services
from powerwith.consent.models import Action, Output
from powerwith.consent.queries import GIVEN, LAPSED, ConsentState
from powerwith.consent.usability import standing_for_work
from powerwith.consent.wording import Scope
from powerwith.core.errors import Conflict
from powerwith.engagements.models import Attendance, BookingStatus
from powerwith.engagements.services.booking import cancel_future_bookings
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers import services as offer_services
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.offers.queries import left_event
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import Claim, ClaimStatus
from powerwith.payments.services.advances import advances_for, settle_advances
from powerwith.people.models import Person


@dataclass
class Leaving:
    """What leaving would do (or did), for the confirmation page and the receipt."""

    person: Person
    organisation: Organisation
    opportunity: Opportunity | None
    offers: list[Offer] = field(default_factory=list)
    to_cancel: list[Attendance] = field(default_factory=list)
    kept: list[Attendance] = field(default_factory=list)
    advances: list[Claim] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)

    @property
    def work_titles(self) -> list[str]:
        return [offer.opportunity.title for offer in self.offers]

    @property
    def advances_kept(self) -> list[Claim]:
        return [c for c in self.advances if c.status == ClaimStatus.PAID]

    @property
    def advances_withdrawn(self) -> list[Claim]:
        return [c for c in self.advances if c.status == ClaimStatus.SUBMITTED]

    @property
    def advances_to_check(self) -> list[Claim]:
        return [c for c in self.advances if c.status == ClaimStatus.APPROVED]

    @property
    def contacts(self) -> list[User]:
        found: dict[int, User] = {}
        for offer in self.offers:
            contact = offer.opportunity.contact_user
            if contact is not None:
                found.setdefault(contact.pk, contact)
        return list(found.values())


def what_leaving_means(
    person: Person, organisation: Organisation, opportunity: Opportunity | None
) -> Leaving:
    """Everything leaving this work (or, with no opportunity, all the organisation's
    work) would change for the person, read before anything is done."""
    offers = Offer.objects.filter(taking_part(), person=person, organisation=organisation)
    if opportunity is not None:
        offers = offers.filter(opportunity=opportunity)
    offer_list = list(
        offers.select_related("opportunity__contact_user", "opportunity__backup_contact_user")
    )
    work_ids = [offer.opportunity_id for offer in offer_list]
    bookings = list(
        Attendance.objects.filter(
            person=person,
            status=BookingStatus.BOOKED,
            session__opportunity_id__in=work_ids,
        )
        .select_related("session__opportunity")
        .order_by("session__starts_at")
    )
    now = timezone.now()
    to_cancel = [b for b in bookings if b.session.starts_at > now]
    outputs = Output.objects.filter(
        organisation=organisation, contributors=person, opportunity_id__in=work_ids
    ).order_by("title")
    return Leaving(
        person=person,
        organisation=organisation,
        opportunity=opportunity,
        offers=offer_list,
        to_cancel=to_cancel,
        kept=[b for b in bookings if b.session.starts_at <= now],
        advances=advances_for([b.session_id for b in to_cancel], person.pk),
        outputs=list(outputs),
    )


@transaction.atomic
def leave_work(
    *,
    person: Person,
    actor: Membership,
    opportunity: Opportunity | None,
    method: str = "",
) -> tuple[ConsentState | None, Leaving]:
    """The person leaves (staff record it on their word, saying how they told them).
    Answers the new state of their consent to take part (None when there was none to
    withdraw) and what leaving did."""
    leaving = what_leaving_means(person, actor.organisation, opportunity)
    state = None
    # Someone who accepted but never agreed to take part has no consent to withdraw;
    # they still leave, and their contact person is told.
    if opportunity is None or standing_for_work(
        person, actor.organisation, Scope.TAKE_PART, opportunity.pk
    ).state in (GIVEN, LAPSED):
        state = consent_services.withdraw_consent(
            person=person,
            scope=Scope.TAKE_PART,
            actor=actor,
            method=method,
            opportunity=opportunity,
        )
    cancel_future_bookings(
        person=person,
        organisation=actor.organisation,
        opportunity_id=opportunity.pk if opportunity is not None else None,
        by=actor.user,
        reason=f"{person.preferred_name} left the work.",
    )
    settle_advances(leaving.advances, organisation=actor.organisation, by=actor.user)
    for offer in leaving.offers:
        if left_event(offer) is not None:
            continue
        offer_services.record_leaving(offer, by=actor.user)
        raise_action(
            organisation=actor.organisation,
            assignees=[offer.opportunity.contact_user, offer.opportunity.backup_contact_user],
            kind=ActionKind.LEFT_WORK,
            key=f"left:offer:{offer.pk}",
            title=f"{person.preferred_name} has left the work: {offer.opportunity.title}",
            link=reverse("offers:offer", args=[offer.pk]),
            person=person,
        )
    return state, leaving


@transaction.atomic
def withdraw_consent(
    *,
    person: Person,
    scope: str,
    actor: Membership,
    method: str = "",
    opportunity: Opportunity | None = None,
    output_id: int | None = None,
) -> ConsentState:
    """Withdrawing consent to take part is leaving that work, with all that follows;
    any other withdrawal is the ledger's own."""
    if scope == Scope.TAKE_PART and output_id is None:
        state, _ = leave_work(person=person, actor=actor, opportunity=opportunity, method=method)
        if state is None:
            raise Conflict("There is no consent to withdraw: 'take_part' has not been given.")
        return state
    return consent_services.withdraw_consent(
        person=person,
        scope=scope,
        actor=actor,
        method=method,
        opportunity=opportunity,
        output_id=output_id,
    )


# The API's "action" field names one of these.
CONSENT_ACTIONS: dict[str, Callable[..., ConsentState]] = {
    **consent_services.ACTIONS,
    Action.WITHDRAW: withdraw_consent,
}

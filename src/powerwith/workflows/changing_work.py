"""Changing the work after it was offered: every person offered it is sent the new version
at once, and told what changed.

A person's agreement is the version they accepted. When the opportunity or its sessions
change, what their offer says changes with them, so a new version is sent for them to
read and accept; until they do, the version they accepted stays their agreement (they
are booked and paid as it says). When the new version cannot be sent as it stands — it
now leaves something out, or says something an offer must not — it waits as a draft and
the person who made the change is told on their action-needed list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.engagements.services import plans
from powerwith.engagements.services import sessions as session_services
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import close_actions, raise_action
from powerwith.offers import content
from powerwith.offers import services as offer_services
from powerwith.offers.models import Offer, OfferStatus, OfferVersion
from powerwith.opportunities import services as opportunity_services
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.rules import RequirementInput, SessionInput
from powerwith.payments.services.advances import check_advances_for_cancelled_session

# Offers the person has been sent and is answering, or has accepted.
OPEN = (OfferStatus.SENT, OfferStatus.ACCEPTED)


def resend_key(offer: Offer) -> str:
    return f"offer-to-send:{offer.pk}"


def reissue_offers(opportunity: Opportunity, *, by: Membership) -> list[Offer]:
    """Send a new version of every open offer of the opportunity whose words no longer
    match the version last sent; answer the offers sent again."""
    offers = (
        Offer.objects.filter(opportunity=opportunity, status__in=OPEN)
        .select_related("person", "opportunity__organisation", "created_by")
        .order_by("pk")
    )
    resent = []
    for offer in offers:
        sent = OfferVersion.objects.get(offer=offer, number=offer.version)
        if content.content_hash(content.build(offer)) == sent.content_hash:
            continue
        offer_services.change_terms(offer, by=by, terms={})
        try:
            # Style warnings were read when the offer was first sent; anything an offer
            # must never say still refuses.
            offer_services.send_offer(offer, by=by, acknowledge_warnings=True)
        except offer_services.SendRefused as refused:
            _ask_to_send(offer, by, refused.message)
        else:
            close_actions(key=resend_key(offer), by=by.user)
            resent.append(offer)
    return resent


def _ask_to_send(offer: Offer, by: Membership, reason: str) -> None:
    raise_action(
        organisation=offer.organisation,
        assignees=[by.user, offer.created_by],
        kind=ActionKind.OFFER_TO_SEND,
        key=resend_key(offer),
        title=(
            f"The work changed, and the offer to {offer.person.preferred_name} could not be "
            f"sent again: {reason}"
        )[:300],
        link=reverse("offers:offer", args=[offer.pk]),
        person=offer.person,
    )


@transaction.atomic
def create_opportunity(
    *,
    by: Membership,
    data: Mapping[str, Any],
    requirements: Iterable[RequirementInput] = (),
    sessions: Iterable[SessionInput] = (),
) -> Opportunity:
    """A new opportunity with its terms, required experience and sessions, all or nothing:
    the terms are checked first, then the sessions, and a refusal of either writes
    nothing (the transaction is undone)."""
    made = opportunity_services.create_opportunity(by=by, data=data, requirements=requirements)
    plan = plans.plan_sessions(None, sessions)
    if plan:
        plans.write_sessions(made, plan, by)
    return made


@transaction.atomic
def update_opportunity(
    opportunity: Opportunity,
    *,
    by: Membership,
    changes: Mapping[str, Any],
    requirements: Iterable[RequirementInput] | None = None,
    sessions: Iterable[SessionInput] | None = None,
) -> Opportunity:
    """Change the terms given (and, when given, replace the required experience and the
    sessions), all or nothing; everyone offered the work is sent the new version."""
    updated = opportunity_services.update_opportunity(
        opportunity, by=by, changes=changes, requirements=requirements
    )
    plan = None if sessions is None else plans.plan_sessions(updated, sessions)
    if plan:
        plans.write_sessions(updated, plan, by)
    reissue_offers(updated, by=by)
    return updated


@transaction.atomic
def set_sessions(
    opportunity: Opportunity, *, by: Membership, sessions: Iterable[SessionInput]
) -> list[Session]:
    made = plans.set_sessions(opportunity, by=by, sessions=sessions)
    reissue_offers(opportunity, by=by)
    return made


@transaction.atomic
def add_session(
    opportunity: Opportunity,
    *,
    by: Membership,
    starts_at: datetime,
    minutes: int,
    place: str = "",
    recorded: bool = False,
) -> Session:
    session = session_services.add_session(
        opportunity, by=by, starts_at=starts_at, minutes=minutes, place=place, recorded=recorded
    )
    reissue_offers(opportunity, by=by)
    return session


@transaction.atomic
def change_session(
    session: Session,
    *,
    by: Membership,
    starts_at: datetime,
    minutes: int,
    place: str,
    recorded: bool,
) -> Session:
    changed = session_services.change_session(
        session, by=by, starts_at=starts_at, minutes=minutes, place=place, recorded=recorded
    )
    reissue_offers(changed.opportunity, by=by)
    return changed


@transaction.atomic
def cancel_session(session: Session, *, by: Membership, reason: str = "") -> Session:
    cancelled = session_services.cancel_session(session, by=by, reason=reason)
    check_advances_for_cancelled_session(
        cancelled.pk,
        organisation=by.organisation,
        when=date_format(timezone.localtime(cancelled.starts_at), "j F Y"),
    )
    reissue_offers(cancelled.opportunity, by=by)
    return cancelled

"""A person's answers to an offer of work, and what they reach beyond the offer.

Accepting makes the version accepted the person's agreement, and the adjustments agreed
in it become theirs for every session of the work. A question raises a task on the
action-needed list of the people appointed to the work, closed when it is answered.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from powerwith.accounts.models import Membership, User
from powerwith.engagements.services.adjustments import record_agreed
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import close_actions, raise_action
from powerwith.offers import services
from powerwith.offers.agreement import agreement_of
from powerwith.offers.models import Offer, OfferEvent


def question_key(offer: Offer) -> str:
    return f"question:offer:{offer.pk}"


@transaction.atomic
def accept_offer(
    offer: Offer, *, user: User, version: int | None = None, on_persons_word: bool = False
) -> OfferEvent:
    event = services.accept_offer(
        offer, user=user, version=version, on_persons_word=on_persons_word
    )
    agreement = agreement_of(offer)
    assert agreement is not None
    record_agreed(agreement, by=user)
    return event


@transaction.atomic
def ask_question(offer: Offer, *, user: User, text: str) -> OfferEvent:
    """The question goes to the contact people (or, with none appointed, to whoever made
    the offer), on their action-needed list until someone answers."""
    event = services.ask_question(offer, user=user, text=text)
    opportunity = offer.opportunity
    raise_action(
        organisation=offer.organisation,
        assignees=[
            opportunity.contact_user,
            opportunity.backup_contact_user,
            offer.created_by if opportunity.contact_user_id is None else None,
        ],
        kind=ActionKind.QUESTION,
        key=question_key(offer),
        title=f"Answer {offer.person.preferred_name}'s question about their offer: "
        f"{opportunity.title}",
        link=reverse("offers:offer", args=[offer.pk]) + "#questions",
        person=offer.person,
    )
    return event


@transaction.atomic
def answer_question(offer: Offer, *, by: Membership, text: str) -> OfferEvent:
    event = services.answer_question(offer, by=by, text=text)
    close_actions(key=question_key(offer), by=by.user)
    return event

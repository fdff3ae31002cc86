"""Answering an offer and giving or withdrawing consent, on the person's word."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from powerwith.accounts.models import Membership
from powerwith.consent.models import Action
from powerwith.consent.models import Method as LedgerMethod
from powerwith.core.errors import InvalidInput
from powerwith.offers import services as offer_services
from powerwith.offers.models import Offer, OfferEvent
from powerwith.offers.renderings.easy_phrases import CONSENTS
from powerwith.people.services.acting import OnBehalf
from powerwith.workflows import offers as offer_workflows
from powerwith.workflows.leaving import CONSENT_ACTIONS
from powerwith.workflows.on_behalf.rules import record, require_may_act


def _offer_link(offer: Offer) -> str:
    return reverse("offers:offer", args=[offer.pk])


@transaction.atomic
def accept_offer(
    offer: Offer, *, by: Membership, word: OnBehalf, version: int | None = None
) -> OfferEvent:
    word = word.cleaned()
    require_may_act(by, offer.person)
    event = offer_workflows.accept_offer(offer, user=by.user, version=version, on_persons_word=True)
    record(
        by,
        offer.person,
        word,
        subject="offer_event",
        subject_id=event.pk,
        that=f"you accept the offer of work: {offer.opportunity.title}",
        link=_offer_link(offer),
    )
    return event


@transaction.atomic
def decline_offer(offer: Offer, *, by: Membership, word: OnBehalf) -> OfferEvent:
    word = word.cleaned()
    require_may_act(by, offer.person)
    event = offer_services.decline_offer(offer, user=by.user, on_persons_word=True)
    record(
        by,
        offer.person,
        word,
        subject="offer_event",
        subject_id=event.pk,
        that=f"you do not want the offer of work: {offer.opportunity.title}",
        link=_offer_link(offer),
    )
    return event


LEDGER_METHODS = {
    "in_person": LedgerMethod.VERBAL,
    "phone": LedgerMethod.VERBAL,
    "letter": LedgerMethod.WRITTEN,
    "supporter": LedgerMethod.SUPPORTER,
}
CONSENT_WORDS: dict[str, str] = {
    Action.GRANT: "you agree {scope}",
    Action.WITHDRAW: "you no longer agree {scope}",
}


@transaction.atomic
def record_consent(
    offer: Offer, *, by: Membership, word: OnBehalf, scope: str, action: str
) -> None:
    """A consent the person gave or withdrew for this work (a consent form by post, a
    phone call), in the ledger with the ledger's method, and an ``ActedFor`` beside it.
    Withdrawing consent to take part is leaving the work (powerwith.workflows.leaving)."""
    word = word.cleaned()
    require_may_act(by, offer.person)
    if action not in CONSENT_WORDS:
        raise InvalidInput("Choose whether they agree or no longer agree.", field="action")
    CONSENT_ACTIONS[action](
        person=offer.person,
        scope=scope,
        actor=by,
        method=LEDGER_METHODS[word.method],
        opportunity=offer.opportunity,
    )
    record(
        by,
        offer.person,
        word,
        subject="offer_consent",
        subject_id=offer.pk,
        that=CONSENT_WORDS[action].format(scope=CONSENTS.get(scope, scope.replace("_", " ")))
        + f" for the work: {offer.opportunity.title}. You can change your mind at any time",
        link=_offer_link(offer),
    )

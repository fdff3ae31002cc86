"""Consent before the work starts, asked from the offer the person is answering.

The offer says what the work is and how what the person shares will be used; this asks
for consent to exactly that, scope by scope, in the wording the ledger records. Nothing
is ticked for the person, and a consent already given is left as it is: withdrawing is
one step on their "Your consents" page.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from powerwith.accounts.models import User
from powerwith.accounts.queries import membership_of
from powerwith.consent.queries import ConsentState, state_of
from powerwith.consent.services import grant_consent
from powerwith.consent.wording import Scope
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.offers.agreement import agreement_of
from powerwith.offers.models import Offer, OfferStatus
from powerwith.offers.queries import left_event
from powerwith.offers.services import record_leaving

# Always asked: the work itself, and what happens to what the person shares in it.
ALWAYS = (Scope.TAKE_PART, Scope.SHARE_NARRATIVE, Scope.BE_RECORDED, Scope.BE_QUOTED)
# Asked only when the opportunity says its outputs may be used this way.
BY_USE = {"publish": Scope.PUBLISH, "distribute": Scope.DISTRIBUTE, "monetise": Scope.MONETISE}
ANSWERABLE = (OfferStatus.SENT, OfferStatus.ACCEPTED)


def scopes_asked(offer: Offer) -> list[str]:
    """The consents the offer asks for, read from the version the person accepted, or else
    the one sent for their answer: what that version said would be done with their
    outputs, not the opportunity as it is now. A change to the work reaches them as a new
    version to accept first."""
    agreement = agreement_of(offer)
    if agreement is not None:
        uses = agreement.content.get("output_use") or {}
    else:
        sent = offer.versions.order_by("-number").first()
        uses = (sent.content.get("output_use") or {}) if sent else offer.opportunity.output_use
    return [*ALWAYS, *(scope for use, scope in BY_USE.items() if uses.get(use))]


def current_states(offer: Offer) -> dict[str, ConsentState | None]:
    return {
        scope: state_of(offer.person, offer.organisation, scope, offer.opportunity_id, None)
        for scope in scopes_asked(offer)
    }


@transaction.atomic
def give_consent_for_offer(offer: Offer, *, user: User, scopes: Iterable[str]) -> list[str]:
    """The person gives the consents they ticked, each one a ledger event in their own
    words; all of them or none. Answers the scopes newly given."""
    if offer.person.user_id != user.pk:
        raise InvalidInput("Only the person offered the work can give their consent.")
    if offer.status not in ANSWERABLE:
        raise Conflict("This offer is no longer open, so there is nothing to consent to.")
    chosen = list(dict.fromkeys(scopes))
    asked = scopes_asked(offer)
    unknown = [s for s in chosen if s not in asked]
    if unknown:
        raise InvalidInput("Choose from the consents this offer asks for.", field="scopes")
    if not chosen:
        raise InvalidInput("Tick at least one thing you agree to.", field="scopes")
    actor = membership_of(user, offer.organisation_id)
    if actor is None:
        raise InvalidInput("You no longer work with this organisation.")
    states = current_states(offer)
    given = []
    for scope in chosen:
        state = states.get(scope)
        if state is not None and state.is_given:
            continue
        grant_consent(person=offer.person, scope=scope, actor=actor, opportunity=offer.opportunity)
        given.append(scope)
    if Scope.TAKE_PART in given and left_event(offer) is not None:
        record_leaving(offer, by=user, returned=True)
    return given

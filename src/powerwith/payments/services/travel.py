"""Travel paid in advance: asked for before a session, where the accepted offer says so.

The charter: payment agreed in advance, "travel paid up front if needed". The
coordinators are put on notice to pay it before the session.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers.models import Offer
from powerwith.payments import queries
from powerwith.payments.fees import agreed_expenses
from powerwith.payments.models import Claim, ClaimKind, ExpenseCategory
from powerwith.payments.services.claim_rules import (
    amount_of,
    create_claim,
    day_of,
    lock_person,
    require_booking,
    require_offer,
    require_person,
    session_of,
    text_of,
)
from powerwith.people.models import Person


@transaction.atomic
def request_travel_advance(
    *,
    person: Person,
    offer: Offer,
    session_id: int | None,
    amount: Decimal | str | None,
    description: str,
    by: Membership,
    on_persons_word: bool = False,
) -> Claim:
    """Travel paid before the session, where the accepted offer says so, so nobody has to
    spend their own money (or their benefits) to get to the work. The coordinators are
    asked to pay it in time."""
    require_person(person, by, on_persons_word)
    require_offer(person, offer)
    if not agreed_expenses(offer).travel_in_advance:
        raise Conflict(
            "The offer for this work does not include travel paid in advance. You can claim "
            "your travel as expenses after the session."
        )
    session = session_of(offer, session_id, required=True)
    assert session is not None
    require_booking(person, session)
    if session.starts_at <= timezone.now():
        raise Conflict(
            "Travel in advance is asked for before the session. You can still claim your "
            "travel as expenses."
        )
    value = amount_of(amount)
    text = text_of(description, "how you will travel, for example: return train from Hull to Leeds")
    lock_person(person)
    if queries.live_claim_for_session(person, session.pk, ClaimKind.TRAVEL_ADVANCE) is not None:
        raise Conflict(
            "You have already asked for travel in advance for this session.", field="session_id"
        )
    claim = create_claim(
        person=person,
        offer=offer,
        kind=ClaimKind.TRAVEL_ADVANCE,
        amount=value,
        actor=by.user,
        session=session,
        category=ExpenseCategory.TRAVEL,
        description=text,
    )
    when = day_of(session)
    raise_action(
        organisation=claim.organisation,
        assignees=queries.coordinators_of(claim.organisation)
        or queries.managers_of(claim.organisation),
        kind=ActionKind.TRAVEL_ADVANCE,
        key=queries.TRAVEL_KEY.format(claim.pk),
        title=f"Pay {person.preferred_name}'s travel (£{value}) before the session on {when}",
        link=reverse("payments:claim", kwargs={"claim_id": claim.pk}),
        person=person,
    )
    return claim

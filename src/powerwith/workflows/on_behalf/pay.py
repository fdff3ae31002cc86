"""A claim and feedback, on the person's word."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.evaluation.queries import engagement_of
from powerwith.evaluation.services import feedback
from powerwith.offers.models import Offer
from powerwith.payments.models import Claim, ClaimKind
from powerwith.payments.services.claims import submit_claim
from powerwith.people.services.acting import OnBehalf
from powerwith.workflows.on_behalf.rules import record, require_may_act

CLAIM_WORDS = {
    ClaimKind.TIME: "you claim your pay for the time you worked",
    ClaimKind.EXPENSES: "you claim your expenses",
    ClaimKind.TRAVEL_ADVANCE: "you would like your travel paid in advance",
}


@transaction.atomic
def make_claim(
    offer: Offer,
    *,
    by: Membership,
    word: OnBehalf,
    kind: str,
    session_id: int | None = None,
    minutes: int | None = None,
    amount: Decimal | str | None = None,
    description: str = "",
    category: str = "",
    reason: str = "",
) -> Claim:
    """The claim the person made another way (a phone call, a claim form by post), made
    against their own accepted offer exactly as they would make it themself."""
    word = word.cleaned()
    require_may_act(by, offer.person)
    claim = submit_claim(
        person=offer.person,
        offer=offer,
        kind=kind,
        by=by,
        session_id=session_id,
        minutes=minutes,
        amount=amount,
        description=description,
        category=category,
        reason=reason,
        on_persons_word=True,
    )
    record(
        by,
        offer.person,
        word,
        subject="claim",
        subject_id=claim.pk,
        that=f"{CLAIM_WORDS[ClaimKind(claim.kind)]} for the work: {offer.opportunity.title}. "
        "We will tell you when it is paid",
        link=reverse("payments:claim", args=[claim.pk]),
    )
    return claim


@transaction.atomic
def give_feedback(
    offer: Offer,
    *,
    by: Membership,
    word: OnBehalf,
    answers: Mapping[str, int | None],
    comments: str = "",
    anonymous: bool = False,
) -> None:
    """How the work went, as the person told it. Left anonymous, the answer is kept
    without their name, as their own would be; the record that staff took it down names
    no answer."""
    word = word.cleaned()
    require_may_act(by, offer.person)
    feedback.give_feedback(
        engagement=engagement_of(offer, timezone.now()),
        user=by.user,
        answers=answers,
        comments=comments,
        anonymous=anonymous,
        on_persons_word=True,
    )
    record(
        by,
        offer.person,
        word,
        subject="feedback",
        subject_id=offer.pk,
        that=f"you gave your feedback on the work: {offer.opportunity.title}. Thank you",
        link=reverse("evaluation:opportunity_feedback", args=[offer.opportunity_id]),
    )


# The consent ledger's own words for how staff heard a decision (ADR 005): its methods
# are part of its hash chain, so they are mapped, not changed.

"""The person's choice about payment for a piece of work: take the fee, ask to be paid
less, or not be paid at all (voluntary, with a reason). The contribution is recorded and
recognised the same whichever they choose."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.payments.fees import agreed_fee, choice_explanation, money
from powerwith.payments.models import RewardChoice, RewardChoiceKind
from powerwith.people.models import Person

REASON_LENGTH = 1000


def _acting_for(
    person: Person, opportunity: Opportunity, by: Membership, person_said: bool
) -> None:
    """The person themself, or a coordinator or admin of the organisation who says the
    person told them this choice is theirs."""
    if person.user_id is not None and by.user_id == person.user_id:
        return
    if not can(by, Capability.MANAGE_CLAIMS) or by.organisation_id != opportunity.organisation_id:
        raise NotAllowed("Only the person, or staff on their behalf, can record this choice.")
    if not person_said:
        raise NotAllowed(
            f"The choice about payment is {person.preferred_name}'s own. Record it for them "
            "only when they have told you it is their choice, and say so.",
            field="person_said",
        )


def _amount(value: Decimal | str | None) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return money(Decimal(str(value)))
    except (InvalidOperation, ValueError) as error:
        raise InvalidInput("Enter the amount in pounds, like 15.00.", field="amount") from error


@transaction.atomic
def record_reward_choice(
    *,
    person: Person,
    opportunity: Opportunity,
    choice: str,
    amount: Decimal | str | None = None,
    reason: str = "",
    by: Membership,
    person_said: bool = False,
) -> RewardChoice:
    """Record the person's choice about payment for work they have accepted an offer for.

    ``less`` needs an amount below the agreed fee (in the same unit: an hour, a day or a
    session); ``decline`` needs a reason. A new choice replaces the last one from now on;
    claims already made keep their amounts."""
    _acting_for(person, opportunity, by, person_said)
    if choice not in RewardChoiceKind.values:
        raise InvalidInput("Choose how you would like to be paid.", field="choice")
    offer = Offer.objects.filter(taking_part(), person=person, opportunity=opportunity).first()
    if offer is None:
        raise Conflict("A choice about payment is made once the offer of work is accepted.")
    fee = agreed_fee(offer)
    if not fee.has_rate:
        raise Conflict("This work has no fee per hour, day or session to make a choice about.")
    assert fee.rate is not None
    reason = (reason or "").strip()
    if len(reason) > REASON_LENGTH:
        raise InvalidInput(
            f"Keep the reason to {REASON_LENGTH} characters or fewer.", field="reason"
        )
    value = _amount(amount) if choice == RewardChoiceKind.LESS else None
    if choice == RewardChoiceKind.LESS:
        if value is None:
            raise InvalidInput(
                f"Enter the amount you would like to be paid {fee.unit}.", field="amount"
            )
        if value <= 0:
            raise InvalidInput(
                "Enter an amount more than £0. To not be paid at all, choose not to be paid.",
                field="amount",
            )
        if value >= fee.rate:
            raise InvalidInput(
                f"Enter an amount less than the agreed fee of {fee.words}.", field="amount"
            )
    if choice == RewardChoiceKind.DECLINE and not reason:
        raise InvalidInput(
            "Tell us in a few words why you do not want to be paid. It is kept with your "
            "choice, so that nobody else can decide your work is voluntary.",
            field="reason",
        )
    chosen = RewardChoiceKind(choice).label
    if value is not None:
        chosen += f": £{value} {fee.unit}"
    said = "" if by.user_id == person.user_id else " (recorded by staff on the person's word)"
    recorded = RewardChoice.objects.create(
        person=person,
        opportunity=opportunity,
        choice=choice,
        amount=value,
        reason=reason,
        words_seen="\n\n".join([*choice_explanation(fee), f"You chose: {chosen}.{said}"]),
        recorded_by=by.user,
    )
    audit.record(
        actor=by.user,
        action="payment.choice_recorded",
        organisation=opportunity.organisation,
        target=recorded,
        person_id=person.pk,
        opportunity_id=opportunity.pk,
        choice=choice,
        amount=str(value) if value is not None else None,
        on_behalf=by.user_id != person.user_id,
    )
    return recorded

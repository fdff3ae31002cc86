"""Making claims for time and expenses.

The person makes their own claims, against an offer they accepted (the agreement about
what they are paid): time for a session they were booked into, and expenses. Each is
written with its first ``ClaimEvent`` and an audit record; a refusal writes nothing.
Travel paid in advance is asked for in ``travel``; the steps after (``steps``) take a
claim to payment.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from powerwith.accounts.models import Membership, User
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.offers.models import Offer
from powerwith.payments import queries
from powerwith.payments.fees import agreed_fee, pay_rate, time_amount
from powerwith.payments.models import Claim, ClaimKind, RewardChoiceKind
from powerwith.payments.receipts import checked_receipt
from powerwith.payments.services.claim_rules import (
    TEXT_LENGTH,
    amount_of,
    create_claim,
    day_of,
    expense_category,
    lock_person,
    require_booking,
    require_offer,
    require_person,
    session_of,
    text_of,
)
from powerwith.payments.services.mileage import submit_mileage_claim
from powerwith.payments.services.travel import request_travel_advance
from powerwith.people.models import Person

LONGEST_SESSION = 24 * 60
ALREADY_CLAIMED = "You have already claimed for your time at this session."
DECLINED_PAYMENT = (
    "You chose not to be paid for this work, so there is no time to claim. Thank you for "
    "giving your time: it is recorded and recognised just the same. You can still claim "
    "your expenses, and you can change your choice about payment at any time."
)


@transaction.atomic
def submit_time_claim(
    *,
    person: Person,
    offer: Offer,
    session_id: int | None,
    by: Membership,
    minutes: int | None = None,
    reason: str = "",
    on_persons_word: bool = False,
) -> Claim:
    """Time for a session the person was booked into, once it has started, at the agreed
    rate (or the lower one they chose) for every minute booked. Stopping or taking time
    out never reduces it: ``minutes`` below the booked time count as the booked time, and
    may be more if the session ran over, with the ``reason`` for the approver (staff
    approve every claim)."""
    require_person(person, by, on_persons_word)
    return _time_claim(
        person=person,
        offer=offer,
        session_id=session_id,
        user=by.user,
        minutes=minutes,
        reason=reason,
    )


@transaction.atomic
def submit_time_claim_for_person(
    *,
    person: Person,
    offer: Offer,
    session_id: int | None,
    user: User,
    minutes: int | None = None,
    reason: str = "",
) -> Claim:
    """The person's claim for their time, made by their supporter through their own
    login, which has no membership of the organisation: called only by
    powerwith.workflows.on_behalf.supporters, once it has checked that the person lets
    this supporter answer for them. The same steps and rules as the person's own."""
    return _time_claim(
        person=person,
        offer=offer,
        session_id=session_id,
        user=user,
        minutes=minutes,
        reason=reason,
    )


def _time_claim(
    *,
    person: Person,
    offer: Offer,
    session_id: int | None,
    user: User,
    minutes: int | None,
    reason: str,
) -> Claim:
    require_offer(person, offer)
    choice = queries.latest_choice(person, offer.opportunity_id)
    if choice is not None and choice.choice == RewardChoiceKind.DECLINE:
        raise Conflict(DECLINED_PAYMENT)
    fee = agreed_fee(offer)
    if not fee.has_rate:
        raise Conflict(
            "This work is not paid by the hour, day or session, so there is no time to claim "
            "here. You can still claim your expenses."
        )
    session = session_of(offer, session_id, required=True)
    assert session is not None
    require_booking(person, session)
    if session.starts_at > timezone.now():
        raise Conflict("You can claim for your time once the session has started.")
    if minutes is not None and minutes > LONGEST_SESSION:
        raise InvalidInput("A session cannot be longer than 24 hours.", field="minutes")
    # Fewer minutes than booked (the person stopped or took time out) are paid as booked;
    # to be paid less is the person's own choice about payment, never a deduction.
    worked = max(minutes or 0, session.minutes)
    why = (reason or "").strip()
    if len(why) > TEXT_LENGTH:
        raise InvalidInput(f"Keep the reason to {TEXT_LENGTH} characters or fewer.", field="reason")
    if worked > session.minutes and not why:
        raise InvalidInput(
            "Say why you worked longer than the time booked, so the person who approves "
            "your claim can see it.",
            field="reason",
        )
    lock_person(person)
    if queries.live_claim_for_session(person, session.pk, ClaimKind.TIME) is not None:
        raise Conflict(ALREADY_CLAIMED, field="session_id")
    rate = pay_rate(fee, choice)
    assert rate is not None
    try:
        # A savepoint: a claim that arrived at the same moment wins, and this one is
        # refused in words instead of breaking the caller's transaction.
        with transaction.atomic():
            return create_claim(
                person=person,
                offer=offer,
                kind=ClaimKind.TIME,
                amount=time_amount(fee.basis, rate, worked),
                actor=user,
                session=session,
                minutes=worked,
                description=f"Time at the session on {day_of(session)}",
                note=why,
            )
    except IntegrityError as error:
        if queries.live_claim_for_session(person, session.pk, ClaimKind.TIME) is None:
            raise
        raise Conflict(ALREADY_CLAIMED, field="session_id") from error


@transaction.atomic
def submit_expense_claim(
    *,
    person: Person,
    offer: Offer,
    category: str,
    amount: Decimal | str | None,
    description: str,
    by: Membership,
    session_id: int | None = None,
    receipt: UploadedFile[bytes] | None = None,
    on_persons_word: bool = False,
) -> Claim:
    """Money the person spent to do the work, on something the accepted offer covers (or
    that the approver decides on). Allowed whatever their choice about payment."""
    require_person(person, by, on_persons_word)
    require_offer(person, offer)
    kind_of_expense = expense_category(offer, category)
    value = amount_of(amount)
    text = text_of(description, "what the money was spent on")
    session = session_of(offer, session_id, required=False)
    if session is not None:
        require_booking(person, session)
    upload = checked_receipt(receipt) if receipt is not None else None
    return create_claim(
        person=person,
        offer=offer,
        kind=ClaimKind.EXPENSES,
        amount=value,
        actor=by.user,
        session=session,
        category=kind_of_expense,
        description=text,
        receipt=upload if upload is not None else "",
    )


def submit_claim(
    *,
    person: Person,
    offer: Offer,
    kind: str,
    by: Membership,
    session_id: int | None = None,
    minutes: int | None = None,
    amount: Decimal | str | None = None,
    description: str = "",
    category: str = "",
    reason: str = "",
    receipt: UploadedFile[bytes] | None = None,
    on_persons_word: bool = False,
    miles: Decimal | str | None = None,
    passengers: int | None = None,
    vehicle: str = "",
    journey_from: str = "",
    journey_to: str = "",
    travelled_on: date | None = None,
) -> Claim:
    """Any kind of claim, for the API: the same services as the pages."""
    if kind == ClaimKind.TIME:
        return submit_time_claim(
            person=person,
            offer=offer,
            session_id=session_id,
            by=by,
            minutes=minutes,
            reason=reason,
            on_persons_word=on_persons_word,
        )
    if kind == ClaimKind.EXPENSES:
        return submit_expense_claim(
            person=person,
            offer=offer,
            category=category,
            amount=amount,
            description=description,
            by=by,
            session_id=session_id,
            receipt=receipt,
            on_persons_word=on_persons_word,
        )
    if kind == ClaimKind.TRAVEL_ADVANCE:
        return request_travel_advance(
            person=person,
            offer=offer,
            session_id=session_id,
            amount=amount,
            description=description,
            by=by,
            on_persons_word=on_persons_word,
        )
    if kind == ClaimKind.MILEAGE:
        return submit_mileage_claim(
            person=person,
            offer=offer,
            miles=miles,
            passengers=passengers,
            vehicle=vehicle,
            journey_from=journey_from,
            journey_to=journey_to,
            by=by,
            session_id=session_id,
            travelled_on=travelled_on,
        )
    raise InvalidInput(
        "Unknown kind of claim. Use one of: time, expenses, mileage, travel_advance.",
        field="kind",
    )

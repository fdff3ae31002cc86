"""Making claims for time and expenses.

The person makes their own claims, against an offer they accepted (the fee agreement):
time for a session they were booked into, expenses, and travel paid in advance before a
session where the offer says so. Each is written with its first ``ClaimEvent`` and an
audit record; a refusal writes nothing. The steps after (``steps``) take it to payment.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.engagements.models import ActionKind, Session
from powerwith.engagements.services.actions import raise_action
from powerwith.errors import Conflict, InvalidInput, NotAllowed
from powerwith.offers.models import Offer, OfferStatus
from powerwith.payments import queries
from powerwith.payments.fees import agreed_expenses, agreed_fee, money, pay_rate, time_amount
from powerwith.payments.models import (
    Claim,
    ClaimEvent,
    ClaimKind,
    ClaimStatus,
    RewardChoiceKind,
)
from powerwith.payments.receipts import checked_receipt
from powerwith.people.models import Person

MAX_AMOUNT = Decimal("99999.99")
TEXT_LENGTH = 500
LONGEST_SESSION = 24 * 60
DECLINED_PAYMENT = (
    "You chose not to be paid for this work, so there is no time to claim. Thank you for "
    "giving your time: it is recorded and recognised just the same. You can still claim "
    "your expenses, and you can change your choice about payment at any time."
)


# Checks shared by every kind of claim.


def require_person(person: Person, by: Membership) -> None:
    if person.user_id is None or by.user_id != person.user_id:
        raise NotAllowed("Each person makes their own claims: you cannot claim for someone else.")


def _require_offer(person: Person, offer: Offer) -> None:
    if offer.person_id != person.pk:
        raise NotAllowed("That offer of work was made to someone else: claim against your own.")
    if offer.status != OfferStatus.ACCEPTED:
        raise Conflict(
            "You can claim only against an offer of work you have accepted: it is the "
            "agreement about what you are paid.",
            field="offer_id",
        )


def _session(offer: Offer, session_id: int | None, *, required: bool) -> Session | None:
    if session_id is None:
        if required:
            raise InvalidInput("Choose the session.", field="session_id")
        return None
    session = queries.session_of_offer(offer, session_id)
    if session is None:
        raise InvalidInput("That session is not part of this work.", field="session_id")
    return session


def _day(session: Session) -> str:
    return date_format(timezone.localtime(session.starts_at), "j F Y")


def _require_booking(person: Person, session: Session) -> None:
    if queries.booking_of(person, session.pk) is None:
        raise Conflict("You were not booked into that session.", field="session_id")


def _amount(value: Decimal | str | int | float | None) -> Decimal:
    if value is None or value == "":
        raise InvalidInput("Enter the amount in pounds, like 12.50.", field="amount")
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise InvalidInput("Enter the amount in pounds, like 12.50.", field="amount") from error
    if not amount.is_finite():
        raise InvalidInput("Enter the amount in pounds, like 12.50.", field="amount")
    if amount < 0:
        raise InvalidInput("An amount cannot be negative. Enter what you spent.", field="amount")
    if amount == 0:
        raise InvalidInput("Enter an amount more than £0.", field="amount")
    if amount > MAX_AMOUNT:
        raise InvalidInput("Enter an amount of £99,999.99 or less.", field="amount")
    return money(amount)


def _text(value: str, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"Say {what}.", field="description")
    if len(text) > TEXT_LENGTH:
        raise InvalidInput(
            f"Keep the description to {TEXT_LENGTH} characters or fewer.", field="description"
        )
    return text


def _lock_person(person: Person) -> None:
    # Two claims sent at once by a double click queue up, and the second sees the first.
    Person.objects.select_for_update().filter(pk=person.pk).first()


def _create(
    *, person: Person, offer: Offer, kind: str, amount: Decimal, by: Membership, **fields: object
) -> Claim:
    claim = Claim.objects.create(
        organisation=offer.organisation,
        person=person,
        offer=offer,
        kind=kind,
        amount=amount,
        created_by=by.user,
        **fields,
    )
    ClaimEvent.objects.create(claim=claim, status=ClaimStatus.SUBMITTED, actor=by.user)
    audit.record(
        actor=by.user,
        action="claim.submitted",
        organisation=offer.organisation,
        target=claim,
        kind=kind,
        amount=str(amount),
        session_id=claim.session_id,
    )
    return claim


@transaction.atomic
def submit_time_claim(
    *,
    person: Person,
    offer: Offer,
    session_id: int | None,
    by: Membership,
    minutes: int | None = None,
) -> Claim:
    """Time for a session the person was booked into, once it has started, at the agreed
    rate (or the lower one they chose) for every minute booked. Stopping or taking time
    out never reduces it: ``minutes`` below the booked time count as the booked time, and
    may be more if the session ran over (staff approve every claim)."""
    require_person(person, by)
    _require_offer(person, offer)
    choice = queries.latest_choice(person, offer.opportunity_id)
    if choice is not None and choice.choice == RewardChoiceKind.DECLINE:
        raise Conflict(DECLINED_PAYMENT)
    fee = agreed_fee(offer)
    if not fee.has_rate:
        raise Conflict(
            "This work is not paid by the hour, day or session, so there is no time to claim "
            "here. You can still claim your expenses."
        )
    session = _session(offer, session_id, required=True)
    assert session is not None
    _require_booking(person, session)
    if session.starts_at > timezone.now():
        raise Conflict("You can claim for your time once the session has started.")
    if minutes is not None and minutes > LONGEST_SESSION:
        raise InvalidInput("A session cannot be longer than 24 hours.", field="minutes")
    # Fewer minutes than booked (the person stopped or took time out) are paid as booked;
    # to be paid less is the person's own choice about payment, never a deduction.
    worked = max(minutes or 0, session.minutes)
    _lock_person(person)
    if queries.live_claim_for_session(person, session.pk, ClaimKind.TIME) is not None:
        raise Conflict(
            "You have already claimed for your time at this session.", field="session_id"
        )
    rate = pay_rate(fee, choice)
    assert rate is not None
    return _create(
        person=person,
        offer=offer,
        kind=ClaimKind.TIME,
        amount=time_amount(fee.basis, rate, worked),
        by=by,
        session=session,
        minutes=worked,
        description=f"Time at the session on {_day(session)}",
    )


@transaction.atomic
def submit_expense_claim(
    *,
    person: Person,
    offer: Offer,
    amount: Decimal | str | None,
    description: str,
    by: Membership,
    session_id: int | None = None,
    receipt: UploadedFile[bytes] | None = None,
) -> Claim:
    """Money the person spent to do the work. Allowed whatever their choice about payment."""
    require_person(person, by)
    _require_offer(person, offer)
    value = _amount(amount)
    text = _text(description, "what the money was spent on")
    session = _session(offer, session_id, required=False)
    if session is not None:
        _require_booking(person, session)
    upload = checked_receipt(receipt) if receipt is not None else None
    fields: dict[str, object] = {"session": session, "description": text}
    if upload is not None:
        fields["receipt"] = upload
    return _create(
        person=person, offer=offer, kind=ClaimKind.EXPENSES, amount=value, by=by, **fields
    )


@transaction.atomic
def request_travel_advance(
    *,
    person: Person,
    offer: Offer,
    session_id: int | None,
    amount: Decimal | str | None,
    description: str,
    by: Membership,
) -> Claim:
    """Travel paid before the session, where the accepted offer says so, so nobody has to
    spend their own money (or their benefits) to get to the work. The coordinators are
    asked to pay it in time."""
    require_person(person, by)
    _require_offer(person, offer)
    if not agreed_expenses(offer).travel_in_advance:
        raise Conflict(
            "The offer for this work does not include travel paid in advance. You can claim "
            "your travel as expenses after the session."
        )
    session = _session(offer, session_id, required=True)
    assert session is not None
    _require_booking(person, session)
    if session.starts_at <= timezone.now():
        raise Conflict(
            "Travel in advance is asked for before the session. You can still claim your "
            "travel as expenses."
        )
    value = _amount(amount)
    text = _text(description, "how you will travel, for example: return train from Hull to Leeds")
    _lock_person(person)
    if queries.live_claim_for_session(person, session.pk, ClaimKind.TRAVEL_ADVANCE) is not None:
        raise Conflict(
            "You have already asked for travel in advance for this session.", field="session_id"
        )
    claim = _create(
        person=person,
        offer=offer,
        kind=ClaimKind.TRAVEL_ADVANCE,
        amount=value,
        by=by,
        session=session,
        description=text,
    )
    when = _day(session)
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
    receipt: UploadedFile[bytes] | None = None,
) -> Claim:
    """Any kind of claim, for the API: the same services as the pages."""
    if kind == ClaimKind.TIME:
        return submit_time_claim(
            person=person, offer=offer, session_id=session_id, by=by, minutes=minutes
        )
    if kind == ClaimKind.EXPENSES:
        return submit_expense_claim(
            person=person,
            offer=offer,
            amount=amount,
            description=description,
            by=by,
            session_id=session_id,
            receipt=receipt,
        )
    if kind == ClaimKind.TRAVEL_ADVANCE:
        return request_travel_advance(
            person=person,
            offer=offer,
            session_id=session_id,
            amount=amount,
            description=description,
            by=by,
        )
    raise InvalidInput(
        "Unknown kind of claim. Use one of: time, expenses, travel_advance.", field="kind"
    )

"""The checks every new claim is held to, and writing one with its first step.

Shared by each kind of claim (``claims``, ``travel``, ``attendance``): who may claim,
against which offer and session, amounts and descriptions in the person's words. A
refusal raises before anything is written.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.engagements.models import Session
from powerwith.offers.models import Offer
from powerwith.payments import queries
from powerwith.payments.fees import agreed_expenses, money
from powerwith.payments.models import Claim, ClaimEvent, ClaimStatus, ExpenseCategory
from powerwith.payments.routes import route_for_work
from powerwith.people.models import Person

MAX_AMOUNT = Decimal("99999.99")
TEXT_LENGTH = 500


def require_person(person: Person, by: Membership, on_persons_word: bool = False) -> None:
    """Each person makes their own claims, or staff record the claim the person made
    another way: ``on_persons_word`` is passed by powerwith.workflows.on_behalf alone,
    once it has checked the member may act for the person and recorded how they told them."""
    if on_persons_word:
        return
    if person.user_id is None or by.user_id != person.user_id:
        raise NotAllowed("Each person makes their own claims: you cannot claim for someone else.")


def require_offer(person: Person, offer: Offer) -> None:
    if offer.person_id != person.pk:
        raise NotAllowed("That offer of work was made to someone else: claim against your own.")
    # The agreement: work done under it is paid as agreed even after the work ends.
    if offer.accepted_version_id is None:
        raise Conflict(
            "You can claim only against an offer of work you have accepted: it is the "
            "agreement about what you are paid.",
            field="offer_id",
        )


def session_of(offer: Offer, session_id: int | None, *, required: bool) -> Session | None:
    if session_id is None:
        if required:
            raise InvalidInput("Choose the session.", field="session_id")
        return None
    session = queries.session_of_offer(offer, session_id)
    if session is None:
        raise InvalidInput("That session is not part of this work.", field="session_id")
    return session


def expense_category(offer: Offer, category: str) -> str:
    """What the money was spent on, held to the agreement: a kind of expense the accepted
    offer says it does not cover is refused, with the reason. "Something else", and a
    kind the offer does not mention, are the approver's to decide (``fees.outside_agreement``)."""
    if category not in ExpenseCategory.values:
        raise InvalidInput(
            "Choose what the money was spent on, or choose something else.", field="category"
        )
    if agreed_expenses(offer).covers(category) is False:
        words = ExpenseCategory(category).label.lower()
        raise Conflict(
            f"Your offer does not cover {words}. Ask your contact person if you need it.",
            field="category",
        )
    return category


def day_of(session: Session) -> str:
    return date_format(timezone.localtime(session.starts_at), "j F Y")


def require_booking(person: Person, session: Session) -> None:
    if queries.booking_of(person, session.pk) is None:
        raise Conflict("You were not booked into that session.", field="session_id")


def amount_of(value: Decimal | str | int | float | None) -> Decimal:
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


def text_of(value: str, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"Say {what}.", field="description")
    if len(text) > TEXT_LENGTH:
        raise InvalidInput(
            f"Keep the description to {TEXT_LENGTH} characters or fewer.", field="description"
        )
    return text


def lock_person(person: Person) -> None:
    # Two claims sent at once by a double click queue up, and the second sees the first.
    Person.objects.select_for_update().filter(pk=person.pk).first()


def create_claim(
    *,
    person: Person,
    offer: Offer,
    kind: str,
    amount: Decimal,
    actor: User,
    note: str = "",
    **fields: object,
) -> Claim:
    """The claim with its first step (with the person's ``note`` for the approver) and its
    audit record, both naming ``actor``: the person, staff recording it on their word, or
    their supporter through their own login. It carries the route it is paid by
    (``routes.route_for_work``)."""
    claim = Claim.objects.create(
        organisation=offer.organisation,
        person=person,
        offer=offer,
        kind=kind,
        amount=amount,
        route=route_for_work(person, offer, timezone.localdate()),
        created_by=actor,
        **fields,
    )
    ClaimEvent.objects.create(claim=claim, status=ClaimStatus.SUBMITTED, actor=actor, note=note)
    audit.record(
        actor=actor,
        action="claim.submitted",
        organisation=offer.organisation,
        target=claim,
        kind=kind,
        amount=str(amount),
        session_id=claim.session_id,
    )
    return claim

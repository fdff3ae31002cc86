"""A supporter answering for the person, through the supporter's own login.

The same steps as staff acting on the person's word: the person's own action through the
same workflow or service, one ``ActedFor`` record (method *supporter*, the supporter's
account as who recorded it, the supporter named), and the confirmation sent to the person
by their own channel ("Sam Green, your supporter, told us that you accept…").

A supporter answers only when the person has let them "answer for me, when I have agreed"
and the supporter says the person agreed this answer; one who may only help the person
answer can read what waits but answers nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.urls import reverse

from powerwith.accounts.models import Organisation, User
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.engagements.models import (
    Adjustment,
    Attendance,
    StopEvent,
    StopKind,
    WellbeingCheck,
)
from powerwith.engagements.services import stop
from powerwith.engagements.services.adjustments import request_adjustment_for_person
from powerwith.engagements.services.wellbeing import complete_check_for_person, kind_words
from powerwith.evaluation.queries import MyEngagement
from powerwith.evaluation.services import feedback
from powerwith.offers import services as offer_services
from powerwith.offers.models import Offer, OfferEvent
from powerwith.payments import queries as payment_queries
from powerwith.payments.models import Claim, ClaimKind
from powerwith.payments.services.claims import submit_time_claim_for_person
from powerwith.people.choices import SupporterMay
from powerwith.people.models import ActedFor, Person, Supporter
from powerwith.people.services.acting import record_supporter_answer
from powerwith.workflows import offers as offer_workflows
from powerwith.workflows.on_behalf.at_work import STOP_WORDS
from powerwith.workflows.on_behalf.pay import CLAIM_WORDS
from powerwith.workflows.on_behalf.rules import confirm

AGREED = "Tick to say that {name} agreed this answer with you."
AGREED_THIS = "Tick to say that {name} agreed this with you."


def refusal_for_supporter(supporter: Supporter, person: Person) -> str | None:
    """Why this supporter may not answer for this person, or None when they may."""
    name = person.preferred_name
    if supporter.person_id != person.pk or supporter.removed_at is not None:
        return f"You are no longer {name}'s supporter."
    if SupporterMay.ANSWER_FOR not in supporter.may:
        return (
            f"{name} has asked you to help them answer, not to answer for them. Help {name} "
            f"answer themself, or ask {name} to let you answer for them when they have "
            "agreed."
        )
    return None


def require_may_answer(
    supporter: Supporter, person: Person, *, agreed: bool, words: str = AGREED
) -> None:
    refusal = refusal_for_supporter(supporter, person)
    if refusal is not None:
        raise NotAllowed(refusal)
    if not agreed:
        raise InvalidInput(words.format(name=person.preferred_name), field="agreed")


def _record(
    supporter: Supporter,
    user: User,
    organisation: Organisation,
    *,
    subject: str,
    subject_id: int,
    that: str,
    link: str,
) -> ActedFor:
    acted = record_supporter_answer(
        supporter=supporter,
        user=user,
        organisation=organisation,
        subject=subject,
        subject_id=subject_id,
        words=f"{supporter.name}, your supporter, told us that {that}.",
    )
    confirm(acted, link=link)
    return acted


def _offer_link(offer: Offer) -> str:
    return reverse("offers:offer", args=[offer.pk])


@transaction.atomic
def accept_offer(
    offer: Offer, *, supporter: Supporter, user: User, agreed: bool, version: int | None = None
) -> OfferEvent:
    require_may_answer(supporter, offer.person, agreed=agreed)
    event = offer_workflows.accept_offer(offer, user=user, version=version, on_persons_word=True)
    _record(
        supporter,
        user,
        offer.organisation,
        subject="offer_event",
        subject_id=event.pk,
        that=f"you accept the offer of work: {offer.opportunity.title}",
        link=_offer_link(offer),
    )
    return event


@transaction.atomic
def decline_offer(offer: Offer, *, supporter: Supporter, user: User, agreed: bool) -> OfferEvent:
    require_may_answer(supporter, offer.person, agreed=agreed)
    event = offer_services.decline_offer(offer, user=user, on_persons_word=True)
    _record(
        supporter,
        user,
        offer.organisation,
        subject="offer_event",
        subject_id=event.pk,
        that=f"you do not want the offer of work: {offer.opportunity.title}",
        link=_offer_link(offer),
    )
    return event


@transaction.atomic
def answer_wellbeing_check(
    check: WellbeingCheck,
    *,
    supporter: Supporter,
    user: User,
    agreed: bool,
    feeling: int,
    note: str = "",
    wants_support: bool = False,
) -> WellbeingCheck:
    """As staff's: the confirmation says only that the check was answered, never how the
    person feels."""
    person = check.attendance.person
    require_may_answer(supporter, person, agreed=agreed)
    complete_check_for_person(
        check, user=user, feeling=feeling, note=note, wants_support=wants_support
    )
    support = " and that you would like support" if wants_support else ""
    _record(
        supporter,
        user,
        check.attendance.session.opportunity.organisation,
        subject="wellbeing_check",
        subject_id=check.pk,
        that=f"you answered your wellbeing check {kind_words(check.kind)}{support}",
        link=reverse("engagements:wellbeing_check_staff", kwargs={"check_id": check.pk}),
    )
    return check


@transaction.atomic
def stop_or_time_out(
    booking: Attendance,
    *,
    supporter: Supporter,
    user: User,
    agreed: bool,
    kind: str = StopKind.TIME_OUT,
    whole_work: bool = False,
) -> StopEvent:
    """The person's time out, stop or request for support, for one booked session or the
    whole work: the same steps as their own (their contact person is told at once, and the
    booked time is paid as agreed). No reason is asked for."""
    person = booking.person
    require_may_answer(supporter, person, agreed=agreed, words=AGREED_THIS)
    opportunity = booking.session.opportunity
    event = stop.stop_or_time_out_for_person(
        person=person,
        opportunity=opportunity,
        user=user,
        session=None if whole_work else booking.session,
        kind=kind,
    )
    _record(
        supporter,
        user,
        opportunity.organisation,
        subject="stop_event",
        subject_id=event.pk,
        that=f"{STOP_WORDS[StopKind(kind)]} from the work: {opportunity.title}. "
        "You do not need to give a reason, and your pay for the time booked does not change",
        link=stop.staff_link(event),
    )
    return event


@transaction.atomic
def ask_for_adjustment(
    booking: Attendance,
    *,
    supporter: Supporter,
    user: User,
    agreed: bool,
    category: str = "",
    details: str = "",
    whole_work: bool = False,
) -> Adjustment:
    """An adjustment the person asked for, for one booked session or every session of the
    work: the same request as their own, on the contact person's list to confirm. The
    confirmation does not repeat what would help."""
    person = booking.person
    require_may_answer(supporter, person, agreed=agreed, words=AGREED_THIS)
    opportunity = booking.session.opportunity
    adjustment = request_adjustment_for_person(
        person=person,
        opportunity=opportunity,
        user=user,
        category=category,
        details=details,
        session=None if whole_work else booking.session,
    )
    _record(
        supporter,
        user,
        opportunity.organisation,
        subject="adjustment",
        subject_id=adjustment.pk,
        that=f"you would like an adjustment for the work: {opportunity.title}. "
        "We will tell you when it is in place",
        link=reverse("opportunities:detail", args=[opportunity.pk]),
    )
    return adjustment


@transaction.atomic
def give_feedback(
    engagement: MyEngagement,
    *,
    supporter: Supporter,
    user: User,
    agreed: bool,
    answers: Mapping[str, int | None],
    comments: str = "",
    anonymous: bool = False,
) -> None:
    """How the work went, as the person told their supporter: the person's own answer rows,
    so figures count it alike. Left anonymous, it is kept without their name, as their own
    would be; the record that the supporter gave it names no answer."""
    offer = engagement.offer
    require_may_answer(supporter, offer.person, agreed=agreed, words=AGREED_THIS)
    feedback.give_feedback(
        engagement=engagement,
        user=user,
        answers=answers,
        comments=comments,
        anonymous=anonymous,
        on_persons_word=True,
    )
    _record(
        supporter,
        user,
        offer.organisation,
        subject="feedback",
        subject_id=offer.pk,
        that=f"you gave your feedback on the work: {offer.opportunity.title}. Thank you",
        link=reverse("evaluation:opportunity_feedback", args=[offer.opportunity_id]),
    )


@transaction.atomic
def claim_time(
    booking: Attendance,
    *,
    supporter: Supporter,
    user: User,
    agreed: bool,
    minutes: int | None = None,
    reason: str = "",
) -> Claim:
    """The person's claim for their pay for a session that has started, against the
    offer of the work they accepted: the same claim, by the same rules, as their own
    (paid for the time booked at least; more only with the reason the session ran over),
    sent for approval like theirs."""
    person = booking.person
    require_may_answer(supporter, person, agreed=agreed, words=AGREED_THIS)
    opportunity = booking.session.opportunity
    offer = payment_queries.accepted_offer_of(person, opportunity.pk)
    if offer is None:
        raise Conflict(
            f"{person.preferred_name} has not accepted the offer of this work, so there is "
            "no pay to claim."
        )
    claim = submit_time_claim_for_person(
        person=person,
        offer=offer,
        session_id=booking.session_id,
        user=user,
        minutes=minutes,
        reason=reason,
    )
    _record(
        supporter,
        user,
        offer.organisation,
        subject="claim",
        subject_id=claim.pk,
        that=f"{CLAIM_WORDS[ClaimKind.TIME]} for the work: {opportunity.title}. "
        "We will tell you when it is paid",
        link=reverse("payments:claim", args=[claim.pk]),
    )
    return claim

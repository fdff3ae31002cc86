"""Staff acting on a person's word (docs/adr/015-acting-on-the-persons-word.md).

Many people on the register have no login: they tell a member of staff what they decided,
in person, on the phone, by letter or through a supporter. Each action here does what the
person's own action does, through the same service, and adds one ``ActedFor`` record:
how the person told them, an optional note, who recorded it and when. The person is then
sent a confirmation in plain words ("You told Hannah Clarke on the phone that you accept
the offer of work: …"), through :func:`confirm`, the one place that decides how it
reaches them.

Staff may never act this way for a person who has a login of their own unless the person
has said so in their profile (``Person.staff_may_act_for_me``): a person who can answer
for themself does. Figures count these actions like the person's own (the action is the
same row; only who pressed the button differs).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.consent.models import Action
from powerwith.consent.models import Method as LedgerMethod
from powerwith.consent.queries import appointed_to
from powerwith.core import mail
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.engagements.models import (
    Adjustment,
    Session,
    StopEvent,
    StopKind,
    WellbeingCheck,
)
from powerwith.engagements.services import stop
from powerwith.engagements.services.adjustments import request_adjustment
from powerwith.engagements.services.wellbeing import complete_check, kind_words
from powerwith.evaluation.queries import engagement_of
from powerwith.evaluation.services import feedback
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers import services as offer_services
from powerwith.offers.models import Offer, OfferEvent
from powerwith.offers.renderings.easy_phrases import CONSENTS
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import Claim, ClaimKind
from powerwith.payments.services.claims import submit_claim
from powerwith.people.models import ActedFor, Person
from powerwith.people.services.acting import OnBehalf, record_acted_for
from powerwith.workflows import offers as offer_workflows
from powerwith.workflows.leaving import CONSENT_ACTIONS

__all__ = [
    "OnBehalf",
    "accept_offer",
    "answer_wellbeing_check",
    "ask_for_adjustment",
    "confirm",
    "decline_offer",
    "give_feedback",
    "make_claim",
    "record_consent",
    "refusal_for",
    "stop_or_time_out",
]


def refusal_for(by: Membership, person: Person) -> str | None:
    """Why this member may not act on this person's word, or None when they may."""
    name = person.preferred_name
    if not can(by, Capability.RECORD_CONSENT_FOR_PERSON):
        return (
            "Only coordinators, admins and a person's contact person can record what the "
            "person told them."
        )
    if not can(by, Capability.OVERSEE_ALL_WORK) and not appointed_to(by, person):
        return f"Only the contact person appointed to {name}'s work can record this for them."
    if person.user_id is not None and not person.staff_may_act_for_me:
        return (
            f"{name} has a login of their own and has not said that staff may answer for "
            f"them. Ask {name} to answer themself, or to choose in their profile that staff "
            "may record what they tell them."
        )
    return None


def require_may_act(by: Membership, person: Person) -> None:
    refusal = refusal_for(by, person)
    if refusal is not None:
        raise NotAllowed(refusal)


def _told(by: Membership, word: OnBehalf) -> str:
    """ "You told Hannah Clarke on the phone": the start of every confirmation."""
    how = {
        "in_person": "in person",
        "phone": "on the phone",
        "letter": "in your letter",
        "supporter": "through your supporter",
    }[word.method]
    return f"You told {by.user.full_name or 'us'} {how}"


def _record(
    by: Membership,
    person: Person,
    word: OnBehalf,
    *,
    subject: str,
    subject_id: int,
    that: str,
    link: str,
) -> ActedFor:
    acted = record_acted_for(
        by=by,
        person=person,
        method=word.method,
        note=word.note,
        subject=subject,
        subject_id=subject_id,
        words=f"{_told(by, word)} that {that}.",
    )
    confirm(acted, link=link)
    return acted


def confirm(acted: ActedFor, *, link: str = "") -> None:
    """Send the person the confirmation of what was recorded for them.

    The one place that decides how it reaches them: by e-mail when they have an address
    (through the worker, ``powerwith.core.mail``); otherwise a task on the recorder's
    action-needed list to tell them another way, with the words to use.
    """
    person = acted.person
    if person.email:
        mail.send_on_commit(confirmation, acted.pk)
        return
    raise_action(
        organisation=acted.organisation,
        assignees=[acted.recorded_by],
        kind=ActionKind.TELL_PERSON,
        key=f"tell:{acted.pk}",
        title=f"Tell {person.preferred_name} what you recorded for them, in these words: "
        f"“{acted.words}”"[:300],
        link=link,
        person=person,
    )


@mail.message
def confirmation(acted_id: int) -> mail.Letter | None:
    acted = ActedFor.objects.select_related("person", "organisation", "recorded_by").get(
        pk=acted_id
    )
    person = acted.person
    if not person.email:
        return None
    return mail.Letter(
        EmailMessage(
            subject=f"What you told {acted.organisation.name}",
            body=f"Dear {person.preferred_name},\n\n{acted.words}\n\n"
            f"If this is not what you meant, tell {acted.recorded_by.full_name or 'us'} "
            f"or your contact person at {acted.organisation.name}. You can change your "
            "mind.\n",
            to=[person.email],
        ),
        mail.Undelivered(
            organisation_id=acted.organisation_id,
            assignee_ids=(acted.recorded_by_id,),
            about="what they told you",
            to=person.preferred_name,
            person_id=person.pk,
        ),
    )


def _offer_link(offer: Offer) -> str:
    return reverse("offers:offer", args=[offer.pk])


@transaction.atomic
def accept_offer(
    offer: Offer, *, by: Membership, word: OnBehalf, version: int | None = None
) -> OfferEvent:
    word = word.cleaned()
    require_may_act(by, offer.person)
    event = offer_workflows.accept_offer(offer, user=by.user, version=version, on_persons_word=True)
    _record(
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
    _record(
        by,
        offer.person,
        word,
        subject="offer_event",
        subject_id=event.pk,
        that=f"you do not want the offer of work: {offer.opportunity.title}",
        link=_offer_link(offer),
    )
    return event


def _check_link(check: WellbeingCheck) -> str:
    return reverse("engagements:wellbeing_check_staff", kwargs={"check_id": check.pk})


@transaction.atomic
def answer_wellbeing_check(
    check: WellbeingCheck,
    *,
    by: Membership,
    word: OnBehalf,
    feeling: int,
    note: str = "",
    wants_support: bool = False,
) -> WellbeingCheck:
    """The person's answer to a wellbeing check, as they gave it. The confirmation says
    only that it was answered: how they feel is not repeated in a message."""
    word = word.cleaned()
    person = check.attendance.person
    require_may_act(by, person)
    complete_check(check, by=by, feeling=feeling, note=note, wants_support=wants_support)
    support = " and that you would like support" if wants_support else ""
    _record(
        by,
        person,
        word,
        subject="wellbeing_check",
        subject_id=check.pk,
        that=f"you answered your wellbeing check {kind_words(check.kind)}{support}",
        link=_check_link(check),
    )
    return check


STOP_WORDS = {
    StopKind.TIME_OUT: "you want to take time out",
    StopKind.STOP: "you want to stop",
    StopKind.SUPPORT: "you would like support",
}


@transaction.atomic
def stop_or_time_out(
    *,
    person: Person,
    opportunity: Opportunity,
    by: Membership,
    word: OnBehalf,
    session: Session | None = None,
    kind: str = StopKind.TIME_OUT,
) -> StopEvent:
    word = word.cleaned()
    require_may_act(by, person)
    event = stop.stop_or_time_out(
        person=person, opportunity=opportunity, by=by, session=session, kind=kind
    )
    _record(
        by,
        person,
        word,
        subject="stop_event",
        subject_id=event.pk,
        that=f"{STOP_WORDS[StopKind(kind)]} from the work: {opportunity.title}. "
        "You do not need to give a reason, and your pay for the time booked does not change",
        link=stop.staff_link(event),
    )
    return event


@transaction.atomic
def ask_for_adjustment(
    *,
    person: Person,
    opportunity: Opportunity,
    by: Membership,
    word: OnBehalf,
    category: str = "",
    details: str = "",
    session: Session | None = None,
) -> Adjustment:
    word = word.cleaned()
    require_may_act(by, person)
    adjustment = request_adjustment(
        person=person,
        opportunity=opportunity,
        by=by.user,
        category=category,
        details=details,
        session=session,
    )
    _record(
        by,
        person,
        word,
        subject="adjustment",
        subject_id=adjustment.pk,
        that=f"you would like an adjustment for the work: {opportunity.title}. "
        "We will tell you when it is in place",
        link=reverse("opportunities:detail", args=[opportunity.pk]),
    )
    return adjustment


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
    _record(
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
    _record(
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
LEDGER_METHODS = {
    "in_person": LedgerMethod.VERBAL,
    "phone": LedgerMethod.VERBAL,
    "letter": LedgerMethod.WRITTEN,
    "supporter": LedgerMethod.SUPPORTER,
}
CONSENT_WORDS = {
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
    _record(
        by,
        offer.person,
        word,
        subject="offer_consent",
        subject_id=offer.pk,
        that=CONSENT_WORDS[action].format(scope=CONSENTS.get(scope, scope.replace("_", " ")))
        + f" for the work: {offer.opportunity.title}. You can change your mind at any time",
        link=_offer_link(offer),
    )

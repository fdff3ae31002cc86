"""Every change to an offer of work: one function per action, in a transaction, with an
audit record and an ``OfferEvent``; e-mail goes out only after the transaction commits.

An offer cannot be sent while it leaves out anything the charter says it must state, and
the person accepts one exact version: changing a sent or accepted offer takes it back to
draft, to be sent and accepted again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.offers import checks as offer_checks
from powerwith.offers import content, notifications, recordings, send_gate
from powerwith.offers.models import (
    TRANSITIONS,
    Offer,
    OfferAction,
    OfferEvent,
    OfferStatus,
    OfferVersion,
)
from powerwith.offers.notifications import questions as offer_mail
from powerwith.offers.queries import live_offer
from powerwith.offers.send_gate import SendRefused
from powerwith.opportunities.models import Opportunity, OpportunityStatus
from powerwith.people.choices import Format
from powerwith.people.models import Person, PersonStatus
from powerwith.safe_to_work.queries import blocked_for

__all__ = [
    "SendRefused",
    "accept_offer",
    "answer_question",
    "ask_question",
    "change_terms",
    "create_offer",
    "decline_offer",
    "send_offer",
    "withdraw_offer",
]

CLOSED_OPPORTUNITIES = (
    OpportunityStatus.COMPLETED,
    OpportunityStatus.REVIEWED,
    OpportunityStatus.CANCELLED,
)
NOT_TAKING_PART: dict[str, str] = {
    PersonStatus.PAUSED: "is taking a break",
    PersonStatus.LEFT: "has left",
}
STATE_SENTENCES: dict[str, str] = {
    OfferStatus.SENT: "This offer has already been sent.",
    OfferStatus.ACCEPTED: "This offer has already been accepted.",
    OfferStatus.DECLINED: "This offer was declined.",
    OfferStatus.WITHDRAWN: "This offer was withdrawn.",
}


def _state(offer: Offer) -> str:
    if offer.status == OfferStatus.DRAFT:
        if offer.version:
            return "This offer is being changed and has not been sent again yet."
        return "This offer has not been sent yet."
    return STATE_SENTENCES[offer.status]


def _check(offer: Offer, to: OfferStatus, verb: str) -> None:
    """Refuse a change of status that TRANSITIONS does not allow."""
    if to not in TRANSITIONS[offer.status]:
        raise Conflict(f"{_state(offer)} You cannot {verb} it.")


def _move(offer: Offer, to: OfferStatus, verb: str) -> str:
    """Change the offer's status as TRANSITIONS allows, or refuse; answer the old status."""
    _check(offer, to, verb)
    previous = offer.status
    offer.status = to
    offer.updated_at = timezone.now()
    return previous


def _locked(offer: Offer) -> Offer:
    """Hold the offer's row until the transaction ends, so two actions on it queue up, and
    bring the caller's copy up to date."""
    current = Offer.objects.select_for_update().get(pk=offer.pk)
    offer.status, offer.version, offer.terms = current.status, current.version, current.terms
    offer.accepted_version_id = current.accepted_version_id
    return offer


def _require_manager(offer_or_opportunity: Offer | Opportunity, by: Membership) -> None:
    if not can(by, Capability.MANAGE_OFFERS):
        raise NotAllowed("Only coordinators and admins can make, change or send offers of work.")
    if offer_or_opportunity.organisation_id != by.organisation_id:
        raise NotAllowed("That belongs to another organisation.")


def _require_person(offer: Offer, user: User, on_persons_word: bool = False) -> None:
    """Only the person answers their offer, or staff recording what the person told
    them: ``on_persons_word`` is passed by powerwith.workflows.on_behalf alone, once it has
    checked the member may act for this person and recorded how the person told them."""
    if on_persons_word:
        return
    if offer.person.user_id is None or offer.person.user_id != user.pk:
        raise NotAllowed("Only the person the offer was made to can answer it.")


def _event(offer: Offer, action: str, actor: User, **fields: Any) -> OfferEvent:
    return OfferEvent.objects.create(offer=offer, action=action, actor=actor, **fields)


def _audit(offer: Offer, actor: User, action: str, **details: Any) -> None:
    audit.record(
        actor=actor,
        action=f"offer.{action}",
        organisation=offer.organisation,
        target=offer,
        **details,
    )


@transaction.atomic
def create_offer(*, by: Membership, opportunity: Opportunity, person: Person) -> Offer:
    """A draft offer of the opportunity to one person on the organisation's register."""
    _require_manager(opportunity, by)
    # Locking the person queues two coordinators offering them the same work at once.
    person = Person.objects.select_for_update().get(pk=person.pk)
    if not person.links.filter(organisation_id=by.organisation_id).exists():
        raise InvalidInput("That person is not on your register.", field="person_id")
    if person.status != PersonStatus.ACTIVE:
        raise Conflict(
            f"{person.preferred_name} {NOT_TAKING_PART[person.status]}, so they cannot be "
            "offered work until they choose to take part again.",
            field="person_id",
        )
    if opportunity.status in CLOSED_OPPORTUNITIES:
        raise Conflict(
            f"The opportunity is {opportunity.get_status_display().lower()}: "
            "it cannot be offered to anyone."
        )
    if live_offer(by.organisation_id, opportunity.pk, person.pk) is not None:
        raise Conflict(
            f"{person.preferred_name} already has an offer for this opportunity. "
            "Change that offer, or withdraw it before making a new one.",
            field="person_id",
        )
    offer = Offer.objects.create(
        organisation=by.organisation, opportunity=opportunity, person=person, created_by=by.user
    )
    _event(offer, OfferAction.CREATED, by.user)
    _audit(offer, by.user, "created", opportunity=opportunity.pk, person=person.pk)
    return offer


@transaction.atomic
def change_terms(offer: Offer, *, by: Membership, terms: Mapping[str, Any]) -> Offer:
    """Change this person's terms (the ones given; the rest stay). A sent or accepted offer
    that now says something different goes back to draft: it must be sent and accepted
    again. Calling it with no change on an offer whose opportunity has changed since it
    was sent starts the new version too."""
    _require_manager(offer, by)
    cleaned = offer_checks.clean_terms(terms)
    _locked(offer)
    if offer.status in (OfferStatus.DECLINED, OfferStatus.WITHDRAWN):
        raise Conflict(f"{_state(offer)} It cannot be changed: make a new offer instead.")
    changed = sorted(name for name, text in cleaned.items() if offer.terms.get(name, "") != text)
    offer.terms = {**offer.terms, **cleaned}
    reopened = ""
    if offer.status in (OfferStatus.SENT, OfferStatus.ACCEPTED):
        sent = OfferVersion.objects.get(offer=offer, number=offer.version)
        if content.content_hash(content.build(offer)) != sent.content_hash:
            reopened = _move(offer, OfferStatus.DRAFT, "change")
    if not changed and not reopened:
        return offer
    offer.updated_at = timezone.now()
    offer.save(update_fields=["terms", "status", "updated_at"])
    note = f"Changed: {', '.join(changed) or 'the opportunity'}."
    if reopened:
        note += f" It was {reopened}; it must be sent and accepted again."
    _event(offer, OfferAction.CHANGED, by.user, text=note)
    _audit(offer, by.user, "changed", fields=changed, previous_status=reopened or offer.status)
    return offer


@transaction.atomic
def send_offer(offer: Offer, *, by: Membership, acknowledge_warnings: bool = False) -> OfferVersion:
    """Send the offer as it stands now, as a new version, once it states everything it
    must, says nothing the charter rules out (speculation, promises, vague amounts or
    times: no acknowledgement lets these through) and its other clarity warnings have been
    read."""
    _require_manager(offer, by)
    _locked(offer)
    _check(offer, OfferStatus.SENT, "send")
    send_gate.check_safe_to_work(
        offer.person.preferred_name,
        blocked_for(offer.opportunity, [offer.person_id])[offer.person_id],
    )
    snapshot = content.build(offer)
    warnings = send_gate.check(snapshot, offer_id=offer.pk, acknowledged=acknowledge_warnings)
    _move(offer, OfferStatus.SENT, "send")
    offer.version += 1
    version = OfferVersion.objects.create(
        offer=offer,
        number=offer.version,
        content=snapshot,
        content_hash=content.content_hash(snapshot),
        sent_by=by.user,
    )
    offer.save(update_fields=["status", "version", "updated_at"])
    _event(
        offer,
        OfferAction.SENT,
        by.user,
        version=version,
        content_hash=version.content_hash,
        acknowledged_warnings=warnings,
    )
    _audit(offer, by.user, "sent", version=version.number, warnings_acknowledged=len(warnings))
    mail.send_on_commit(notifications.offer_sent, version.pk)
    recordings.speak_when_sent(version)
    _arrange_braille(offer, version, by)
    return version


def _arrange_braille(offer: Offer, version: OfferVersion, by: Membership) -> None:
    """A person who reads braille gets the offer embossed: the sender is asked to arrange
    it, from the rendering laid out for embossing."""
    if Format.BRAILLE not in version.content["person"]["formats"]:
        return
    raise_action(
        organisation=offer.organisation,
        assignees=[by.user, offer.opportunity.contact_user],
        kind=ActionKind.ARRANGE_FORMAT,
        key=f"braille:{version.pk}",
        title=f"Arrange for the offer to {offer.person.preferred_name} to be embossed in "
        f"braille: {offer.opportunity.title}, version {version.number}",
        link=f"/offers/{offer.pk}/render/?format=braille",
        person=offer.person,
    )


@transaction.atomic
def accept_offer(
    offer: Offer, *, user: User, version: int | None = None, on_persons_word: bool = False
) -> OfferEvent:
    """The person accepts the version last sent to them. Given ``version`` (the one they
    read), a newer one refuses rather than being accepted unread."""
    _require_person(offer, user, on_persons_word)
    _locked(offer)
    if offer.status == OfferStatus.SENT and version is not None and version != offer.version:
        raise Conflict(
            f"The offer has changed since you read it: version {offer.version} is the one "
            "to read now. Read it again before you accept it."
        )
    _move(offer, OfferStatus.ACCEPTED, "accept")
    accepted = OfferVersion.objects.get(offer=offer, number=offer.version)
    offer.accepted_version = accepted
    offer.save(update_fields=["status", "accepted_version", "updated_at"])
    event = _event(
        offer,
        OfferAction.ACCEPTED,
        user,
        version=accepted,
        content_hash=accepted.content_hash,
    )
    _audit(offer, user, "accepted", version=accepted.number, content_hash=accepted.content_hash)
    return event


@transaction.atomic
def decline_offer(offer: Offer, *, user: User, on_persons_word: bool = False) -> OfferEvent:
    """The person says no. No reason is asked for, and none is needed. Once they have
    accepted a version the work is agreed: they leave it instead, which keeps their pay
    for what is done (powerwith.workflows.leaving)."""
    _require_person(offer, user, on_persons_word)
    _locked(offer)
    if offer.version == 0:
        raise Conflict("This offer has not been sent to you yet, so there is nothing to say no to.")
    if offer.accepted_version_id is not None:
        raise Conflict(
            "You have already agreed to this work, so there is no offer to say no to. "
            'If you want to stop, choose "Leave this work": you are still paid for '
            "the work you have done."
        )
    _move(offer, OfferStatus.DECLINED, "decline")
    offer.save(update_fields=["status", "updated_at"])
    sent = OfferVersion.objects.get(offer=offer, number=offer.version)
    event = _event(offer, OfferAction.DECLINED, user, version=sent)
    _audit(offer, user, "declined", version=sent.number)
    return event


@transaction.atomic
def withdraw_offer(offer: Offer, *, by: Membership) -> OfferEvent:
    _require_manager(offer, by)
    _locked(offer)
    _move(offer, OfferStatus.WITHDRAWN, "withdraw")
    offer.save(update_fields=["status", "updated_at"])
    event = _event(offer, OfferAction.WITHDRAWN, by.user)
    _audit(offer, by.user, "withdrawn", version=offer.version)
    if offer.version:
        mail.send_on_commit(offer_mail.offer_withdrawn, event.pk)
    return event


@transaction.atomic
def ask_question(offer: Offer, *, user: User, text: str) -> OfferEvent:
    """The person asks about their offer; the contact person hears of it by e-mail."""
    _require_person(offer, user)
    cleaned = offer_checks.clean_text(text, "question")
    _locked(offer)
    if not offer.version:
        raise Conflict(_state(offer))
    sent = OfferVersion.objects.get(offer=offer, number=offer.version)
    event = _event(offer, OfferAction.QUESTION, user, version=sent, text=cleaned)
    _audit(offer, user, "question_asked", version=sent.number)
    mail.send_on_commit(offer_mail.question_asked, event.pk)
    return event


@transaction.atomic
def answer_question(offer: Offer, *, by: Membership, text: str) -> OfferEvent:
    """The organisation answers; the person hears of it by e-mail."""
    if not can(by, Capability.ANSWER_QUESTIONS) or offer.organisation_id != by.organisation_id:
        raise NotAllowed("Only the organisation's coordinators, admins and contacts can answer.")
    appointed = {offer.opportunity.contact_user_id, offer.opportunity.backup_contact_user_id}
    if not can(by, Capability.MANAGE_OFFERS) and by.user_id not in appointed:
        raise NotAllowed("Only the contact people appointed to this work can answer.")
    cleaned = offer_checks.clean_text(text, "answer")
    _locked(offer)
    if not offer.version:
        raise Conflict(_state(offer))
    event = _event(offer, OfferAction.ANSWER, by.user, text=cleaned)
    _audit(offer, by.user, "question_answered")
    mail.send_on_commit(offer_mail.question_answered, event.pk)
    return event


def record_leaving(offer: Offer, *, by: User, returned: bool = False) -> OfferEvent:
    """Note in the offer's history that the person left the work, or came back to it.
    Called by the workflow that withdraws (or gives again) their consent to take part."""
    action = OfferAction.RETURNED if returned else OfferAction.LEFT
    event = _event(offer, action, by)
    _audit(offer, by, str(action))
    return event

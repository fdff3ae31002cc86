"""Reads of offers of work, scoped to who is asking.

Who oversees all the work (coordinators and admins) sees the organisation's offers; a
contact person sees the offers of the opportunities they are appointed to; an expert by
experience sees only the offers made to them, and only once one has been sent: a draft
never sent is the organisation's working paper, not an offer.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, can, require
from powerwith.offers.models import Offer, OfferAction, OfferEvent, OfferStatus, OfferVersion
from powerwith.people.models import ActedFor, Person

# The offers that stop a second one being made for the same person and opportunity.
LIVE_STATUSES = (OfferStatus.DRAFT, OfferStatus.SENT, OfferStatus.ACCEPTED)


def require_manager(membership: Membership) -> None:
    require(
        membership,
        Capability.MANAGE_OFFERS,
        "Only coordinators and admins can make and send offers of work.",
    )


def _with_relations(offers: QuerySet[Offer]) -> QuerySet[Offer]:
    return offers.select_related(
        "organisation",
        "opportunity__organisation",
        "opportunity__contact_user",
        "opportunity__backup_contact_user",
        "person",
    )


def offers_of(membership: Membership) -> QuerySet[Offer]:
    """The offers a member of staff may read, newest first."""
    scoped = Offer.objects.filter(organisation_id=membership.organisation_id)
    if can(membership, Capability.OVERSEE_ALL_WORK):
        return _with_relations(scoped)
    if can(membership, Capability.CARE_FOR_PEOPLE):
        return _with_relations(
            scoped.filter(
                Q(opportunity__contact_user_id=membership.user_id)
                | Q(opportunity__backup_contact_user_id=membership.user_id)
            )
        )
    raise PermissionDenied("Only staff of the organisation can see its offers.")


def _sent_to(user: User) -> QuerySet[Offer]:
    return Offer.objects.filter(person__user_id=user.pk, version__gte=1)


def get_offer_for(membership: Membership, offer_id: int) -> Offer:
    """One offer this membership may see; 404 for another organisation's, and for an
    expert, for anyone else's."""
    if not can(membership, Capability.WORK_AS_STAFF):
        found = (
            _with_relations(_sent_to(membership.user))
            .filter(organisation_id=membership.organisation_id, pk=offer_id)
            .first()
        )
    else:
        found = offers_of(membership).filter(pk=offer_id).first()
    if found is None:
        raise Http404("No such offer.")
    return found


def offers_for_person(user: User) -> QuerySet[Offer]:
    """Every offer sent to this user's own profile, from every organisation."""
    return _with_relations(_sent_to(user))


def offers_sent_to(person: Person) -> QuerySet[Offer]:
    """Every offer sent to this person, from every organisation: for the person's own
    supporter (powerwith.workflows.supporting asks first that the supporter is theirs)."""
    return _with_relations(Offer.objects.filter(person=person, version__gte=1))


def get_own_offer(user: User, offer_id: int) -> Offer:
    found = offers_for_person(user).filter(pk=offer_id).first()
    if found is None:
        raise Http404("No such offer.")
    return found


def live_offer(organisation_id: int, opportunity_id: int, person_id: int) -> Offer | None:
    return Offer.objects.filter(
        organisation_id=organisation_id,
        opportunity_id=opportunity_id,
        person_id=person_id,
        status__in=LIVE_STATUSES,
    ).first()


def offers_for_opportunity(membership: Membership, opportunity_id: int) -> QuerySet[Offer]:
    return offers_of(membership).filter(opportunity_id=opportunity_id)


def latest_version(offer: Offer) -> OfferVersion | None:
    """The version last sent; None before the offer is first sent."""
    if offer.version == 0:
        return None
    return OfferVersion.objects.filter(offer=offer, number=offer.version).first()


def versions_of(offer: Offer) -> QuerySet[OfferVersion]:
    return OfferVersion.objects.filter(offer=offer).select_related("sent_by")


def events_of(offer: Offer) -> QuerySet[OfferEvent]:
    return OfferEvent.objects.filter(offer=offer).select_related("actor", "version")


def questions_of(offer: Offer) -> QuerySet[OfferEvent]:
    """The person's questions and the organisation's answers, in the order they came."""
    return events_of(offer).filter(action__in=[OfferAction.QUESTION, OfferAction.ANSWER])


def last_acceptance(offer: Offer) -> OfferEvent | None:
    return events_of(offer).filter(action=OfferAction.ACCEPTED).order_by("-created_at").first()


def acted_for_events(event_ids: list[int]) -> dict[int, ActedFor]:
    """What staff recorded on the person's word, by the offer event it made (the ids come
    from offers the caller may already see)."""
    found = ActedFor.objects.select_related("recorded_by", "supporter").filter(
        subject="offer_event", subject_id__in=event_ids
    )
    return {acted.subject_id: acted for acted in found}


def left_event(offer: Offer) -> OfferEvent | None:
    """When the person's last word on taking part in this work was to leave it, that
    event; None while they take part."""
    last = (
        OfferEvent.objects.filter(offer=offer, action__in=[OfferAction.LEFT, OfferAction.RETURNED])
        .order_by("-created_at", "-id")
        .first()
    )
    return last if last is not None and last.action == OfferAction.LEFT else None


def unanswered_question(offer: Offer) -> OfferEvent | None:
    """The person's latest question when no answer has come since."""
    last = questions_of(offer).order_by("-created_at", "-id").first()
    return last if last is not None and last.action == OfferAction.QUESTION else None


def _last_of(actions: list[str]) -> Subquery:
    return Subquery(
        OfferEvent.objects.filter(offer=OuterRef("pk"), action__in=actions)
        .order_by("-created_at", "-id")
        .values("action")[:1]
    )


def with_what_waits(offers: QuerySet[Offer]) -> QuerySet[Offer]:
    """A list's offers, each knowing whether the person's question waits for an answer
    (``last_question_event == "question"``) and whether they left the work
    (``last_leaving_event == "left"``), in the list's one query."""
    return offers.annotate(
        last_question_event=_last_of([OfferAction.QUESTION, OfferAction.ANSWER]),
        last_leaving_event=_last_of([OfferAction.LEFT, OfferAction.RETURNED]),
    )


def appointed_to(membership: Membership, person: Person) -> bool:
    """The member is the appointed (or backup) contact person of an opportunity the
    person was offered work on, in the membership's organisation."""
    return (
        can(membership, Capability.CARE_FOR_PEOPLE)
        and Offer.objects.filter(person=person, organisation_id=membership.organisation_id)
        .filter(
            Q(opportunity__contact_user_id=membership.user_id)
            | Q(opportunity__backup_contact_user_id=membership.user_id)
        )
        .exists()
    )


def refusal_for(by: Membership, person: Person) -> str | None:
    """Why this member may not act on this person's word (``workflows.on_behalf``), or
    None when they may. Pages ask it to offer the step only to those who may take it."""
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

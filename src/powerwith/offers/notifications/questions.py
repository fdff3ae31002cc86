"""E-mail about an offer after it is sent: questions, answers, withdrawal. Each is a
message the worker sends once the change commits, read afresh from the database.

The question itself is not put in the e-mail: it can hold personal details, and the
page it links to asks the reader to log in first.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from powerwith.core import mail
from powerwith.offers.models import Offer, OfferEvent


def _undelivered(offer: Offer, about: str, told: int | None) -> mail.Undelivered:
    return mail.Undelivered(
        organisation_id=offer.organisation_id,
        assignee_ids=(told,),
        about=about,
        to=offer.person.preferred_name,
        link=reverse("offers:offer", args=[offer.pk]),
        person_id=offer.person_id,
    )


@mail.message
def question_asked(event_id: int) -> mail.Letter | None:
    """Tell the contact person appointed to the work (or, failing one, whoever made the
    offer) that the person has a question. Its action-needed task already says so, so a
    failure to send is only logged."""
    event = OfferEvent.objects.select_related(
        "offer__person", "offer__opportunity__contact_user", "offer__created_by"
    ).get(pk=event_id)
    offer = event.offer
    recipient = offer.opportunity.contact_user or offer.created_by
    link = f"{settings.SITE_URL}/offers/{offer.pk}/#questions"
    return mail.Letter(
        EmailMessage(
            subject=f"A question about an offer of work: {offer.opportunity.title}",
            body=f"{offer.person.preferred_name} has asked a question about their offer of "
            f"work for {offer.opportunity.title}.\n\nRead it and answer here:\n{link}\n",
            to=[recipient.email],
        )
    )


@mail.message
def question_answered(event_id: int) -> mail.Letter | None:
    event = OfferEvent.objects.select_related(
        "offer__person", "offer__organisation", "offer__opportunity"
    ).get(pk=event_id)
    offer = event.offer
    link = f"{settings.SITE_URL}/my-offers/{offer.pk}/#questions"
    return mail.Letter(
        EmailMessage(
            subject=f"An answer from {offer.organisation.name}",
            body=f"Hello {offer.person.preferred_name},\n\n{offer.organisation.name} has "
            "answered your question about your offer of work.\n\nRead the answer here:\n"
            f"{link}\n",
            to=[offer.person.email],
        ),
        _undelivered(
            offer, f"the answer to a question on {offer.opportunity.title}", event.actor_id
        ),
        mail.Recipient(offer.person_id, "question_answered", link=link),
    )


@mail.message
def offer_withdrawn(event_id: int) -> mail.Letter | None:
    event = OfferEvent.objects.select_related(
        "offer__person", "offer__organisation", "offer__opportunity"
    ).get(pk=event_id)
    offer = event.offer
    return mail.Letter(
        EmailMessage(
            subject=f"An offer of work has been withdrawn: {offer.opportunity.title}",
            body=f"Hello {offer.person.preferred_name},\n\n{offer.organisation.name} has "
            f"withdrawn the offer of work for {offer.opportunity.title}. You do not need to "
            "do anything.\n\nIf you have questions about this, contact them in the usual "
            "way.\n",
            to=[offer.person.email],
        ),
        _undelivered(
            offer, f"the withdrawn offer of work for {offer.opportunity.title}", event.actor_id
        ),
        mail.Recipient(offer.person_id, "offer_withdrawn", link=f"/my-offers/{offer.pk}/"),
    )

"""E-mail about an offer after it is sent: questions, answers, withdrawal. Each is called
after the transaction that made the change commits, and reads what it needs afresh.

The question itself is not put in the e-mail: it can hold personal details, and the
page it links to asks the reader to log in first.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage

from powerwith.offers.models import Offer, OfferEvent


def _send(subject: str, body: str, to: str) -> None:
    EmailMessage(subject=subject, body=body, to=[to]).send()


def question_asked(event_id: int) -> None:
    """Tell the contact person appointed to the work (or, failing one, whoever made the
    offer) that the person has a question."""
    event = OfferEvent.objects.select_related(
        "offer__person", "offer__opportunity__contact_user", "offer__created_by"
    ).get(pk=event_id)
    offer = event.offer
    recipient = offer.opportunity.contact_user or offer.created_by
    link = f"{settings.SITE_URL}/offers/{offer.pk}/#questions"
    _send(
        f"A question about an offer of work: {offer.opportunity.title}",
        f"{offer.person.preferred_name} has asked a question about their offer of work "
        f"for {offer.opportunity.title}.\n\nRead it and answer here:\n{link}\n",
        recipient.email,
    )


def question_answered(event_id: int) -> None:
    event = OfferEvent.objects.select_related("offer__person", "offer__organisation").get(
        pk=event_id
    )
    offer = event.offer
    if not offer.person.email:
        return
    link = f"{settings.SITE_URL}/my-offers/{offer.pk}/#questions"
    _send(
        f"An answer from {offer.organisation.name}",
        f"Hello {offer.person.preferred_name},\n\n{offer.organisation.name} has answered "
        f"your question about your offer of work.\n\nRead the answer here:\n{link}\n",
        offer.person.email,
    )


def offer_withdrawn(offer_id: int) -> None:
    offer = Offer.objects.select_related("person", "organisation", "opportunity").get(pk=offer_id)
    if not offer.person.email:
        return
    _send(
        f"An offer of work has been withdrawn: {offer.opportunity.title}",
        f"Hello {offer.person.preferred_name},\n\n{offer.organisation.name} has withdrawn "
        f"the offer of work for {offer.opportunity.title}. You do not need to do anything.\n\n"
        "If you have questions about this, contact them in the usual way.\n",
        offer.person.email,
    )

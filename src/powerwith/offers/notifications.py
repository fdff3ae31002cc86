"""Telling a person about their offer. Called after the sending transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage

from powerwith.offers.models import OfferVersion


def offer_sent(version_id: int) -> None:
    version = OfferVersion.objects.select_related("offer__person").get(pk=version_id)
    person = version.offer.person
    if not person.email:
        return
    content = version.content
    link = f"{settings.SITE_URL}/my-offers/{version.offer_id}/"
    body = (
        f"Hello {person.preferred_name},\n\n"
        f"{content['organisation']} has sent you an offer of work: "
        f"{content['opportunity']['title']}.\n\n"
        f"You can read it, accept it, say no or ask a question here:\n{link}\n\n"
        f"{content['statements']['ok_to_say_no']}\n"
    )
    EmailMessage(
        subject=f"An offer of work from {content['organisation']}",
        body=body,
        to=[person.email],
    ).send()

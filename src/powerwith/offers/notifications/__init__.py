"""Telling a person about their offer: a message the worker sends once the offer is sent.

The e-mail carries the whole offer as plain text in its body (it reads aloud and
transcribes to braille as it is), and the offer attached in the format the person reads
best, with a calendar file of the sessions when there are any: rendered here, in the
worker, never in the request that sent the offer.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from powerwith.core import mail
from powerwith.offers.content import for_reader
from powerwith.offers.formats import RenderFormat, preferred_format
from powerwith.offers.models import OfferVersion
from powerwith.offers.renderings import Rendered, render

logger = logging.getLogger(__name__)


def _attachments(content: dict[str, Any]) -> dict[str, Rendered]:
    wanted = [preferred_format(content["person"]["formats"])]
    if content["sessions"]:
        wanted.append(RenderFormat.ICS)
    found = {}
    for fmt in wanted:
        try:
            found[fmt] = render(content, fmt)
        except Exception:
            # The e-mail still goes, with the whole offer in its body and the link to it.
            logger.exception("Could not render an offer as %s for its e-mail", fmt)
    return found


@mail.message
def offer_sent(version_id: int) -> mail.Letter | None:
    version = OfferVersion.objects.select_related("offer__person", "offer__opportunity").get(
        pk=version_id
    )
    person = version.offer.person
    # As every rendering has it: what was sent, with how they would be paid.
    content = for_reader(version.offer, version.content)
    preferred = RenderFormat(preferred_format(content["person"]["formats"]))
    link = f"{settings.SITE_URL}/my-offers/{version.offer_id}/"
    attachments = _attachments(content)
    attached = f"The offer is attached as: {preferred.label}.\n" if preferred in attachments else ""
    body = (
        f"Hello {person.preferred_name},\n\n"
        f"{content['organisation']} has sent you an offer of work: "
        f"{content['opportunity']['title']}.\n\n"
        f"{content['statements']['ok_to_say_no']}\n\n"
        f"You can read it, accept it, say no or ask a question here:\n{link}\n\n"
        f"{attached}"
        "The whole offer is also written out below.\n\n"
        f"{render(content, RenderFormat.TEXT).data.decode('utf-8')}"
    )
    message = EmailMessage(
        subject=f"An offer of work from {content['organisation']}",
        body=body,
        to=[person.email],
    )
    for rendered in attachments.values():
        message.attach(rendered.filename, rendered.data, rendered.content_type)
    return mail.Letter(
        message,
        mail.Undelivered(
            organisation_id=version.offer.organisation_id,
            assignee_ids=(version.sent_by_id,),
            about=f"the offer of work for {content['opportunity']['title']}",
            to=person.preferred_name,
            link=reverse("offers:offer", args=[version.offer_id]),
            person_id=person.pk,
        ),
        mail.Recipient(
            person.pk,
            "offer_sent",
            link=link,
            contact_ids=(version.offer.opportunity.contact_user_id,),
        ),
    )

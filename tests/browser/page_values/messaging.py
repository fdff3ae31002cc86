"""Every-page values for messages: a letter to post, a call to make, a supporter."""

from __future__ import annotations

from typing import Any

from django.test import TestCase

from powerwith.messaging.models import Channel, Message
from powerwith.people.services.supporters import SupporterInput, add_supporter
from tests.browser.page_values import PartCast
from tests.messaging.factories import ADDRESS, on_the_register
from tests.offers.factories import sent_offer

NOT_PAGES = {
    "messaging:letter": "a letter to print, as a PDF download",
    "messaging:notify_receipt": "where GOV.UK Notify posts delivery receipts, not a page",
}


def values(cast: PartCast) -> dict[str, Any]:
    """Offers to someone who asked for letters and to someone who asked for calls; the
    expert names a supporter."""
    by_post = on_the_register(
        cast.coordinator, "Jo", preferred_channel="post", postal_address=ADDRESS
    )
    by_phone = on_the_register(
        cast.coordinator, "Kim", preferred_channel="phone", phone="0113 496 0000"
    )
    # The messages go when the offers commit; inside a test's transaction, on leaving this.
    with TestCase.captureOnCommitCallbacks(execute=True):
        sent_offer(cast.coordinator, by_post)
        sent_offer(cast.coordinator, by_phone)
    assert cast.expert.user is not None
    supporter = add_supporter(
        cast.expert,
        user=cast.expert.user,
        membership=None,
        details=SupporterInput(name="Priya", email="priya@family.example"),
    )
    return {
        "letter_id": Message.objects.get(person=by_post, channel=Channel.LETTER).pk,
        "call_id": Message.objects.get(person=by_phone, channel=Channel.PHONE).pk,
        "supporter_id": supporter.pk,
    }

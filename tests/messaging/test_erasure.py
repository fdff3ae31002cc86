"""Erasing a person takes their supporters, postal address and the words sent to them."""

from __future__ import annotations

from powerwith.accounts.models import Membership
from powerwith.people.models import Supporter
from tests.conftest import api_client_for
from tests.messaging.factories import ADDRESS, hears_by, only_message_to, supporter_for


def test_erasing_takes_the_supporters_the_address_and_the_words_of_messages(
    riverside_coordinator, expert_at_riverside, offer_sent
):
    supporter_for(expert_at_riverside, may=["receive_messages"])
    hears_by(expert_at_riverside, "post", postal_address=ADDRESS)
    offer_sent(riverside_coordinator, expert_at_riverside)
    own = Membership.objects.get(user=expert_at_riverside.user)

    erased = api_client_for(own).post(
        "/api/v1/me/erase", {"confirm": True}, content_type="application/json"
    )

    assert erased.status_code == 200
    expert_at_riverside.refresh_from_db()
    assert expert_at_riverside.postal_address == ""
    assert not Supporter.objects.exists()
    letter = only_message_to(expert_at_riverside)
    assert (letter.body, letter.postal_address, letter.to) == ("", "", "")
    assert letter.about.startswith("the offer of work for")

"""What a person is asked to agree to says what really happens, and changing it never
changes what an earlier event proves: each event's receipt shows the words it was given
with, found by the hash the ledger holds."""

from __future__ import annotations

import hashlib

import pytest

from powerwith.consent import services
from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import verify_chain
from powerwith.consent.receipts import receipt
from powerwith.consent.wording import EARLIER_WORDING, Scope, wording_for, wording_shown
from powerwith.offers.content import POWER_TO_STOP
from tests.consent.factories import own

pytestmark = pytest.mark.django_db

BEFORE_ISSUE_15 = {
    Scope.TAKE_PART: "I agree to take part in this piece of work. I can stop at any time, "
    "without giving a reason, and I will still be paid for the work I have already done.",
    Scope.BE_QUOTED: "I agree that my words can be quoted. I choose whether my name is used "
    "or whether I stay anonymous.",
}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_taking_part_promises_the_same_pay_as_the_offer():
    # The offer: "We still pay for all the time we booked with you."
    assert "all the time we booked with you" in POWER_TO_STOP
    assert "paid for all the time booked with me, and for the work I have already done" in (
        wording_for(Scope.TAKE_PART)
    )


def test_being_quoted_says_where_the_person_chooses_whether_they_are_named():
    words = wording_for(Scope.BE_QUOTED)
    assert "“Your contributions” page whether my name is used" in words
    assert "Until I choose, it is not." in words


def test_every_wording_ever_shown_is_found_by_its_hash():
    for scope, text in BEFORE_ISSUE_15.items():
        assert text in EARLIER_WORDING[scope]
        assert wording_shown(scope, sha(text)) == text
    for scope in Scope:
        assert wording_shown(scope, sha(wording_for(scope))) == wording_for(scope)
    assert wording_shown(Scope.TAKE_PART, sha("words nobody was shown")) is None


def test_an_event_given_with_the_old_words_keeps_them_on_its_receipt(
    monkeypatch, expert_at_riverside, riverside
):
    me = own(expert_at_riverside, riverside.pk)
    old = BEFORE_ISSUE_15[Scope.BE_QUOTED]
    # Recorded as it was before the wording changed.
    monkeypatch.setattr(services, "wording_hash", lambda scope: sha(old))
    services.grant_consent(person=expert_at_riverside, scope=Scope.BE_QUOTED, actor=me)
    monkeypatch.undo()
    services.grant_consent(person=expert_at_riverside, scope=Scope.BE_QUOTED, actor=me)
    earlier, later = ConsentEvent.objects.filter(person=expert_at_riverside).order_by("id")
    assert receipt(earlier).wording == old
    assert receipt(later).wording == wording_for(Scope.BE_QUOTED)
    assert verify_chain().ok

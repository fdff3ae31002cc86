"""The Outcomes check that what people are told is certain: it fails while the
opportunity's own words, or the version of an offer a person holds, are speculative,
promise something, or leave an amount or a time vague."""

from __future__ import annotations

from typing import Any

from powerwith.offers import content, services
from powerwith.offers.models import Offer, OfferStatus, OfferVersion
from tests.offers.factories import COMPLETE_TERMS, complete_opportunity, sent_offer
from tests.opportunities.factories import person
from tests.reports.factories import card, check

NAMED = "Nothing speculative, promised or vague in what people are told"


def outcome(by, opportunity) -> dict[str, Any]:
    return check(card(by, opportunity), "outcomes", NAMED)


def sent_before_the_gate(offer: Offer, by, **changes: str) -> None:
    """A version sent before such words stopped an offer being sent: written as it was
    then, straight to the record."""
    latest = OfferVersion.objects.get(offer=offer, number=offer.version)
    said = {**latest.content, **changes}
    OfferVersion.objects.create(
        offer=offer,
        number=offer.version + 1,
        content=said,
        content_hash=content.content_hash(said),
        sent_by=by.user,
    )
    Offer.objects.filter(pk=offer.pk).update(version=offer.version + 1, status=OfferStatus.SENT)
    offer.refresh_from_db()


def test_it_is_met_when_the_words_are_plain_and_certain(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    result = outcome(riverside_coordinator, offer.opportunity)
    assert result == {
        "name": NAMED,
        "met": True,
        "evidence": "The clarity checker finds nothing speculative, promised or vague in the "
        "opportunity's words and in the 1 offer people hold.",
        "judged": True,
    }


def test_the_opportunitys_own_words_fail_it(riverside_coordinator):
    opportunity = complete_opportunity(
        riverside_coordinator,
        purpose="We might run it again. Payment is up to £50.",
    )
    result = outcome(riverside_coordinator, opportunity)
    assert not result["met"]
    assert result["evidence"] == (
        "1 speculative phrase, 1 vague amount: 2 in the opportunity's purpose."
    )


def test_a_version_sent_before_speculation_was_blocked_fails_it_until_it_is_sent_again(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    sent_before_the_gate(
        offer,
        riverside_coordinator,
        message="We may be able to pay you something later, and there might be more work soon",
    )
    card_now = card(riverside_coordinator, offer.opportunity)
    result = check(card_now, "outcomes", NAMED)
    assert not result["met"]
    assert result["evidence"] == (
        "2 speculative phrases, 1 vague amount, 2 vague times: 5 in the 1 offer people hold."
    )
    # The scorecard keeps its shape: each check a name, whether it is met and the evidence.
    assert {"score", "checks"} <= set(card_now["principles"]["outcomes"])
    assert {"name", "met", "evidence"} <= set(result)

    services.change_terms(offer, by=riverside_coordinator, terms={"message": "Join us."})
    # The person still holds the speculative version until the new one is sent.
    assert not outcome(riverside_coordinator, offer.opportunity)["met"]
    services.send_offer(offer, by=riverside_coordinator)
    assert outcome(riverside_coordinator, offer.opportunity)["met"]


def test_an_offer_nobody_holds_any_more_is_not_counted(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    sent_before_the_gate(offer, riverside_coordinator, message="We will hopefully call soon.")
    assert not outcome(riverside_coordinator, offer.opportunity)["met"]
    services.withdraw_offer(offer, by=riverside_coordinator)
    result = outcome(riverside_coordinator, offer.opportunity)
    assert result["met"]
    assert result["evidence"].endswith("in the opportunity's words.")


def test_it_counts_in_the_outcomes_score(riverside_coordinator):
    plain = card(riverside_coordinator, complete_opportunity(riverside_coordinator))
    vague = card(
        riverside_coordinator,
        complete_opportunity(riverside_coordinator, success_measures="Staff use it soon."),
    )
    assert vague["principles"]["outcomes"]["score"] < plain["principles"]["outcomes"]["score"]


def test_the_evidence_says_how_many_of_the_offers_held_say_it(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    other = services.create_offer(
        by=riverside_coordinator,
        opportunity=offer.opportunity,
        person=person(riverside_coordinator, "Ola"),
    )
    services.change_terms(other, by=riverside_coordinator, terms=COMPLETE_TERMS)
    services.send_offer(other, by=riverside_coordinator)
    sent_before_the_gate(offer, riverside_coordinator, message="We guarantee more work.")
    result = outcome(riverside_coordinator, offer.opportunity)
    assert result["evidence"] == "1 promise: 1 in 1 of the 2 offers people hold."

"""Sending an offer, its versions and re-acceptance, and the person's answer, in the
services."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, NotAllowed
from powerwith.offers import content, services
from powerwith.offers.models import Offer, OfferAction, OfferEvent, OfferStatus, OfferVersion
from tests.offers.factories import (
    BLOCKED_MESSAGE,
    STYLE_WARNING_MESSAGE,
    draft_offer,
    sent_offer,
)

pytestmark = pytest.mark.django_db


def rows() -> tuple[int, int, int, int]:
    return (
        Offer.objects.count(),
        OfferVersion.objects.count(),
        OfferEvent.objects.count(),
        AuditEvent.objects.count(),
    )


def test_sending_makes_version_1_with_the_hash_of_exactly_what_was_sent(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    expected = content.build(offer)
    with django_capture_on_commit_callbacks(execute=True):
        version = services.send_offer(offer, by=riverside_coordinator)
    offer.refresh_from_db()
    assert (offer.status, offer.version, version.number) == (OfferStatus.SENT, 1, 1)
    assert version.content == expected
    assert version.content_hash == content.content_hash(expected)
    sent = offer.events.get(action=OfferAction.SENT)
    assert sent.version == version
    assert sent.content_hash == version.content_hash
    [email] = mail.outbox
    assert email.to == ["alex@people.example"]
    assert f"/my-offers/{offer.pk}/" in email.body


def test_the_email_waits_for_the_transaction_to_commit(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.send_offer(offer, by=riverside_coordinator)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_style_warnings_must_be_acknowledged_before_sending(
    riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    services.change_terms(offer, by=riverside_coordinator, terms={"message": STYLE_WARNING_MESSAGE})
    before = rows()
    with pytest.raises(services.SendRefused) as refused:
        services.send_offer(offer, by=riverside_coordinator)
    assert (refused.value.missing, refused.value.blocking) == ([], [])
    assert [(w["rule"], w["excerpt"], w["field"]) for w in refused.value.warnings] == [
        ("unexplained_acronym", "DBS", "message")
    ]
    assert rows() == before
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT

    services.send_offer(offer, by=riverside_coordinator, acknowledge_warnings=True)
    sent = offer.events.get(action=OfferAction.SENT)
    assert [w["rule"] for w in sent.acknowledged_warnings] == ["unexplained_acronym"]


def test_speculation_blocks_sending_whatever_is_acknowledged(
    riverside_coordinator, expert_at_riverside
):
    """Issue 15: it was sent by ticking "I have read the warnings"; now it never is."""
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    services.change_terms(offer, by=riverside_coordinator, terms={"message": BLOCKED_MESSAGE})
    before = rows()
    with pytest.raises(services.SendRefused) as refused:
        services.send_offer(offer, by=riverside_coordinator, acknowledge_warnings=True)
    assert [(f["rule"], f["excerpt"], f["field"]) for f in refused.value.blocking] == [
        ("speculative", "hopefully", "message")
    ]
    assert rows() == before


def test_blocking_words_block_for_someone_who_reads_easy_read_too(
    riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.formats = ["easy_read"]
    expert_at_riverside.save()
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    services.change_terms(offer, by=riverside_coordinator, terms={"support": "We might help."})
    with pytest.raises(services.SendRefused) as refused:
        services.send_offer(offer, by=riverside_coordinator, acknowledge_warnings=True)
    assert [(f["rule"], f["field"]) for f in refused.value.blocking] == [("speculative", "support")]


def test_advice_alone_needs_no_acknowledgement(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    # 20 words: advice for most readers, not a warning.
    long = "We will meet in the small room on the second floor and the lift is next to the stairs."
    services.change_terms(offer, by=riverside_coordinator, terms={"message": long})
    assert services.send_offer(offer, by=riverside_coordinator).number == 1


def test_the_checker_is_stricter_for_someone_who_reads_easy_read(
    riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.formats = ["easy_read"]
    expert_at_riverside.save()
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    long = "We will meet in the small room on the second floor and the lift is next to the stairs."
    services.change_terms(offer, by=riverside_coordinator, terms={"message": long})
    with pytest.raises(services.SendRefused) as refused:
        services.send_offer(offer, by=riverside_coordinator)
    assert [w["rule"] for w in refused.value.warnings] == ["long_sentence"]


def test_versions_and_re_acceptance(riverside_coordinator, expert_at_riverside):
    alex = expert_at_riverside.user
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    first = services.accept_offer(offer, user=alex)
    v1 = OfferVersion.objects.get(offer=offer, number=1)
    assert (first.version, first.content_hash) == (v1, v1.content_hash)

    services.change_terms(offer, by=riverside_coordinator, terms={"message": "New dates below."})
    offer.refresh_from_db()
    assert offer.status == OfferStatus.DRAFT
    changed = offer.events.get(action=OfferAction.CHANGED, text__contains="It was accepted")
    assert "must be sent and accepted again" in changed.text
    with pytest.raises(Conflict, match="being changed"):
        services.accept_offer(offer, user=alex)

    v2 = services.send_offer(offer, by=riverside_coordinator)
    assert v2.number == 2
    assert v2.content_hash != v1.content_hash
    second = services.accept_offer(offer, user=alex)
    assert (second.version, second.content_hash) == (v2, v2.content_hash)

    first.refresh_from_db()
    assert first.content_hash == v1.content_hash
    v1.refresh_from_db()
    assert (
        v1.content["message"]
        == "We would like you to join us because you know what helps on a ward."
    )
    assert offer.events.filter(action=OfferAction.ACCEPTED).count() == 2


def test_saving_the_same_terms_leaves_a_sent_offer_as_it_is(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    before = rows()
    services.change_terms(
        offer, by=riverside_coordinator, terms={"adjustments": offer.terms["adjustments"]}
    )
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    assert rows() == before


def test_a_changed_opportunity_is_sent_again_as_a_new_version(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    offer.opportunity.paid_within_days = 7
    offer.opportunity.save()
    services.change_terms(offer, by=riverside_coordinator, terms={})
    assert offer.status == OfferStatus.DRAFT
    assert (
        services.send_offer(offer, by=riverside_coordinator).content["reward"]["paid_within_days"]
        == 7
    )


def test_accepting_twice_is_a_conflict(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    services.accept_offer(offer, user=expert_at_riverside.user)
    before = rows()
    with pytest.raises(Conflict, match="already been accepted") as refused:
        services.accept_offer(offer, user=expert_at_riverside.user)
    assert refused.value.status_code == 409
    assert rows() == before


def test_a_withdrawn_offer_cannot_be_accepted(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_offer(offer, by=riverside_coordinator)
    assert "withdrawn" in mail.outbox[-1].subject
    with pytest.raises(Conflict, match="withdrawn"):
        services.accept_offer(offer, user=expert_at_riverside.user)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.WITHDRAWN


def test_a_version_the_person_has_not_read_is_not_accepted(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    services.change_terms(offer, by=riverside_coordinator, terms={"message": "New dates below."})
    services.send_offer(offer, by=riverside_coordinator)
    with pytest.raises(Conflict, match="changed since you read it"):
        services.accept_offer(offer, user=expert_at_riverside.user, version=1)
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    accepted = services.accept_offer(offer, user=expert_at_riverside.user, version=2)
    assert accepted.version == OfferVersion.objects.get(offer=offer, number=2)


def test_declining_needs_no_reason_and_ends_the_offer(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    event = services.decline_offer(offer, user=expert_at_riverside.user)
    assert (event.action, event.text) == (OfferAction.DECLINED, "")
    assert event.version == OfferVersion.objects.get(offer=offer, number=1)
    with pytest.raises(Conflict, match="declined"):
        services.change_terms(offer, by=riverside_coordinator, terms={"message": "Please?"})
    with pytest.raises(Conflict):
        services.accept_offer(offer, user=expert_at_riverside.user)


def test_only_the_person_offered_answers_it(
    riverside_coordinator, expert_at_riverside, expert_at_both
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    for user in (riverside_coordinator.user, expert_at_both.user):
        with pytest.raises(NotAllowed):
            services.accept_offer(offer, user=user)
        with pytest.raises(NotAllowed):
            services.decline_offer(offer, user=user)
        with pytest.raises(NotAllowed):
            services.ask_question(offer, user=user, text="Why?")


def test_a_draft_never_sent_cannot_be_accepted(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="not been sent"):
        services.accept_offer(offer, user=expert_at_riverside.user)


def test_a_sent_offer_cannot_be_sent_again_unchanged(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="already been sent"):
        services.send_offer(offer, by=riverside_coordinator)
    assert OfferVersion.objects.filter(offer=offer).count() == 1

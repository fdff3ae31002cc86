"""Making an offer, its terms, and questions about it, in the services, with who may
do each."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.offers import services
from powerwith.offers.models import Offer, OfferAction, OfferEvent, OfferStatus, OfferVersion
from powerwith.people.models import PersonStatus
from tests.conftest import make_member
from tests.offers.factories import (
    complete_opportunity,
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


def test_it_makes_a_draft_offer_with_its_event_and_audit_record(
    riverside_coordinator, expert_at_riverside
):
    opportunity = complete_opportunity(riverside_coordinator)
    offer = services.create_offer(
        by=riverside_coordinator, opportunity=opportunity, person=expert_at_riverside
    )
    assert offer.status == OfferStatus.DRAFT
    assert offer.version == 0
    assert offer.organisation_id == riverside_coordinator.organisation_id
    assert [e.action for e in offer.events.all()] == [OfferAction.CREATED]
    assert AuditEvent.objects.filter(action="offer.created", target_id=str(offer.pk)).exists()


def test_it_refuses_a_second_live_offer_for_the_same_person_and_opportunity(
    riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    before = rows()
    with pytest.raises(Conflict, match="already has an offer"):
        services.create_offer(
            by=riverside_coordinator, opportunity=offer.opportunity, person=expert_at_riverside
        )
    assert rows() == before


def test_a_new_offer_can_be_made_once_the_last_is_withdrawn(
    riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    services.withdraw_offer(offer, by=riverside_coordinator)
    again = services.create_offer(
        by=riverside_coordinator, opportunity=offer.opportunity, person=expert_at_riverside
    )
    assert again.status == OfferStatus.DRAFT


def test_it_refuses_an_offer_to_someone_not_taking_part(riverside_coordinator, expert_at_riverside):
    expert_at_riverside.status = PersonStatus.PAUSED
    expert_at_riverside.save()
    with pytest.raises(Conflict, match="is taking a break"):
        services.create_offer(
            by=riverside_coordinator,
            opportunity=complete_opportunity(riverside_coordinator),
            person=expert_at_riverside,
        )
    assert Offer.objects.count() == 0


def test_it_refuses_an_offer_to_someone_not_on_the_register(
    riverside_coordinator, hillview_coordinator
):
    from tests.conftest import make_expert

    theirs = make_expert("kim@people.example", "Kim", hillview_coordinator.organisation)
    with pytest.raises(InvalidInput, match="not on your register"):
        services.create_offer(
            by=riverside_coordinator,
            opportunity=complete_opportunity(riverside_coordinator),
            person=theirs,
        )


@pytest.mark.parametrize("who", ["riverside_auditor", "riverside_contact"])
def test_only_coordinators_and_admins_make_offers(
    request, who, riverside_coordinator, expert_at_riverside
):
    membership = request.getfixturevalue(who)
    with pytest.raises(NotAllowed):
        services.create_offer(
            by=membership,
            opportunity=complete_opportunity(riverside_coordinator),
            person=expert_at_riverside,
        )


def test_another_organisation_cannot_offer_or_send_this_one(
    riverside_coordinator, hillview_coordinator, expert_at_both
):
    offer = draft_offer(riverside_coordinator, expert_at_both)
    with pytest.raises(NotAllowed):
        services.create_offer(
            by=hillview_coordinator, opportunity=offer.opportunity, person=expert_at_both
        )
    with pytest.raises(NotAllowed):
        services.send_offer(offer, by=hillview_coordinator)
    with pytest.raises(NotAllowed):
        services.change_terms(offer, by=hillview_coordinator, terms={"message": "Hello"})


def test_a_closed_opportunity_is_offered_to_no_one(riverside_coordinator, expert_at_riverside):
    opportunity = complete_opportunity(riverside_coordinator, status="cancelled")
    with pytest.raises(Conflict, match="cancelled"):
        services.create_offer(
            by=riverside_coordinator, opportunity=opportunity, person=expert_at_riverside
        )
    assert Offer.objects.count() == 0


def test_a_question_reaches_the_contact_person_and_the_answer_the_person(
    riverside, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    contact = make_member(riverside, "contact@riverside.example", "contact")
    offer = sent_offer(riverside_coordinator, expert_at_riverside, contact=contact.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        question = services.ask_question(
            offer, user=expert_at_riverside.user, text="  Is there parking?  "
        )
    assert question.text == "Is there parking?"
    assert question.version == OfferVersion.objects.get(offer=offer, number=1)
    [email] = mail.outbox
    assert email.to == ["contact@riverside.example"]
    assert "Is there parking?" not in email.body  # it may hold personal details

    with django_capture_on_commit_callbacks(execute=True):
        services.answer_question(offer, by=contact, text="Yes, two spaces by the door.")
    assert mail.outbox[-1].to == ["alex@people.example"]
    assert [e.action for e in offer.events.filter(action__in=["question", "answer"])] == [
        "question",
        "answer",
    ]


def test_a_contact_person_answers_only_for_work_they_are_appointed_to(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    with pytest.raises(NotAllowed):
        services.answer_question(offer, by=riverside_contact, text="Yes.")


def test_an_empty_question_is_refused(riverside_coordinator, expert_at_riverside):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    before = rows()
    with pytest.raises(InvalidInput, match="Write your question"):
        services.ask_question(offer, user=expert_at_riverside.user, text="   ")
    assert rows() == before


def test_unknown_terms_and_payment_methods_are_refused(riverside_coordinator, expert_at_riverside):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    before = rows()
    with pytest.raises(InvalidInput, match="Unknown term: salary"):
        services.change_terms(offer, by=riverside_coordinator, terms={"salary": "lots"})
    with pytest.raises(InvalidInput, match="Unknown payment method"):
        services.change_terms(offer, by=riverside_coordinator, terms={"payment_method": "cash"})
    assert rows() == before

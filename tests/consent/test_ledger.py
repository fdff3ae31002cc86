from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine
from django.http import Http404
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.consent.models import GENESIS_HASH, AppendOnly, ConsentEvent
from powerwith.consent.queries import consents_of
from powerwith.consent.services import grant_consent, reconfirm_consent, withdraw_consent
from powerwith.consent.wording import wording_hash
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from tests.consent.factories import opportunity_of


def own_membership(person, organisation):
    return person.user.memberships.get(organisation=organisation)


def test_it_records_a_grant_by_the_person_themself(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    state = grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    assert state.state == "given"
    event = ConsentEvent.objects.get()
    assert event.method == "self"
    assert event.wording_hash == wording_hash("publish")
    assert event.recorded_by == expert_at_riverside.user


def test_it_audits_every_event(expert_at_riverside, riverside_coordinator):
    grant_consent(
        person=expert_at_riverside, scope="take_part", actor=riverside_coordinator, method="verbal"
    )
    audit = AuditEvent.objects.get(action="consent.grant")
    assert audit.details["scope"] == "take_part"


def test_it_refuses_an_unknown_scope_naming_the_valid_ones(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    with pytest.raises(InvalidInput, match="share_narrative"):
        grant_consent(person=expert_at_riverside, scope="sell_my_soul", actor=me)
    assert not ConsentEvent.objects.exists()


def test_it_refuses_withdrawing_a_consent_never_given(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    with pytest.raises(Conflict, match="no consent to withdraw"):
        withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    assert not ConsentEvent.objects.exists()


def test_it_refuses_reconfirming_a_withdrawn_consent(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    with pytest.raises(Conflict, match="no consent to reconfirm"):
        reconfirm_consent(person=expert_at_riverside, scope="publish", actor=me)
    assert ConsentEvent.objects.count() == 2


def test_a_second_withdrawal_keeps_the_withdrawn_state_without_an_error(
    expert_at_riverside, riverside
):
    me = own_membership(expert_at_riverside, riverside)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    first = withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    second = withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    assert first == second
    assert second.state == "withdrawn"
    assert ConsentEvent.objects.count() == 2


def test_staff_must_say_how_the_person_gave_their_decision(
    expert_at_riverside, riverside_coordinator
):
    with pytest.raises(InvalidInput, match="verbal, written, supporter"):
        grant_consent(person=expert_at_riverside, scope="publish", actor=riverside_coordinator)
    state = grant_consent(
        person=expert_at_riverside,
        scope="publish",
        actor=riverside_coordinator,
        method="supporter",
    )
    assert state.is_given
    assert ConsentEvent.objects.get().method == "supporter"


def test_a_contact_person_may_record_on_the_persons_behalf(expert_at_riverside, riverside_contact):
    state = grant_consent(
        person=expert_at_riverside, scope="keep_contact", actor=riverside_contact, method="written"
    )
    assert state.is_given


def test_an_auditor_may_not_record_consent(expert_at_riverside, riverside_auditor):
    with pytest.raises(NotAllowed):
        grant_consent(
            person=expert_at_riverside, scope="publish", actor=riverside_auditor, method="verbal"
        )
    assert not ConsentEvent.objects.exists()


def test_another_organisations_staff_cannot_find_the_person(
    expert_at_riverside, hillview_coordinator
):
    with pytest.raises(Http404):
        grant_consent(
            person=expert_at_riverside,
            scope="publish",
            actor=hillview_coordinator,
            method="verbal",
        )


def test_another_expert_may_not_record_someone_elses_consent(
    expert_at_riverside, expert_at_both, riverside
):
    other = own_membership(expert_at_both, riverside)
    with pytest.raises(NotAllowed):
        grant_consent(person=expert_at_riverside, scope="publish", actor=other)


def test_consent_is_kept_per_context_and_per_organisation(
    expert_at_both, riverside, hillview, riverside_coordinator
):
    opportunity = opportunity_of(riverside_coordinator)
    at_riverside = own_membership(expert_at_both, riverside)
    grant_consent(person=expert_at_both, scope="take_part", actor=at_riverside)
    grant_consent(
        person=expert_at_both, scope="take_part", actor=at_riverside, opportunity=opportunity
    )
    withdraw_consent(person=expert_at_both, scope="take_part", actor=at_riverside)
    states = {(s.scope, s.opportunity_id): s.state for s in consents_of(expert_at_both, riverside)}
    assert states == {("take_part", None): "withdrawn", ("take_part", opportunity.pk): "given"}
    assert consents_of(expert_at_both, hillview) == []


def test_an_opportunity_of_another_organisation_is_refused(
    expert_at_both, hillview, riverside_coordinator
):
    opportunity = opportunity_of(riverside_coordinator)
    at_hillview = own_membership(expert_at_both, hillview)
    with pytest.raises(InvalidInput):
        grant_consent(
            person=expert_at_both, scope="take_part", actor=at_hillview, opportunity=opportunity
        )


def test_a_consent_lapses_when_not_reconfirmed_for_twelve_months(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    grant_consent(person=expert_at_riverside, scope="keep_contact", actor=me)
    with time_machine.travel(timezone.now() + timedelta(days=367)):
        (state,) = consents_of(expert_at_riverside, riverside)
        assert state.state == "lapsed"
        renewed = reconfirm_consent(person=expert_at_riverside, scope="keep_contact", actor=me)
        assert renewed.state == "given"


def test_events_cannot_be_changed_or_deleted_through_the_model(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    event = ConsentEvent.objects.get()
    event.scope = "monetise"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        ConsentEvent.objects.filter(pk=event.pk).update(scope="monetise")
    with pytest.raises(AppendOnly):
        ConsentEvent.objects.all().delete()
    assert ConsentEvent.objects.get().scope == "publish"


def test_each_event_chains_to_the_one_before_using_ids_not_names(expert_at_riverside, riverside):
    me = own_membership(expert_at_riverside, riverside)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    withdraw_consent(person=expert_at_riverside, scope="publish", actor=me)
    first, second = ConsentEvent.objects.order_by("id")
    assert first.previous_hash == GENESIS_HASH
    assert second.previous_hash == first.hash
    assert second.hash == second.compute_hash()
    canonical = json.loads(second.canonical())
    assert canonical["person"] == expert_at_riverside.pk
    text = second.canonical().decode()
    assert "Alex" not in text
    assert "alex@people.example" not in text

"""Outputs: what each may be used for is computed from the ledger, per use and per
contributor, and a withdrawal reaches every output at once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.consent.models import ConsentEvent, Output, UseChoice
from powerwith.consent.services import grant_consent, reconfirm_consent, withdraw_consent
from powerwith.consent.services.outputs import review_use
from powerwith.consent.usability import usability
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.engagements.models import BookingStatus
from powerwith.inbox.models import ActionNeeded
from tests.conftest import make_expert
from tests.consent.factories import finish, opportunity_of, output_of, own
from tests.engagements.factories import booked


@pytest.fixture
def alex(expert_at_riverside):
    return expert_at_riverside


def give(person, scope, opportunity=None, output=None, organisation=None):
    org_id = (output or opportunity).organisation_id if (output or opportunity) else organisation
    return grant_consent(
        person=person,
        scope=scope,
        actor=own(person, org_id),
        opportunity=opportunity,
        output_id=output.pk if output else None,
    )


def test_an_output_with_no_consent_is_not_usable_and_says_why(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    found = usability(output)
    assert found.usable == {
        "share_internally": False,
        "publish": False,
        "distribute": False,
        "monetise": False,
    }
    assert "Alex has not given consent to publish it." in found.blocked_reasons


def test_consent_for_the_opportunity_makes_each_use_usable(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    give(alex, "share_narrative", opportunity=output.opportunity)
    give(alex, "publish", opportunity=output.opportunity)
    found = usability(output)
    assert found.usable["share_internally"]
    assert found.usable["publish"]
    assert not found.usable["distribute"]


def test_every_contributor_must_agree(alex, riverside, riverside_coordinator):
    jo = make_expert("jo@people.example", "Jo", riverside)
    output = output_of(riverside_coordinator, alex, jo)
    give(alex, "publish", opportunity=output.opportunity)
    found = usability(output)
    assert not found.usable["publish"]
    assert "Jo has not given consent to publish it." in found.blocked_reasons
    give(jo, "publish", opportunity=output.opportunity)
    assert usability(output).usable["publish"]


def test_a_use_not_intended_is_never_usable(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex, uses=["share_internally"])
    give(alex, "publish", opportunity=output.opportunity)
    assert not usability(output).usable["publish"]


def test_withdrawing_for_one_output_leaves_the_others(alex, riverside_coordinator):
    first = output_of(riverside_coordinator, alex, title="First")
    second = output_of(riverside_coordinator, alex, opportunity=first.opportunity, title="Second")
    give(alex, "publish", opportunity=first.opportunity)
    withdraw_consent(
        person=alex, scope="publish", actor=own(alex, first.organisation_id), output_id=first.pk
    )
    assert not usability(first).usable["publish"]
    assert usability(second).usable["publish"]


def test_a_later_wider_withdrawal_reaches_an_output_level_consent(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    give(alex, "publish", output=output)
    give(alex, "publish", opportunity=output.opportunity)
    withdraw_consent(
        person=alex,
        scope="publish",
        actor=own(alex, output.organisation_id),
        opportunity=output.opportunity,
    )
    found = usability(output)
    assert not found.usable["publish"]
    assert any("for all of this opportunity's work" in r for r in found.blocked_reasons)


def test_a_lapsed_consent_counts_as_not_given_by_the_organisations_period(
    alex, riverside, riverside_coordinator, time_machine
):
    output = output_of(riverside_coordinator, alex)
    time_machine.move_to(timezone.now() - timedelta(days=200), tick=False)
    give(alex, "publish", opportunity=output.opportunity)
    time_machine.move_to(timezone.now() + timedelta(days=200), tick=False)
    assert usability(output).usable["publish"]  # 12 months by default
    riverside.reconfirm_months = 6
    riverside.save()
    output = Output.objects.select_related("organisation", "opportunity").get(pk=output.pk)
    found = usability(output)
    assert not found.usable["publish"]
    assert any("lapsed" in r for r in found.blocked_reasons)


def test_after_the_work_each_contributor_reconfirms_each_outward_use(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    for scope in ("share_narrative", "publish"):
        give(alex, scope, opportunity=output.opportunity)
    give(alex, "distribute", output=output)  # before the work finished
    finish(output.opportunity, riverside_coordinator)
    output.refresh_from_db()
    found = usability(output)
    assert found.usable["share_internally"]  # internal use at most
    assert not found.usable["publish"]
    assert not found.usable["distribute"]
    assert any(
        "needs to reconfirm that this output can be published" in r for r in found.blocked_reasons
    )
    me = own(alex, output.organisation_id)
    review_use(person=alex, output=output, use="publish", answer="yes", actor=me)
    review_use(person=alex, output=output, use="distribute", answer="yes", actor=me)
    found = usability(output)
    assert found.usable["publish"]
    assert found.usable["distribute"]


def test_an_expiry_date_ends_a_use_by_itself(alex, riverside_coordinator, time_machine):
    output = output_of(riverside_coordinator, alex)
    me = own(alex, output.organisation_id)
    give(alex, "publish", opportunity=output.opportunity)
    ends = timezone.localdate() + timedelta(days=10)
    review_use(
        person=alex,
        output=output,
        use="publish",
        answer="yes",
        actor=me,
        named=True,
        expires_on=ends,
    )
    found = usability(output)
    assert found.usable["publish"]
    assert found.decisions_for("publish")[0].named
    time_machine.move_to(timezone.now() + timedelta(days=11), tick=False)
    found = usability(output)
    assert not found.usable["publish"]
    assert any("that has ended" in r for r in found.blocked_reasons)


def test_saying_no_for_one_output_withdraws_it_there_only(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    give(alex, "publish", opportunity=output.opportunity)
    me = own(alex, output.organisation_id)
    assert (
        review_use(person=alex, output=output, use="publish", answer="no", actor=me) == "withdraw"
    )
    assert not usability(output).usable["publish"]
    event = ConsentEvent.objects.latest("id")
    assert (event.action, event.output_id, event.opportunity_id) == (
        "withdraw",
        output.pk,
        output.opportunity_id,
    )


def test_saying_no_to_what_was_never_given_writes_nothing(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    with pytest.raises(Conflict):
        review_use(
            person=alex,
            output=output,
            use="publish",
            answer="no",
            actor=own(alex, output.organisation_id),
        )
    assert not ConsentEvent.objects.exists()
    assert not UseChoice.objects.exists()


def test_a_past_expiry_date_is_refused(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    with pytest.raises(InvalidInput):
        review_use(
            person=alex,
            output=output,
            use="publish",
            answer="yes",
            actor=own(alex, output.organisation_id),
            expires_on=timezone.localdate(),
        )
    assert not ConsentEvent.objects.exists()


def test_a_consent_for_an_output_must_name_one_the_person_contributed_to(
    alex, riverside, riverside_coordinator
):
    jo = make_expert("jo@people.example", "Jo", riverside)
    output = output_of(riverside_coordinator, jo)
    with pytest.raises(InvalidInput):
        give(alex, "publish", output=output)
    with pytest.raises(InvalidInput):
        grant_consent(person=alex, scope="publish", actor=own(alex, riverside.pk), output_id=99999)
    assert not ConsentEvent.objects.exists()


def test_withdrawal_gives_the_owner_and_the_contact_person_a_take_down_task(
    alex, riverside_coordinator, riverside_contact
):
    opportunity = opportunity_of(riverside_coordinator)
    opportunity.contact_user = riverside_contact.user
    opportunity.save()
    output = output_of(riverside_coordinator, alex, opportunity=opportunity)
    give(alex, "publish", opportunity=opportunity)
    withdraw_consent(
        person=alex,
        scope="publish",
        actor=own(alex, output.organisation_id),
        opportunity=opportunity,
    )
    tasks = ActionNeeded.objects.filter(kind="take_down")
    assert {t.assignee_id for t in tasks} == {
        riverside_coordinator.user_id,
        riverside_contact.user_id,
    }
    assert all(t.link == f"/outputs/{output.pk}/" for t in tasks)
    assert all("Alex's story" in t.title for t in tasks)


def test_a_second_withdrawal_raises_no_second_task(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    give(alex, "publish", opportunity=output.opportunity)
    for _ in range(2):
        withdraw_consent(
            person=alex,
            scope="publish",
            actor=own(alex, output.organisation_id),
            opportunity=output.opportunity,
        )
    assert ActionNeeded.objects.filter(kind="take_down").count() == 1


def test_withdrawing_take_part_cancels_future_sessions(alex, riverside_coordinator):
    # Withdrawing take part is leaving the work: the workflow that does both.
    from powerwith.workflows.leaving import withdraw_consent as withdraw_and_leave

    booking = booked(riverside_coordinator, alex)
    withdraw_and_leave(
        person=alex,
        scope="take_part",
        actor=own(alex, booking.session.opportunity.organisation_id),
        opportunity=booking.session.opportunity,
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_reconfirming_for_an_output_acts_on_the_consent_it_inherits(alex, riverside_coordinator):
    output = output_of(riverside_coordinator, alex)
    give(alex, "publish", opportunity=output.opportunity)
    state = reconfirm_consent(
        person=alex, scope="publish", actor=own(alex, output.organisation_id), output_id=output.pk
    )
    assert state.state == "given"
    assert state.output_id == output.pk


def test_a_recording_also_needs_consent_to_be_recorded(alex, riverside_coordinator):
    from powerwith.consent.services.outputs import OutputInput, create_output

    opportunity = opportunity_of(riverside_coordinator)
    output = create_output(
        by=riverside_coordinator,
        data=OutputInput(
            opportunity_id=opportunity.pk,
            title="Interview",
            kind="recording",
            contributors=[alex.pk],
            uses=["share_internally"],
        ),
    )
    give(alex, "share_narrative", opportunity=opportunity)
    found = usability(output)
    assert not found.usable["share_internally"]
    assert "Alex has not given consent to be recorded." in found.blocked_reasons
    give(alex, "be_recorded", opportunity=opportunity)
    assert usability(output).usable["share_internally"]
    withdraw_consent(
        person=alex,
        scope="be_recorded",
        actor=own(alex, output.organisation_id),
        opportunity=opportunity,
    )
    assert not usability(output).usable["share_internally"]
    assert ActionNeeded.objects.filter(kind="take_down", link=f"/outputs/{output.pk}/").exists()

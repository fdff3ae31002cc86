"""Training Standard 1.5 evidence: who was involved, named only as each person consented,
with only the experience they share; on what terms; the Standard's two statements."""

from __future__ import annotations

from decimal import Decimal

import pytest

from powerwith.accounts.models import AuditEvent, Membership
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.evaluation.services.learning import record_impact
from powerwith.evaluation.services.training import record_lived_experience_first
from powerwith.payments.services.choices import record_reward_choice
from powerwith.people.models import OrganisationLink, Person
from powerwith.people.services import ExperienceInput
from powerwith.reports.training import evidence_for
from powerwith.reports.training.naming import ANONYMOUS
from tests.reports.factories import (
    RESTRAINT,
    booked_on,
    consent_to,
    course,
    expert,
    involve,
    withdraw,
)

pytestmark = pytest.mark.django_db

TRAUMA = ExperienceInput(code="direct.trauma", setting="mental_health")


def _names(membership: Membership, opportunity_id: int) -> list[str]:
    return [c.name for c in evidence_for(membership, opportunity_id).contributors]


def test_a_person_who_has_not_consented_to_be_quoted_is_an_expert_by_experience(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    involve(riverside_coordinator, expert(riverside_coordinator, "Robin", RESTRAINT), training)
    assert _names(riverside_coordinator, training.pk) == [ANONYMOUS]


def test_a_person_who_consented_to_be_quoted_for_the_course_is_named(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin", RESTRAINT)
    involve(riverside_coordinator, robin, training)
    consent_to(robin, training, "be_quoted", riverside_coordinator)
    report = evidence_for(riverside_coordinator, training.pk)
    assert [c.name for c in report.contributors] == ["Robin"]
    assert report.contributors[0].named


def test_consent_to_be_quoted_for_all_the_work_names_them_too(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    consent_to(robin, None, "be_quoted", riverside_coordinator)
    assert _names(riverside_coordinator, training.pk) == ["Robin"]


def test_sharing_the_profile_is_not_consent_to_be_named(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    consent_to(robin, None, "share_profile", riverside_coordinator)
    consent_to(robin, training, "take_part", riverside_coordinator)
    assert _names(riverside_coordinator, training.pk) == [ANONYMOUS]


def test_a_withdrawn_consent_to_be_quoted_takes_the_name_out(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    consent_to(robin, training, "be_quoted", riverside_coordinator)
    assert _names(riverside_coordinator, training.pk) == ["Robin"]
    withdraw(robin, training, "be_quoted", riverside_coordinator)
    assert _names(riverside_coordinator, training.pk) == [ANONYMOUS]


def test_consent_for_another_course_does_not_name_them(
    riverside_coordinator: Membership,
) -> None:
    training, other = course(riverside_coordinator), course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    involve(riverside_coordinator, robin, other)
    consent_to(robin, other, "be_quoted", riverside_coordinator)
    assert _names(riverside_coordinator, training.pk) == [ANONYMOUS]
    assert _names(riverside_coordinator, other.pk) == ["Robin"]


def test_an_auditor_never_sees_a_name_whatever_the_consent(
    riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin", RESTRAINT)
    involve(riverside_coordinator, robin, training)
    consent_to(robin, training, "be_quoted", riverside_coordinator)
    report = evidence_for(riverside_auditor, training.pk)
    assert report.anonymised
    assert [c.name for c in report.contributors] == [ANONYMOUS]
    assert report.contributors[0].restraint


def test_only_the_experience_shared_with_the_organisation_is_shown(
    riverside_coordinator: Membership, hillview_coordinator: Membership
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin", RESTRAINT, TRAUMA)
    involve(riverside_coordinator, robin, training)
    [contributor] = evidence_for(riverside_coordinator, training.pk).contributors
    assert contributor.experience == [
        "Experience of restrictive interventions, for example physical or chemical restraint "
        "(such as rapid tranquilisation) (physical restraint), in mental health",
        "Trauma, giving the psychological and emotional context for any of these experiences, "
        "in mental health",
    ]


def test_a_person_no_longer_linked_shares_no_experience(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin", RESTRAINT)
    involve(riverside_coordinator, robin, training)
    OrganisationLink.objects.filter(person=robin).delete()
    [contributor] = evidence_for(riverside_coordinator, training.pk).contributors
    assert contributor.experience == []
    assert not contributor.restraint


def test_the_first_statement_is_met_with_someone_with_direct_experience_of_restraint(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    involve(riverside_coordinator, expert(riverside_coordinator, "Robin", RESTRAINT), training)
    involve(riverside_coordinator, expert(riverside_coordinator, "Kit", TRAUMA), training)
    helped = evidence_for(riverside_coordinator, training.pk).statements[0]
    assert helped.state == "met"
    assert "1 of the 2" in helped.evidence


def test_the_first_statement_is_not_met_without_experience_of_restraint(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    involve(riverside_coordinator, expert(riverside_coordinator, "Kit", TRAUMA), training)
    assert evidence_for(riverside_coordinator, training.pk).statements[0].state == "not_met"


def test_the_first_statement_is_not_met_with_nobody_involved(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    assert evidence_for(riverside_coordinator, training.pk).statements[0].state == "not_met"


def test_the_first_statement_is_not_recorded_when_nobody_shares_any_experience(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    involve(riverside_coordinator, expert(riverside_coordinator, "Kit"), training)
    assert evidence_for(riverside_coordinator, training.pk).statements[0].state == "not_recorded"


def test_the_second_statement_is_what_the_coordinator_recorded(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    assert evidence_for(riverside_coordinator, training.pk).statements[1].state == "not_recorded"
    session = training.sessions.get()
    record_lived_experience_first(
        by=riverside_coordinator,
        opportunity=training,
        lived_experience_first=True,
        how="Robin spoke first, for half an hour.",
        session_id=session.pk,
    )
    heard = evidence_for(riverside_coordinator, training.pk).statements[1]
    assert (heard.state, heard.evidence) == ("met", "Robin spoke first, for half an hour.")
    record_lived_experience_first(
        by=riverside_coordinator, opportunity=training, lived_experience_first=False
    )
    assert evidence_for(riverside_coordinator, training.pk).statements[1].state == "not_met"
    assert AuditEvent.objects.filter(action="training.lived_experience_first_recorded").count() == 2


def test_saying_yes_needs_how_it_was_done(riverside_coordinator: Membership) -> None:
    training = course(riverside_coordinator)
    with pytest.raises(InvalidInput) as error:
        record_lived_experience_first(
            by=riverside_coordinator, opportunity=training, lived_experience_first=True
        )
    assert error.value.field == "how"


def test_the_session_must_be_one_of_the_courses(riverside_coordinator: Membership) -> None:
    training, other = course(riverside_coordinator), course(riverside_coordinator)
    with pytest.raises(InvalidInput):
        record_lived_experience_first(
            by=riverside_coordinator,
            opportunity=training,
            lived_experience_first=False,
            session_id=other.sessions.get().pk,
        )


def test_a_non_training_opportunity_cannot_have_evidence_recorded(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator, focus=["service_design"])
    with pytest.raises(InvalidInput):
        record_lived_experience_first(
            by=riverside_coordinator, opportunity=training, lived_experience_first=False
        )


def test_an_auditor_cannot_record(
    riverside_coordinator: Membership, riverside_auditor: Membership
) -> None:
    training = course(riverside_coordinator)
    with pytest.raises(NotAllowed):
        record_lived_experience_first(
            by=riverside_auditor, opportunity=training, lived_experience_first=False
        )


def test_terms_come_from_the_accepted_offer(riverside_coordinator: Membership) -> None:
    training = course(riverside_coordinator)
    involve(riverside_coordinator, expert(riverside_coordinator, "Robin"), training)
    [contributor] = evidence_for(riverside_coordinator, training.pk).contributors
    assert contributor.terms == "Paid by the hour: £25.00"
    assert not contributor.voluntary


def test_work_is_voluntary_only_by_the_persons_recorded_choice(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    assert robin.user is not None
    own = Membership.objects.get(user=robin.user, organisation=riverside_coordinator.organisation)
    record_reward_choice(
        person=robin, opportunity=training, choice="decline", reason="I want to give back.", by=own
    )
    [contributor] = evidence_for(riverside_coordinator, training.pk).contributors
    assert contributor.terms == "Voluntary, by their own recorded choice"
    assert contributor.voluntary


def test_voluntary_terms_without_the_persons_choice_say_so(
    riverside_coordinator: Membership,
) -> None:
    training = course(
        riverside_coordinator, reward_basis="voluntary", reward_amount=None, paid_within_days=None
    )
    involve(riverside_coordinator, expert(riverside_coordinator, "Robin"), training)
    [contributor] = evidence_for(riverside_coordinator, training.pk).contributors
    assert contributor.terms == "Voluntary, but the person's own choice is not recorded"


def test_a_lower_fee_by_choice_shows_the_amount(riverside_coordinator: Membership) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    own = Membership.objects.get(user=robin.user, organisation=riverside_coordinator.organisation)
    record_reward_choice(
        person=robin, opportunity=training, choice="less", amount=Decimal("10.00"), by=own
    )
    [contributor] = evidence_for(riverside_coordinator, training.pk).contributors
    assert contributor.terms.startswith("Paid by the hour: £10.00, less than offered")


def test_sessions_booked_show_for_each_person_and_impact_is_listed(
    riverside_coordinator: Membership,
) -> None:
    training = course(riverside_coordinator)
    robin = expert(riverside_coordinator, "Robin")
    involve(riverside_coordinator, robin, training)
    booked_on(riverside_coordinator, robin, training)
    record_impact(
        by=riverside_coordinator,
        opportunity=training,
        you_said="Start with what restraint feels like.",
        we_did="The course opens with a lived-experience session.",
        contributor_ids=[robin.pk],
        standards=["impact"],
    )
    report = evidence_for(riverside_coordinator, training.pk)
    [contributor] = report.contributors
    assert [t.attended for t in contributor.sessions] == [False]
    assert report.sessions[0].booked == 1
    assert [e.we_did for e in report.impact] == [
        "The course opens with a lived-experience session."
    ]


def test_people_are_listed_named_first_then_anonymous(riverside_coordinator: Membership) -> None:
    training = course(riverside_coordinator)
    people: list[Person] = [expert(riverside_coordinator, n) for n in ("Zed", "Ash", "Max")]
    for person in people:
        involve(riverside_coordinator, person, training)
    consent_to(people[0], training, "be_quoted", riverside_coordinator)
    consent_to(people[1], training, "be_quoted", riverside_coordinator)
    assert _names(riverside_coordinator, training.pk) == ["Ash", "Zed", ANONYMOUS]

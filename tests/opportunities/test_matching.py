"""Matching: essential experience is a hard filter, the rest ranks, every result says why,
and work is spread fairly."""

from __future__ import annotations

import pytest

from powerwith.accounts.services import create_organisation
from powerwith.engagements.models import Session
from powerwith.matching.matches import matches_for
from powerwith.opportunities.services import RequirementInput
from powerwith.people.services import update_person
from tests.conftest import make_member
from tests.opportunities.factories import SECLUSION, opportunity, person, worked

pytestmark = pytest.mark.django_db

RESTRAINT = "direct.restrictive_interventions"
CRISIS = "direct.crisis"
TRIBUNAL = "direct.mh_tribunal"
CARER_TRAINING = "indirect.carer_training"
BEHAVIOURS = "indirect.behaviours_of_concern"


def names(matches):
    return [m.preferred_name for m in matches]


def test_it_leaves_out_anyone_missing_an_essential_experience(riverside_coordinator):
    by = riverside_coordinator
    person(by, "Niña", (CRISIS, "mental_health"), (RESTRAINT, "mental_health"))
    person(by, "O'Hare", (CRISIS, "mental_health"))
    person(by, "Nguyễn", (RESTRAINT, "learning_disability"), (CRISIS, "mental_health"))
    wanted = opportunity(
        by,
        RequirementInput(RESTRAINT, "mental_health", essential=True),
        RequirementInput(CRISIS, essential=True),
    )
    assert names(matches_for(by, wanted)) == ["Niña"]


def test_an_essential_requirement_without_a_setting_accepts_any_setting(riverside_coordinator):
    by = riverside_coordinator
    person(by, "王芳", (RESTRAINT, "learning_disability"))
    person(by, "Bea", (RESTRAINT, ""))
    person(by, "Cal", (CRISIS, "learning_disability"))
    wanted = opportunity(by, RequirementInput(RESTRAINT, essential=True))
    assert names(matches_for(by, wanted)) == ["Bea", "王芳"]


def test_an_essential_restrictive_intervention_must_be_the_one_named(
    riverside_coordinator, riverside_admin
):
    by = riverside_coordinator
    secluded = person(by, "Ada")
    restrained = person(by, "Bo")
    from powerwith.people.services import ExperienceInput, replace_experience

    for who, intervention in [(secluded, "seclusion"), (restrained, "physical_restraint")]:
        replace_experience(
            who,
            user=by.user,
            membership=by,
            entries=[ExperienceInput(RESTRAINT, "mental_health", intervention)],
        )
    assert names(matches_for(by, opportunity(by, SECLUSION))) == ["Ada"]


def test_desirable_experience_ranks_and_is_explained(riverside_coordinator):
    by = riverside_coordinator
    person(by, "Both", (CARER_TRAINING, "community"), (TRIBUNAL, "mental_health"))
    person(by, "Kind only", (CARER_TRAINING, "community"), (CRISIS, "mental_health"))
    person(by, "Neither", (CARER_TRAINING, "community"), (BEHAVIOURS, "dementia"))
    wanted = opportunity(
        by,
        RequirementInput(CARER_TRAINING, essential=True),
        RequirementInput(TRIBUNAL, "mental_health"),
    )
    both, kind_only, neither = matches_for(by, wanted)
    assert [both.preferred_name, kind_only.preferred_name, neither.preferred_name] == [
        "Both",
        "Kind only",
        "Neither",
    ]
    assert both.score > kind_only.score > neither.score
    assert both.reasons[:3] == [
        "Has the essential experience: Specifying or evaluating carer training packages",
        "Has the desirable experience: Participating in a mental health tribunal, in mental health",
        "Has experience in: mental health",
    ]
    assert both.missing == []
    # Partly met: named once, as missing, with what partly meets it.
    assert not any("tribunal" in reason for reason in kind_only.reasons)
    assert kind_only.missing == [
        "Desirable experience: Participating in a mental health tribunal, in mental health "
        "(partly met by other direct experience)"
    ]
    assert neither.missing == [
        "Desirable experience: Participating in a mental health tribunal, in mental health",
        "No experience recorded in: mental health",
    ]
    assert not any("other direct" in item for item in neither.reasons + neither.missing)


def test_the_same_item_in_another_setting_earns_more_than_other_experience_of_its_kind(
    riverside_coordinator,
):
    by = riverside_coordinator
    person(by, "Elsewhere", (CARER_TRAINING, ""), (TRIBUNAL, "secure_forensic"))
    person(by, "Kind only", (CARER_TRAINING, ""), (CRISIS, "secure_forensic"))
    wanted = opportunity(
        by,
        RequirementInput(CARER_TRAINING, essential=True),
        RequirementInput(TRIBUNAL, "mental_health"),
    )
    elsewhere, kind_only = matches_for(by, wanted)
    assert (elsewhere.preferred_name, kind_only.preferred_name) == ("Elsewhere", "Kind only")
    assert elsewhere.score > kind_only.score
    assert not any("tribunal" in reason for reason in elsewhere.reasons)
    assert elsewhere.missing == [
        "Desirable experience: Participating in a mental health tribunal, in mental health "
        "(partly met: has participating in a mental health tribunal, but not recorded in "
        "mental health)",
        "No experience recorded in: mental health",
    ]


def test_setting_mode_days_and_interests_rank_and_are_explained(riverside_coordinator):
    by = riverside_coordinator
    person(
        by,
        "Suited",
        (CRISIS, "secure_forensic"),
        available_modes=["video"],
        available_days=["tue"],
        interests=["designing_training"],
    )
    person(by, "Unsuited", (CRISIS, "community"), available_modes=["in_person"])
    wanted = opportunity(
        by,
        RequirementInput(CRISIS, essential=True),
        RequirementInput(TRIBUNAL, "secure_forensic"),
        location_mode="video",
        focus=["designing_training", "peer_support"],
    )
    # A Tuesday, 10:00 in London.
    from datetime import UTC, datetime

    Session.objects.create(
        opportunity=wanted, starts_at=datetime(2027, 1, 12, 10, tzinfo=UTC), minutes=60
    )
    suited, unsuited = matches_for(by, wanted)
    assert suited.preferred_name == "Suited"
    assert suited.score > unsuited.score
    assert "Has experience in: secure or forensic services" in suited.reasons
    assert "Can take part by video call" in suited.reasons
    assert "Usually available on the days of the sessions: Tuesday" in suited.reasons
    assert "Interested in: designing training sessions or courses" in suited.reasons
    assert unsuited.missing == [
        "Desirable experience: Participating in a mental health tribunal, in secure or "
        "forensic services (partly met by other direct experience)",
        "No experience recorded in: secure or forensic services",
        "Has not said they can take part by video call",
        "Not known to be available on: Tuesday",
        "Has not said they are interested in this kind of work",
    ]


def test_people_with_fewer_recent_paid_hours_rank_higher(riverside_coordinator):
    by = riverside_coordinator
    busy = person(by, "Aaron", (CRISIS, "community"))
    person(by, "Zara", (CRISIS, "community"))
    wanted = opportunity(by, RequirementInput(CRISIS, essential=True))
    worked(busy, opportunity(by, title="Panel"), 180)
    first, second = matches_for(by, wanted)
    assert (first.preferred_name, second.preferred_name) == ("Zara", "Aaron")
    assert first.score == 1.0
    assert second.score < 1.0
    assert first.reasons[-1] == (
        "No paid work here in the last 12 months, so ranked above people who have had more"
    )
    assert second.reasons[-1] == (
        "3 paid hours here in the last 12 months, so the score is lowered by 7% to share "
        "out work fairly"
    )
    assert second.paid_hours == 3


def test_with_a_fairness_weight_of_zero_the_boost_vanishes(riverside, riverside_coordinator):
    by = riverside_coordinator
    busy = person(by, "Aaron", (CRISIS, "community"))
    person(by, "Zara", (CRISIS, "community"))
    worked(busy, opportunity(by, title="Panel"), 600)
    riverside.fairness_weight = 0
    riverside.save()
    wanted = opportunity(by, RequirementInput(CRISIS, essential=True))
    first, second = matches_for(by, wanted)
    assert (first.preferred_name, second.preferred_name) == ("Aaron", "Zara")
    assert first.score == second.score == 1.0
    assert not any("paid" in reason for reason in first.reasons)


@pytest.mark.parametrize(
    ("reward_basis", "days_ago", "attended"),
    [("voluntary", 30, True), ("hourly", 400, True), ("hourly", 30, False), ("hourly", -7, True)],
    ids=["voluntary work", "work over 12 months ago", "booked but absent", "future session"],
)
def test_work_that_is_not_recent_paid_work_does_not_count(
    riverside_coordinator, reward_basis, days_ago, attended
):
    by = riverside_coordinator
    aaron = person(by, "Aaron", (CRISIS, "community"))
    person(by, "Zara", (CRISIS, "community"))
    earlier = opportunity(by, title="Earlier work", reward_basis=reward_basis)
    worked(aaron, earlier, 600, days_ago=days_ago, attended=attended)
    first, second = matches_for(by, opportunity(by, RequirementInput(CRISIS, essential=True)))
    assert (first.preferred_name, second.preferred_name) == ("Aaron", "Zara")
    assert first.score == second.score == 1.0
    assert first.paid_hours == 0


def test_paid_work_for_another_organisation_does_not_count(
    riverside_coordinator, hillview_coordinator, expert_at_both
):
    from powerwith.people.services import ExperienceInput, replace_experience

    replace_experience(
        expert_at_both,
        user=expert_at_both.user,
        membership=None,
        entries=[ExperienceInput(CRISIS, "community")],
    )
    person(riverside_coordinator, "Zara", (CRISIS, "community"))
    worked(expert_at_both, opportunity(hillview_coordinator, title="Hillview panel"), 900)
    wanted = opportunity(riverside_coordinator, RequirementInput(CRISIS, essential=True))
    results = matches_for(riverside_coordinator, wanted)
    assert names(results) == ["Sam", "Zara"]
    assert {m.score for m in results} == {1.0}


def test_paused_and_left_people_never_appear(riverside_coordinator):
    by = riverside_coordinator
    person(by, "Active", (CRISIS, "community"))
    for name, status in [("Paused", "paused"), ("Left", "left")]:
        who = person(by, name, (CRISIS, "community"))
        update_person(who, user=by.user, membership=by, changes={"status": status})
    wanted = opportunity(by, RequirementInput(CRISIS, "community"))
    assert names(matches_for(by, wanted)) == ["Active"]


def test_people_of_another_organisation_never_appear(riverside_coordinator, hillview_coordinator):
    person(riverside_coordinator, "Riverside person", (CRISIS, "community"))
    person(hillview_coordinator, "Hillview person", (CRISIS, "community"))
    wanted = opportunity(riverside_coordinator, RequirementInput(CRISIS, "community"))
    assert names(matches_for(riverside_coordinator, wanted)) == ["Riverside person"]


def test_another_organisations_opportunity_is_not_found(
    riverside_coordinator, hillview_coordinator
):
    from django.http import Http404

    theirs = opportunity(hillview_coordinator)
    with pytest.raises(Http404):
        matches_for(riverside_coordinator, theirs)


def test_a_third_organisations_register_is_just_as_separate(riverside_coordinator):
    elsewhere = make_member(
        create_organisation(name="Elsewhere Trust"), "coordinator@elsewhere.example", "coordinator"
    )
    person(elsewhere, "Elsewhere person", (CRISIS, "community"))
    assert matches_for(riverside_coordinator, opportunity(riverside_coordinator)) == []


def test_it_returns_at_most_the_limit_best_first(riverside_coordinator):
    by = riverside_coordinator
    for number in range(6):
        experience = [(CRISIS, "community")] + ([(TRIBUNAL, "")] if number % 2 else [])
        person(by, f"Person {number}", *experience)
    wanted = opportunity(by, RequirementInput(CRISIS, essential=True), RequirementInput(TRIBUNAL))
    top = matches_for(by, wanted, limit=3)
    assert names(top) == ["Person 1", "Person 3", "Person 5"]


def test_an_auditor_may_not_see_matches(riverside_auditor, riverside_coordinator):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        matches_for(riverside_auditor, opportunity(riverside_coordinator))

"""Creating an opportunity and its required experience: codes checked against the Schedule
of Experience, nothing written on bad input, every change audited."""

from __future__ import annotations

import pytest

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.opportunities.models import Opportunity, RequiredExperience
from powerwith.opportunities.services import (
    RequirementInput,
    create_opportunity,
    update_requirements,
)
from tests.opportunities.factories import opportunity

pytestmark = pytest.mark.django_db


def test_it_creates_an_opportunity_with_its_requirements_and_audits_it(riverside_coordinator):
    made = create_opportunity(
        by=riverside_coordinator,
        data={"title": "  Panel  ", "level": "participation", "focus": ["peer_support"]},
        requirements=[
            RequirementInput("direct.crisis", "mental_health", essential=True),
            RequirementInput("indirect.carer_training"),
        ],
    )
    assert made.title == "Panel"
    assert made.organisation == riverside_coordinator.organisation
    assert made.status == "draft"
    assert [(r.code, r.setting, r.essential) for r in made.required_experience.all()] == [
        ("direct.crisis", "mental_health", True),
        ("indirect.carer_training", "", False),
    ]
    event = AuditEvent.objects.get(action="opportunity.created")
    assert event.actor == riverside_coordinator.user
    assert event.target_id == str(made.pk)


@pytest.mark.parametrize(
    ("requirement", "message"),
    [
        (RequirementInput("direct.flying"), "unknown experience code 'direct.flying'"),
        (RequirementInput("direct.crisis", "moon_base"), "unknown setting 'moon_base'"),
        (
            RequirementInput("direct.restrictive_interventions", intervention="tickling"),
            "unknown restrictive intervention 'tickling'",
        ),
        (
            RequirementInput("direct.crisis", intervention="seclusion"),
            "belongs only with experience of restrictive interventions",
        ),
    ],
)
def test_unknown_codes_are_refused_naming_the_valid_ones_and_nothing_is_written(
    riverside_coordinator, requirement, message
):
    with pytest.raises(InvalidInput) as refused:
        create_opportunity(
            by=riverside_coordinator, data={"title": "Panel"}, requirements=[requirement]
        )
    assert message in refused.value.message
    assert refused.value.status_code == 422
    assert not Opportunity.objects.exists()


def test_the_message_for_an_unknown_code_lists_the_valid_codes(riverside_coordinator):
    with pytest.raises(InvalidInput) as refused:
        create_opportunity(
            by=riverside_coordinator,
            data={"title": "Panel"},
            requirements=[RequirementInput("nope")],
        )
    assert "direct.crisis" in refused.value.message
    assert "indirect.adverse_incidents" in refused.value.message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "Enter a title for the opportunity."),
        ({"title": "x" * 201}, "The title must be 200 characters or fewer."),
        ({"title": "Panel", "level": "tokenism"}, "Unknown level 'tokenism'"),
        ({"title": "Panel", "focus": ["juggling"]}, "Unknown focus: juggling"),
        ({"title": "Panel", "colour": "red"}, "Unknown field: colour."),
    ],
)
def test_bad_opportunity_fields_are_refused(riverside_coordinator, data, message):
    with pytest.raises(InvalidInput, match=message):
        create_opportunity(by=riverside_coordinator, data=data)
    assert not Opportunity.objects.exists()


@pytest.mark.parametrize("who", ["riverside_auditor", "riverside_contact"])
def test_only_coordinators_and_admins_create_opportunities(request, who):
    with pytest.raises(NotAllowed):
        create_opportunity(by=request.getfixturevalue(who), data={"title": "Panel"})


def test_an_admin_creates_opportunities_too(riverside_admin):
    assert create_opportunity(by=riverside_admin, data={"title": "Panel"}).pk


def test_the_same_requirement_twice_is_kept_once(riverside_coordinator):
    same = RequirementInput("direct.crisis")
    made = opportunity(riverside_coordinator, same, same)
    assert made.required_experience.count() == 1


def test_updating_requirements_replaces_them_all_and_audits_it(riverside_coordinator):
    made = opportunity(riverside_coordinator, RequirementInput("direct.crisis", essential=True))
    result = update_requirements(
        made,
        by=riverside_coordinator,
        requirements=[RequirementInput("direct.trauma"), RequirementInput("direct.negligence")],
    )
    assert [r.code for r in result] == ["direct.trauma", "direct.negligence"]
    assert AuditEvent.objects.filter(action="opportunity.requirements_updated").count() == 1


def test_bad_requirements_leave_the_old_ones_in_place(riverside_coordinator):
    made = opportunity(riverside_coordinator, RequirementInput("direct.crisis", essential=True))
    with pytest.raises(InvalidInput):
        update_requirements(
            made,
            by=riverside_coordinator,
            requirements=[RequirementInput("direct.trauma"), RequirementInput("bogus")],
        )
    assert list(RequiredExperience.objects.values_list("code", flat=True)) == ["direct.crisis"]


def test_another_organisation_cannot_change_the_requirements(
    riverside_coordinator, hillview_coordinator
):
    made = opportunity(riverside_coordinator, RequirementInput("direct.crisis"))
    with pytest.raises(NotAllowed):
        update_requirements(made, by=hillview_coordinator, requirements=[])
    assert made.required_experience.count() == 1

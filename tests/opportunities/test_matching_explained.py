"""For any register and any experience asked for, every match names each requirement
once: under reasons when the person has it, under missing when they do not (with what
partly meets it), never in both."""

from __future__ import annotations

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powerwith.matching.matches import matches_for
from powerwith.opportunities.services import RequirementInput
from powerwith.people.schedule import describe
from tests.opportunities.factories import opportunity, person

RESTRAINT = "direct.restrictive_interventions"
CODES = [
    "direct.crisis",
    "direct.mh_tribunal",
    RESTRAINT,
    "indirect.carer_training",
    "indirect.behaviours_of_concern",
]
SETTINGS = ["", "mental_health", "community", "secure_forensic"]

ASKED = st.lists(
    st.tuples(st.sampled_from(CODES), st.sampled_from(SETTINGS), st.booleans()).map(
        # A type of intervention can only be asked for with restrictive interventions.
        lambda t: (t[0], t[1], "seclusion" if t[2] and t[0] == RESTRAINT else "")
    ),
    min_size=1,
    max_size=4,
    unique=True,
)
REGISTER = st.lists(
    st.lists(st.tuples(st.sampled_from(CODES), st.sampled_from(SETTINGS)), max_size=3, unique=True),
    min_size=1,
    max_size=5,
)


def names(item: str, label: str) -> bool:
    """Does this reason or missing item name the requirement ``label``, whole?"""
    return item.endswith(f": {label}") or f": {label} (partly" in item


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(asked=ASKED, register=REGISTER, essential=st.one_of(st.none(), st.integers(0, 3)))
def test_no_requirement_is_named_both_as_a_reason_and_as_missing(
    riverside_coordinator, asked, register, essential
):
    by = riverside_coordinator
    requirements = [
        RequirementInput(code, setting, intervention, essential=index == essential)
        for index, (code, setting, intervention) in enumerate(asked)
    ]
    # Each example starts from an empty register: its writes are rolled back at the end.
    with transaction.atomic():
        for number, entries in enumerate(register):
            person(by, f"Person {number}", *entries)
        found = matches_for(by, opportunity(by, *requirements))
        scores = [match.score for match in found]
        assert scores == sorted(scores, reverse=True)
        for match in found:
            for requirement in requirements:
                label = describe(requirement.code, requirement.setting, requirement.intervention)
                in_reasons = any(names(item, label) for item in match.reasons)
                in_missing = any(names(item, label) for item in match.missing)
                assert not (in_reasons and in_missing), (label, match)
                assert in_reasons or (in_missing and not requirement.essential), (label, match)
        transaction.set_rollback(True)


@pytest.mark.parametrize(
    ("has", "missing"),
    [
        (("direct.mh_tribunal", "mental_health"), []),
        (
            ("direct.mh_tribunal", "community"),
            [
                "Desirable experience: Participating in a mental health tribunal, in mental "
                "health (partly met: has participating in a mental health tribunal, but not "
                "recorded in mental health)"
            ],
        ),
        (
            ("direct.crisis", "mental_health"),
            [
                "Desirable experience: Participating in a mental health tribunal, in mental "
                "health (partly met by other direct experience)"
            ],
        ),
        (
            ("indirect.carer_training", "mental_health"),
            ["Desirable experience: Participating in a mental health tribunal, in mental health"],
        ),
    ],
    ids=["met", "same item elsewhere", "other direct experience", "nothing of its kind"],
)
def test_a_desirable_experience_is_a_reason_only_when_met(riverside_coordinator, has, missing):
    by = riverside_coordinator
    person(by, "Ada", has)
    wanted = opportunity(by, RequirementInput("direct.mh_tribunal", "mental_health"))
    (match,) = matches_for(by, wanted)
    assert [m for m in match.missing if m.startswith("Desirable")] == missing
    tribunal = [r for r in match.reasons if "tribunal" in r.lower()]
    assert tribunal == (
        []
        if missing
        else [
            "Has the desirable experience: Participating in a mental health tribunal, in "
            "mental health"
        ]
    )

"""The Schedule of Experience as data, checked against the charter's own lists.

The charter is "Working alongside people with lived experience (experts by experience)".
Its two lists are copied here word for word (typing slips included) so the test needs
nothing outside the repository.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from powerwith.people import schedule
from tests.conftest import api_client_for, make_member

CHARTER_DIRECT = """
- living with a specific diagnosis
- living through periods of crisis
- living with an index offence, or other potentially defining 'label' or perceived 'risk factor'
- living with a particular status – e.g. voluntary patient, patient under section, prisoner, living in residential care, user of day services, student, carer etc
- being in receipt of specific treatments e.g. named medications
- experience of restrictive interventions, eg physical or chemical restraint (eg rasis tranquilisation)

- exposure to acts of discrimination
- exposure to acts of negligence
- participating in a MH tribunal
- trauma, providing the psych/emotional context for any of the foregoing experiences
"""  # noqa: E501

CHARTER_INDIRECT = """
- using primary, secondary and tertiary strategies
- using restraint restrictive interventions on a family member
- supervising carers who are authorised to use restraint
- specifying or evaluating carer training packages
- dealing with behaviours of concern
- dealing with adverse incidents including poor or harmful restrictive interventions
"""

# The words that tie each schedule item to one line of the charter. Each must appear in
# exactly one charter line, and in the item's plain-English label.
KEYWORDS: dict[str, str] = {
    "direct.diagnosis": "specific diagnosis",
    "direct.crisis": "periods of crisis",
    "direct.label_or_risk": "index offence",
    "direct.status": "particular status",
    "direct.treatment": "specific treatments",
    "direct.restrictive_interventions": "experience of restrictive interventions",
    "direct.discrimination": "discrimination",
    "direct.negligence": "negligence",
    "direct.mh_tribunal": "tribunal",
    "direct.trauma": "trauma",
    "indirect.support_strategies": "primary, secondary and tertiary strategies",
    "indirect.restraint_on_family_member": "on a family member",
    "indirect.supervising_carers": "supervising carers",
    "indirect.carer_training": "carer training packages",
    "indirect.behaviours_of_concern": "behaviours of concern",
    "indirect.adverse_incidents": "adverse incidents",
}

# As the issue names them, and the code each has.
REQUIRED_SETTINGS = {
    "mental health": "mental_health",
    "learning disability": "learning_disability",
    "autism": "autism",
    "dementia": "dementia",
    "children and young people": "children_young_people",
    "secure/forensic": "secure_forensic",
    "prison and justice": "prison_justice",
    "residential care": "residential_care",
    "day services": "day_services",
    "acute hospital": "acute_hospital",
    "community": "community",
}
REQUIRED_INTERVENTIONS = {
    "physical restraint": "physical_restraint",
    "prone restraint": "prone_restraint",
    "mechanical restraint": "mechanical_restraint",
    "chemical restraint / rapid tranquilisation": "chemical_restraint",
    "seclusion": "seclusion",
    "long-term segregation": "long_term_segregation",
    "enhanced observation": "enhanced_observation",
}

CODE = re.compile(r"[a-z]+(_[a-z]+)*(\.[a-z]+(_[a-z]+)*)*")


def charter_lines(text: str) -> list[str]:
    return [line.removeprefix("- ") for line in text.splitlines() if line.startswith("- ")]


CHARTER = [(line, "direct") for line in charter_lines(CHARTER_DIRECT)] + [
    (line, "indirect") for line in charter_lines(CHARTER_INDIRECT)
]


def test_the_charter_lists_are_copied_whole():
    assert len(charter_lines(CHARTER_DIRECT)) == 10
    assert len(charter_lines(CHARTER_INDIRECT)) == 6


@pytest.mark.parametrize(("line", "kind"), CHARTER, ids=[line[:40] for line, _ in CHARTER])
def test_every_charter_item_is_exactly_one_schedule_item_of_its_kind(line, kind):
    matches = [code for code, words in KEYWORDS.items() if words in line]

    assert len(matches) == 1, matches
    item = schedule.ITEMS_BY_CODE[matches[0]]
    assert item.kind == kind
    assert KEYWORDS[item.code] in item.label.lower()


def test_every_schedule_item_comes_from_the_charter():
    assert [item.code for item in schedule.ITEMS] == list(KEYWORDS)
    for code, words in KEYWORDS.items():
        assert sum(words in line for line, _ in CHARTER) == 1, code


def test_the_counts_match_the_charter():
    kinds = [item.kind for item in schedule.ITEMS]
    assert kinds.count("direct") == len(charter_lines(CHARTER_DIRECT))
    assert kinds.count("indirect") == len(charter_lines(CHARTER_INDIRECT))
    assert len(schedule.ITEMS) == len(CHARTER)


@pytest.mark.parametrize(("named", "code"), REQUIRED_SETTINGS.items())
def test_every_setting_the_issue_names_is_there(named, code):
    assert code in schedule.SETTING_LABELS
    first_word = re.split(r"[ /]", named)[0]
    assert first_word in schedule.SETTING_LABELS[code].lower()


@pytest.mark.parametrize(("named", "code"), REQUIRED_INTERVENTIONS.items())
def test_every_restrictive_intervention_the_issue_names_is_there(named, code):
    assert code in schedule.INTERVENTION_LABELS
    assert named.split()[0] in schedule.INTERVENTION_LABELS[code].lower()


def test_items_about_restrictive_interventions_can_say_which():
    takes = {item.code for item in schedule.ITEMS if item.takes_intervention}
    assert takes == {
        "direct.restrictive_interventions",
        "indirect.restraint_on_family_member",
        "indirect.adverse_incidents",
    }


@pytest.mark.parametrize(
    "codes",
    [
        [item.code for item in schedule.ITEMS],
        [code for code, _ in schedule.SETTINGS],
        [code for code, _ in schedule.RESTRICTIVE_INTERVENTIONS],
    ],
    ids=["items", "settings", "interventions"],
)
def test_codes_are_unique_lower_case_with_underscores_and_dots(codes):
    assert len(codes) == len(set(codes))
    for code in codes:
        assert CODE.fullmatch(code), code


def test_item_codes_start_with_their_kind():
    for item in schedule.ITEMS:
        assert item.code.startswith(f"{item.kind}."), item.code


def test_labels_are_plain_english_sentences():
    labels = [item.label for item in schedule.ITEMS] + [
        label for _, label in schedule.SETTINGS + schedule.RESTRICTIVE_INTERVENTIONS
    ]
    for label in labels:
        assert label[0].isupper(), label
        assert "_" not in label, label


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["expert", "coordinator", "contact", "admin", "auditor"])
def test_any_token_reads_the_whole_schedule_from_the_api(riverside, role):
    membership = make_member(riverside, f"{role}@riverside.example", role)

    response = api_client_for(membership).get("/api/v1/experience-schedule")

    assert response.status_code == 200
    body = response.json()
    assert body == schedule.as_api()
    assert len(body["items"]) == 16
    assert {
        "code": "direct.diagnosis",
        "label": "Living with a specific diagnosis",
        "kind": "direct",
    } in body["items"]
    assert [s["code"] for s in body["settings"]] == list(schedule.SETTING_LABELS)
    assert {"code": "seclusion", "label": "Seclusion"} in body["restrictive_interventions"]


@pytest.mark.django_db
def test_the_schedule_needs_a_token():
    response = Client().get("/api/v1/experience-schedule")

    assert response.status_code == 401
    assert "detail" in response.json()

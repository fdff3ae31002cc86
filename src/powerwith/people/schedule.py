"""The Schedule of Experience, as data.

Taken from the charter "Working alongside people with lived experience (experts by
experience)": what an expert by direct experience, or by indirect experience, can share
authentic experiences of. Codes are stable (the API and stored entries use them); labels
are plain English and may be reworded. Settings and types of restrictive intervention
describe where, and what, the experience was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from powerwith.core.errors import InvalidInput

Kind = Literal["direct", "indirect"]


@dataclass(frozen=True)
class Item:
    code: str
    label: str
    kind: Kind
    # Items about restrictive interventions can say which ones.
    takes_intervention: bool = False


ITEMS: tuple[Item, ...] = (
    Item("direct.diagnosis", "Living with a specific diagnosis", "direct"),
    Item("direct.crisis", "Living through periods of crisis", "direct"),
    Item(
        "direct.label_or_risk",
        "Living with an index offence, or another defining 'label' or perceived 'risk factor'",
        "direct",
    ),
    Item(
        "direct.status",
        "Living with a particular status, for example voluntary patient, patient under "
        "section, prisoner, living in residential care, user of day services, student or carer",
        "direct",
    ),
    Item(
        "direct.treatment",
        "Being in receipt of specific treatments, for example named medications",
        "direct",
    ),
    Item(
        "direct.restrictive_interventions",
        "Experience of restrictive interventions, for example physical or chemical restraint "
        "(such as rapid tranquilisation)",
        "direct",
        takes_intervention=True,
    ),
    Item("direct.discrimination", "Exposure to acts of discrimination", "direct"),
    Item("direct.negligence", "Exposure to acts of negligence", "direct"),
    Item("direct.mh_tribunal", "Participating in a mental health tribunal", "direct"),
    Item(
        "direct.trauma",
        "Trauma, giving the psychological and emotional context for any of these experiences",
        "direct",
    ),
    Item(
        "indirect.support_strategies",
        "Using primary, secondary and tertiary strategies",
        "indirect",
    ),
    Item(
        "indirect.restraint_on_family_member",
        "Using restraint or restrictive interventions on a family member",
        "indirect",
        takes_intervention=True,
    ),
    Item(
        "indirect.supervising_carers",
        "Supervising carers who are authorised to use restraint",
        "indirect",
    ),
    Item(
        "indirect.carer_training",
        "Specifying or evaluating carer training packages",
        "indirect",
    ),
    Item("indirect.behaviours_of_concern", "Dealing with behaviours of concern", "indirect"),
    Item(
        "indirect.adverse_incidents",
        "Dealing with adverse incidents, including poor or harmful restrictive interventions",
        "indirect",
        takes_intervention=True,
    ),
)

SETTINGS: tuple[tuple[str, str], ...] = (
    ("mental_health", "Mental health"),
    ("learning_disability", "Learning disability"),
    ("autism", "Autism"),
    ("dementia", "Dementia"),
    ("children_young_people", "Children and young people"),
    ("secure_forensic", "Secure or forensic services"),
    ("prison_justice", "Prison and justice"),
    ("residential_care", "Residential care"),
    ("day_services", "Day services"),
    ("acute_hospital", "Acute hospital"),
    ("community", "Community services"),
)

RESTRICTIVE_INTERVENTIONS: tuple[tuple[str, str], ...] = (
    ("physical_restraint", "Physical restraint"),
    ("prone_restraint", "Prone (face-down) restraint"),
    ("mechanical_restraint", "Mechanical restraint"),
    ("chemical_restraint", "Chemical restraint or rapid tranquilisation"),
    ("seclusion", "Seclusion"),
    ("long_term_segregation", "Long-term segregation"),
    ("enhanced_observation", "Enhanced observation"),
)

ITEMS_BY_CODE: dict[str, Item] = {item.code: item for item in ITEMS}
SETTING_LABELS: dict[str, str] = dict(SETTINGS)
INTERVENTION_LABELS: dict[str, str] = dict(RESTRICTIVE_INTERVENTIONS)
ITEM_CHOICES: list[tuple[str, str]] = [(item.code, item.label) for item in ITEMS]


def item_label(code: str) -> str:
    item = ITEMS_BY_CODE.get(code)
    return item.label if item else code


def describe(code: str, setting: str = "", intervention: str = "") -> str:
    """ "Experience of restrictive interventions (seclusion), in mental health"."""
    text = item_label(code)
    if intervention:
        text += f" ({INTERVENTION_LABELS.get(intervention, intervention).lower()})"
    if setting:
        text += f", in {SETTING_LABELS.get(setting, setting).lower()}"
    return text


def as_api() -> dict[str, list[dict[str, str]]]:
    return {
        "items": [{"code": i.code, "label": i.label, "kind": i.kind} for i in ITEMS],
        "settings": [{"code": c, "label": label} for c, label in SETTINGS],
        "restrictive_interventions": [
            {"code": c, "label": label} for c, label in RESTRICTIVE_INTERVENTIONS
        ],
    }


def check_codes(code: str, setting: str, intervention: str, *, label: str, field: str) -> Item:
    """Check an item, setting and intervention against the schedule; the one place that
    does, for a person's experience and an opportunity's requirements alike. ``label``
    names the row in the message ("Experience 2")."""
    item = ITEMS_BY_CODE.get(code)
    if item is None:
        raise InvalidInput(
            f"{label}: unknown experience code '{code}'. Use one of: {', '.join(ITEMS_BY_CODE)}.",
            field=field,
        )
    if setting and setting not in SETTING_LABELS:
        raise InvalidInput(
            f"{label}: unknown setting '{setting}'. Use one of: {', '.join(SETTING_LABELS)}.",
            field=field,
        )
    if intervention and intervention not in INTERVENTION_LABELS:
        raise InvalidInput(
            f"{label}: unknown restrictive intervention '{intervention}'. "
            f"Use one of: {', '.join(INTERVENTION_LABELS)}.",
            field=field,
        )
    if intervention and not item.takes_intervention:
        raise InvalidInput(
            f"{label}: a type of restrictive intervention belongs only with "
            "experience of restrictive interventions.",
            field=field,
        )
    return item

"""A varied register to rank: people made through the real services, with overlapping
experience in several settings and interventions, availability, interests, recent paid
work, people paused or left, another organisation's people and people who tie."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Session
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.services import RequirementInput
from powerwith.people.models import Person
from powerwith.people.services import ExperienceInput, create_person
from tests.opportunities.factories import opportunity, worked

# A fixed "now", so recent paid work and the twelve-month window never move.
NOW = datetime(2026, 11, 2, 12, tzinfo=UTC)

RESTRAINT = "direct.restrictive_interventions"
ON_FAMILY = "indirect.restraint_on_family_member"
CODES = (
    RESTRAINT,
    "direct.crisis",
    "direct.mh_tribunal",
    "direct.trauma",
    "direct.diagnosis",
    ON_FAMILY,
    "indirect.carer_training",
    "indirect.behaviours_of_concern",
)
TAKES_INTERVENTION = {RESTRAINT, ON_FAMILY}
SETTINGS = ("mental_health", "learning_disability", "autism", "secure_forensic", "community")
INTERVENTIONS = ("physical_restraint", "prone_restraint", "seclusion", "chemical_restraint")
MODES = ("in_person", "phone", "video")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
INTERESTS = ("designing_training", "peer_support", "service_design", "policy_evaluation")
# Few names for many people: ties on score are broken by name, then by id.
NAMES = ("Ada", "Bo", "Cal", "Dee", "Émile", "Fatima", "Gus", "Hari", "Iqra", "Jo")


def _entry(rng: random.Random) -> ExperienceInput:
    code = rng.choice(CODES)
    setting = rng.choice((*SETTINGS, ""))
    intervention = ""
    if code in TAKES_INTERVENTION and rng.random() < 0.7:
        intervention = rng.choice(INTERVENTIONS)
    return ExperienceInput(code=code, setting=setting, intervention=intervention)


def _some(rng: random.Random, choices: tuple[str, ...]) -> list[str]:
    return sorted(rng.sample(choices, rng.randint(0, len(choices))))


def _varied_person(by: Membership, rng: random.Random, number: int) -> Person:
    status = rng.choices(("active", "paused", "left"), weights=(85, 10, 5))[0]
    return create_person(
        by=by,
        profile={
            "preferred_name": f"{rng.choice(NAMES)} {number % 7}",
            "status": status,
            "available_modes": _some(rng, MODES),
            "available_days": _some(rng, DAYS),
            "interests": _some(rng, INTERESTS),
        },
        experience=[_entry(rng) for _ in range(rng.randint(0, 5))],
    )


def _twin(by: Membership, name: str) -> Person:
    return create_person(
        by=by,
        profile={
            "preferred_name": name,
            "available_modes": ["video"],
            "available_days": ["tue"],
            "interests": ["peer_support"],
        },
        experience=[
            ExperienceInput(RESTRAINT, "mental_health", "seclusion"),
            ExperienceInput("direct.crisis", "community"),
        ],
    )


@dataclass
class Register:
    riverside: list[Person]
    hillview: list[Person]


def varied_register(
    by: Membership, other: Membership, *, people: int = 260, seed: int = 19
) -> Register:
    """``people`` at ``by``'s organisation, and a few at ``other``'s, with recent paid
    (and unpaid, old or missed) work here for about a third of them."""
    rng = random.Random(seed)  # noqa: S311 (a repeatable dataset, not a secret)
    mine = [_varied_person(by, rng, number) for number in range(people)]
    varied = list(mine)
    # Exact twins: the same name and profile, told apart only by id; and the same
    # profile under different names, told apart by name.
    mine += [_twin(by, "Twin") for _ in range(4)]
    mine += [_twin(by, name) for name in ("Zed", "Yas", "Abe")]
    theirs = [_varied_person(other, rng, number) for number in range(40)]
    paid = opportunity(by, title="Paid panel")
    unpaid = opportunity(by, title="Coffee morning", reward_basis="voluntary")
    elsewhere = opportunity(other, title="Hillview panel")
    for who in rng.sample(varied, people // 3):
        for _ in range(rng.randint(1, 3)):
            worked(
                who,
                paid,
                rng.choice((30, 60, 90, 120, 240, 600)),
                days_ago=rng.choice((3, 40, 200, 330, 400)),
                attended=rng.random() < 0.85,
                now=NOW,
            )
    for who in rng.sample(varied, 20):
        worked(who, unpaid, 120, days_ago=10, now=NOW)
    for who in rng.sample(theirs, 10):
        worked(who, elsewhere, 300, days_ago=10, now=NOW)
    mine[0].refresh_from_db()
    return Register(riverside=mine, hillview=theirs)


def on_days(wanted: Opportunity, *days: int) -> Opportunity:
    """Sessions for ``wanted`` on the given days of December 2026 (the 7th is a Monday)."""
    for day in days:
        Session.objects.create(
            opportunity=wanted, starts_at=datetime(2026, 12, day, 10, tzinfo=UTC), minutes=90
        )
    return wanted


def varied_opportunities(by: Membership) -> dict[str, Opportunity]:
    """From nothing asked to five requirements, essential and desirable, with and without
    settings, interventions, ways of taking part, session days and focus."""
    R = RequirementInput
    return {
        "nothing asked": opportunity(by, title="Open conversation"),
        "one essential, any setting": opportunity(by, R(RESTRAINT, essential=True)),
        "essential intervention in a setting": on_days(
            opportunity(
                by,
                R(RESTRAINT, "mental_health", "seclusion", essential=True),
                R("direct.crisis"),
                location_mode="in_person",
            ),
            8,
        ),
        "desirable only, with settings": opportunity(
            by,
            R("direct.mh_tribunal", "secure_forensic"),
            R("indirect.carer_training", "community"),
            R(ON_FAMILY, "", "prone_restraint"),
            focus=["peer_support"],
        ),
        "five requirements": on_days(
            opportunity(
                by,
                R(RESTRAINT, essential=True),
                R("direct.crisis", "community", essential=True),
                R("direct.mh_tribunal", "mental_health"),
                R("indirect.behaviours_of_concern", "autism"),
                R(ON_FAMILY, "learning_disability", "physical_restraint"),
                location_mode="video",
                focus=["designing_training", "peer_support"],
            ),
            8,
            10,
            15,
        ),
        "profile only": on_days(
            opportunity(by, location_mode="phone", focus=["service_design"]), 12, 13
        ),
        "desirable item without setting": opportunity(
            by, R("direct.trauma"), R("direct.diagnosis", "autism"), location_mode="video"
        ),
    }

"""The demo's opportunities, in the charter's words: restraint reduction training, policy
review, peer support and the other kinds of co-working it names. Every title, purpose and
requirement here is made up.

Opportunities are found by (organisation, title): changing a title here adds a new one to
existing demo databases on the next run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Requirement:
    code: str
    setting: str = ""
    intervention: str = ""
    essential: bool = False


@dataclass(frozen=True)
class OpportunityTemplate:
    title: str
    purpose: str
    goal_type: str
    commitment: str
    level: str
    focus: tuple[str, ...]
    location_mode: str
    reward_basis: str
    status: str
    requirements: tuple[Requirement, ...]
    # Sessions in the last twelve months, and to come; each this many minutes long.
    past_sessions: int
    future_sessions: int
    minutes: int


RESTRICTIVE = "direct.restrictive_interventions"

RIVERSIDE: tuple[OpportunityTemplate, ...] = (
    OpportunityTemplate(
        title="Co-design restraint reduction training",
        purpose="Design a one-day course on reducing restraint. It is for support staff in "
        "our homes and day services.",
        goal_type="emancipatory",
        commitment="specified_project",
        level="co_production",
        focus=("designing_training", "delivering_training"),
        location_mode="in_person",
        reward_basis="hourly",
        status="open",
        requirements=(
            Requirement(RESTRICTIVE, essential=True),
            Requirement("indirect.adverse_incidents", "residential_care"),
            Requirement("direct.trauma"),
            Requirement("direct.status", "residential_care"),
        ),
        past_sessions=6,
        future_sessions=2,
        minutes=180,
    ),
    OpportunityTemplate(
        title="Review of seclusion policy",
        purpose="Read the draft seclusion policy. Tell us what it would mean for the people "
        "it affects.",
        goal_type="explanatory",
        commitment="standalone_commission",
        level="participation",
        focus=("policy_evaluation",),
        location_mode="video",
        reward_basis="per_session",
        status="open",
        requirements=(
            Requirement(RESTRICTIVE, essential=True),
            Requirement(RESTRICTIVE, intervention="seclusion"),
            Requirement("indirect.restraint_on_family_member", "learning_disability"),
            Requirement("direct.status", "secure_forensic"),
        ),
        past_sessions=3,
        future_sessions=1,
        minutes=120,
    ),
    OpportunityTemplate(
        title="Peer support worker role",
        purpose="A part-time peer support worker for people moving on from residential care.",
        goal_type="emancipatory",
        commitment="enduring_role",
        level="participation",
        focus=("peer_support",),
        location_mode="in_person",
        reward_basis="salaried",
        status="open",
        requirements=(
            Requirement("direct.crisis", essential=True),
            Requirement("direct.diagnosis", "learning_disability"),
            Requirement("direct.status", "residential_care"),
            Requirement("direct.discrimination"),
            Requirement("direct.treatment"),
        ),
        past_sessions=8,
        future_sessions=3,
        minutes=240,
    ),
    OpportunityTemplate(
        title="Family carers' reference group on behaviours of concern",
        purpose="Tell us how we involved families when a relative's behaviour was a "
        "concern. Tell us what should change.",
        goal_type="exploratory",
        commitment="enduring_role",
        level="consultation",
        focus=("consultation_on_issue", "service_design"),
        location_mode="phone",
        reward_basis="per_session",
        status="open",
        requirements=(
            Requirement("indirect.behaviours_of_concern", essential=True),
            Requirement("indirect.supervising_carers"),
            Requirement("indirect.carer_training"),
            Requirement("indirect.support_strategies", "autism"),
        ),
        past_sessions=4,
        future_sessions=1,
        minutes=90,
    ),
    OpportunityTemplate(
        title="Easy read review of the restraint leaflet",
        purpose="Check that the easy read leaflet on restraint says what it means.",
        goal_type="explanatory",
        commitment="standalone_commission",
        level="consultation",
        focus=("consultation_on_issue",),
        location_mode="in_person",
        reward_basis="voluntary",
        status="completed",
        requirements=(
            Requirement("direct.diagnosis", "learning_disability", essential=True),
            Requirement(RESTRICTIVE),
        ),
        past_sessions=2,
        future_sessions=0,
        minutes=60,
    ),
)

HILLVIEW: tuple[OpportunityTemplate, ...] = (
    OpportunityTemplate(
        title="Co-design restraint reduction training",
        purpose="Design a one-day course for ward staff on reducing restraint.",
        goal_type="emancipatory",
        commitment="specified_project",
        level="co_production",
        focus=("designing_training",),
        location_mode="in_person",
        reward_basis="hourly",
        status="open",
        requirements=(
            Requirement(RESTRICTIVE, essential=True),
            Requirement(RESTRICTIVE, "mental_health", "chemical_restraint"),
            Requirement("direct.crisis", "acute_hospital"),
            Requirement("indirect.adverse_incidents"),
        ),
        past_sessions=5,
        future_sessions=2,
        minutes=180,
    ),
    OpportunityTemplate(
        title="Review of seclusion and long-term segregation policy",
        purpose="Help us rewrite the trust's policy on seclusion and long-term segregation.",
        goal_type="emancipatory",
        commitment="specified_project",
        level="co_production",
        focus=("policy_evaluation", "service_design"),
        location_mode="video",
        reward_basis="daily",
        status="open",
        requirements=(
            Requirement(RESTRICTIVE, essential=True),
            Requirement(RESTRICTIVE, intervention="seclusion"),
            Requirement(RESTRICTIVE, intervention="long_term_segregation"),
            Requirement("direct.mh_tribunal"),
            Requirement("direct.status", "secure_forensic"),
        ),
        past_sessions=4,
        future_sessions=1,
        minutes=360,
    ),
    OpportunityTemplate(
        title="Peer support worker role",
        purpose="A peer support worker in the crisis and home treatment team.",
        goal_type="emancipatory",
        commitment="enduring_role",
        level="participation",
        focus=("peer_support",),
        location_mode="in_person",
        reward_basis="salaried",
        status="open",
        requirements=(
            Requirement("direct.crisis", essential=True),
            Requirement("direct.crisis", "mental_health"),
            Requirement("direct.diagnosis"),
            Requirement("direct.treatment", "community"),
        ),
        past_sessions=8,
        future_sessions=3,
        minutes=240,
    ),
    OpportunityTemplate(
        title="Evaluate the rapid tranquilisation guidance",
        purpose="Evaluate how the rapid tranquilisation guidance is used on our acute wards.",
        goal_type="explanatory",
        commitment="standalone_commission",
        level="participation",
        focus=("policy_evaluation", "service_evaluation"),
        location_mode="video",
        reward_basis="hourly",
        status="open",
        requirements=(
            Requirement(RESTRICTIVE, essential=True),
            Requirement(RESTRICTIVE, intervention="chemical_restraint"),
            Requirement("direct.treatment", "mental_health"),
            Requirement("indirect.adverse_incidents"),
        ),
        past_sessions=2,
        future_sessions=2,
        minutes=120,
    ),
    OpportunityTemplate(
        title="Sharing lived experience at staff induction",
        purpose="Share, on your own terms, what restrictive practice felt like. You speak "
        "to new ward staff at their induction.",
        goal_type="emancipatory",
        commitment="enduring_role",
        level="participation",
        focus=("sharing_personal_narrative", "delivering_training"),
        location_mode="in_person",
        reward_basis="per_session",
        status="open",
        requirements=(
            Requirement(RESTRICTIVE, essential=True),
            Requirement("direct.trauma"),
            Requirement("direct.discrimination"),
        ),
        past_sessions=4,
        future_sessions=2,
        minutes=90,
    ),
    OpportunityTemplate(
        title="Tribunal experience focus group",
        purpose="Tell us what taking part in a mental health tribunal was like.",
        goal_type="exploratory",
        commitment="standalone_commission",
        level="consultation",
        focus=("consultation_on_issue",),
        location_mode="video",
        reward_basis="hourly",
        status="completed",
        requirements=(
            Requirement("direct.mh_tribunal", essential=True),
            Requirement("direct.status", "mental_health"),
        ),
        past_sessions=1,
        future_sessions=0,
        minutes=120,
    ),
)

OPPORTUNITIES: dict[str, tuple[OpportunityTemplate, ...]] = {
    "riverside": RIVERSIDE,
    "hillview": HILLVIEW,
}

"""The Training Standard 1.5 evidence report of one course, built from its records.

Restraint Reduction Network Training Standard 1.5: people with lived experience of
restraint help develop and deliver restraint training, and staff hear what it is like to
be restrained before any technique is taught. The first statement is computed from who
was involved and the experience they share with the organisation; the second is what the
coordinator recorded (``evaluation.models_training.TrainingCourseEvidence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from powerwith.core.choices import RewardBasis
from powerwith.engagements.models import Session
from powerwith.evaluation.impact_consent import ShownImpact, as_shown
from powerwith.evaluation.models import Question
from powerwith.evaluation.models.training import TrainingCourseEvidence
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import RewardChoiceKind
from powerwith.people.schedule import describe
from powerwith.reports.training.naming import ANONYMOUS
from powerwith.reports.training.records import CourseRecords, Records

RESTRAINT = "direct.restrictive_interventions"
MET, NOT_MET, NOT_RECORDED = "met", "not_met", "not_recorded"
STATE_LABELS = {MET: "Met", NOT_MET: "Not met", NOT_RECORDED: "Not recorded"}
HELPED = "People with lived experience of restraint helped develop or deliver this course"
HEARD_FIRST = "Staff heard what it is like to be restrained before any technique was taught"


@dataclass(frozen=True)
class Statement:
    code: str
    text: str
    state: str
    evidence: str

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class Taken:
    starts_at: datetime
    attended: bool


@dataclass(frozen=True)
class Contributor:
    name: str
    named: bool
    experience: list[str]
    restraint: bool
    sessions: list[Taken]
    terms: str
    voluntary: bool


@dataclass(frozen=True)
class CourseSession:
    session: Session
    booked: int
    attended: int


@dataclass(frozen=True)
class Agreement:
    question: str
    agree: int
    answered: int


@dataclass(frozen=True)
class EvidenceReport:
    opportunity: Opportunity
    anonymised: bool
    contributors: list[Contributor]
    sessions: list[CourseSession]
    impact: list[ShownImpact]
    asked: int
    answered: int
    agreement: list[Agreement]
    evidence: TrainingCourseEvidence | None
    statements: list[Statement]

    @property
    def with_restraint_experience(self) -> int:
        return sum(1 for c in self.contributors if c.restraint)


def _money(amount: Decimal | None) -> str:
    return f"£{amount:,.2f}" if amount is not None else "no amount stated"


def _terms(course: CourseRecords, person_id: int) -> tuple[str, bool]:
    """The reward on the accepted offer, and whether the work was voluntary, which it is
    only by the person's own recorded choice (``payments.RewardChoice``)."""
    reward = course.accepted.get(person_id)
    choice = course.choices.get(person_id)
    if choice is not None and choice.choice == RewardChoiceKind.DECLINE:
        return "Voluntary, by their own recorded choice", True
    if reward is None:
        return "No accepted offer", False
    if reward.basis == RewardBasis.VOLUNTARY:
        return "Voluntary, but the person's own choice is not recorded", True
    basis = RewardBasis(reward.basis).label if reward.basis in RewardBasis.values else "Paid"
    if choice is not None and choice.choice == RewardChoiceKind.LESS:
        return f"{basis}: {_money(choice.amount)}, less than offered, by their own choice", False
    return f"{basis}: {_money(reward.amount)}", False


def _contributors(records: Records, course: CourseRecords, anonymise: bool) -> list[Contributor]:
    starts = {s.pk: s.starts_at for s in course.opportunity.sessions.all()}
    rows = []
    for person_id in course.involved:
        name = records.names.get(person_id)
        named = (
            not anonymise
            and name is not None
            and (course.opportunity.pk, person_id) in records.named
        )
        entries = records.experience.get(person_id, []) if person_id in records.linked else []
        taken = sorted(
            (
                Taken(starts[b.session_id], b.attended)
                for b in course.bookings
                if b.person_id == person_id and (b.booked or b.attended) and b.session_id in starts
            ),
            key=lambda t: t.starts_at,
        )
        terms, voluntary = _terms(course, person_id)
        rows.append(
            (
                person_id,
                Contributor(
                    name=name if named and name else ANONYMOUS,
                    named=named,
                    experience=[describe(*entry) for entry in entries],
                    restraint=any(code == RESTRAINT for code, _, _ in entries),
                    sessions=taken,
                    terms=terms,
                    voluntary=voluntary,
                ),
            )
        )
    # Named people by name; the others after them in an order that says nothing about who
    # they are.
    rows.sort(key=lambda r: (not r[1].named, r[1].name if r[1].named else "", r[0]))
    return [contributor for _, contributor in rows]


def _helped(contributors: list[Contributor]) -> Statement:
    with_restraint = sum(1 for c in contributors if c.restraint)
    if with_restraint:
        state = MET
        evidence = (
            f"{with_restraint} of the {len(contributors)} experts by experience involved "
            "share direct experience of restrictive interventions with the organisation."
        )
    elif contributors and not any(c.experience for c in contributors):
        state = NOT_RECORDED
        evidence = "The people involved have not shared a Schedule of Experience with us."
    elif contributors:
        state = NOT_MET
        evidence = (
            "None of the experts by experience involved shares direct experience of "
            "restrictive interventions with the organisation."
        )
    else:
        state = NOT_MET
        evidence = "No expert by experience has accepted an offer or attended a session."
    return Statement("lived_experience_involved", HELPED, state, evidence)


def _heard_first(evidence: TrainingCourseEvidence | None) -> Statement:
    if evidence is None:
        return Statement(
            "lived_experience_first",
            HEARD_FIRST,
            NOT_RECORDED,
            "The coordinator has not recorded this yet.",
        )
    return Statement(
        "lived_experience_first",
        HEARD_FIRST,
        MET if evidence.lived_experience_first else NOT_MET,
        evidence.how or ("Recorded as done." if evidence.lived_experience_first else ""),
    )


def build(records: Records, opportunity_id: int, *, anonymise: bool) -> EvidenceReport:
    course = records.courses[opportunity_id]
    contributors = _contributors(records, course, anonymise)
    sessions = [
        CourseSession(
            s,
            sum(1 for b in course.bookings if b.session_id == s.pk and b.booked),
            sum(1 for b in course.bookings if b.session_id == s.pk and b.attended),
        )
        for s in sorted(course.opportunity.sessions.all(), key=lambda s: (s.starts_at, s.pk))
        if s.cancelled_at is None
    ]
    return EvidenceReport(
        opportunity=course.opportunity,
        anonymised=anonymise,
        contributors=contributors,
        sessions=sessions,
        impact=as_shown(course.opportunity.organisation, course.impact),
        asked=course.asked,
        answered=course.answered,
        agreement=[
            Agreement(label, *course.agreeing.get(code, (0, 0))) for code, label in Question.choices
        ],
        evidence=course.evidence,
        statements=[_helped(contributors), _heard_first(course.evidence)],
    )

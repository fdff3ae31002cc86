"""Everything the Training Standard 1.5 evidence reads about a set of training courses,
in a fixed number of queries whatever the number of courses, people or sessions (one
query per kind of record, never one per person or session)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from powerwith.accounts.models import Organisation
from powerwith.core.choices import Focus
from powerwith.engagements.models import Attendance, BookingStatus
from powerwith.evaluation.models import FeedbackAnswer, FeedbackRequest, ImpactEntry, Question
from powerwith.evaluation.models.training import TrainingCourseEvidence
from powerwith.offers.agreement import taking_part
from powerwith.offers.models import Offer, OfferVersion
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import RewardChoice
from powerwith.people.models import ExperienceEntry, OrganisationLink, Person
from powerwith.reports.training.naming import may_be_named

TRAINING_FOCUS = frozenset({Focus.DESIGNING_TRAINING, Focus.DELIVERING_TRAINING})
AGREE = frozenset({4, 5})


def is_training_course(opportunity: Opportunity) -> bool:
    return any(code in TRAINING_FOCUS for code in opportunity.focus or [])


@dataclass(frozen=True)
class Booking:
    person_id: int
    session_id: int
    attended: bool
    booked: bool


# (code, setting, intervention): what an item of the Schedule of Experience says, without
# the person's own (encrypted) note, which the report never shows.
Experience = tuple[str, str, str]


@dataclass(frozen=True)
class Reward:
    basis: str
    amount: Decimal | None


@dataclass
class CourseRecords:
    opportunity: Opportunity
    accepted: dict[int, Reward] = field(default_factory=dict)  # person → terms agreed
    bookings: list[Booking] = field(default_factory=list)
    choices: dict[int, RewardChoice] = field(default_factory=dict)  # person → newest
    impact: list[ImpactEntry] = field(default_factory=list)
    asked: int = 0
    answered: int = 0
    agreeing: dict[str, tuple[int, int]] = field(default_factory=dict)  # question → (agree, of)
    evidence: TrainingCourseEvidence | None = None

    @property
    def involved(self) -> set[int]:
        """People with an accepted offer, or who attended one of its sessions."""
        return set(self.accepted) | {b.person_id for b in self.bookings if b.attended}


@dataclass
class Records:
    courses: dict[int, CourseRecords]
    names: dict[int, str]  # person → preferred name, used only where they may be named
    linked: set[int]  # people who work with the organisation, so share their experience
    experience: dict[int, list[Experience]]
    named: set[tuple[int, int]]  # (course, person) pairs whose consent to be named is given


def _reward(content: dict[str, Any]) -> Reward:
    reward = content.get("reward") or {}
    amount = reward.get("amount")
    return Reward(str(reward.get("basis") or ""), Decimal(amount) if amount else None)


def _accepted(courses: dict[int, CourseRecords]) -> None:
    offers = list(
        Offer.objects.filter(taking_part(), opportunity_id__in=courses).values_list(
            "pk", "opportunity_id", "person_id", "version"
        )
    )
    latest = {pk: version for pk, _, _, version in offers}
    contents = {
        offer_id: content
        for offer_id, number, content in OfferVersion.objects.filter(
            offer_id__in=latest
        ).values_list("offer_id", "number", "content")
        if latest.get(offer_id) == number
    }
    for pk, opportunity_id, person_id, _ in offers:
        courses[opportunity_id].accepted[person_id] = _reward(contents.get(pk, {}))


def _bookings(courses: dict[int, CourseRecords]) -> None:
    for person_id, session_id, opportunity_id, status, attended in Attendance.objects.filter(
        session__opportunity_id__in=courses
    ).values_list("person_id", "session_id", "session__opportunity_id", "status", "attended"):
        courses[opportunity_id].bookings.append(
            Booking(person_id, session_id, attended, status == BookingStatus.BOOKED)
        )


def _choices(courses: dict[int, CourseRecords]) -> None:
    for choice in RewardChoice.objects.filter(opportunity_id__in=courses).order_by(
        "created_at", "id"
    ):
        courses[choice.opportunity_id].choices[choice.person_id] = choice


def _feedback(courses: dict[int, CourseRecords]) -> None:
    for opportunity_id, answered in FeedbackRequest.objects.filter(
        opportunity_id__in=courses
    ).values_list("opportunity_id", "answered"):
        courses[opportunity_id].asked += 1
        courses[opportunity_id].answered += int(answered)
    agree: dict[int, Counter[str]] = defaultdict(Counter)
    given: dict[int, Counter[str]] = defaultdict(Counter)
    for row in FeedbackAnswer.objects.filter(opportunity_id__in=courses).values(
        "opportunity_id", *Question.values
    ):
        for code in Question.values:
            value = row[code]
            if value is not None:
                given[row["opportunity_id"]][code] += 1
                agree[row["opportunity_id"]][code] += int(value in AGREE)
    for opportunity_id, course in courses.items():
        course.agreeing = {
            code: (agree[opportunity_id][code], given[opportunity_id][code])
            for code in Question.values
        }


def gather(organisation: Organisation, opportunities: list[Opportunity]) -> Records:
    """``opportunities`` are the organisation's own (tenancy checked by the caller)."""
    courses = {o.pk: CourseRecords(o) for o in opportunities}
    _accepted(courses)
    _bookings(courses)
    _choices(courses)
    for impact in (
        ImpactEntry.objects.filter(organisation=organisation, opportunity_id__in=courses)
        .prefetch_related("contributors")
        .order_by("created_at", "id")
    ):
        courses[impact.opportunity_id].impact.append(impact)
    _feedback(courses)
    for evidence in TrainingCourseEvidence.objects.filter(
        opportunity_id__in=courses
    ).select_related("session", "recorded_by"):
        courses[evidence.opportunity_id].evidence = evidence
    everyone = set().union(*(c.involved for c in courses.values())) if courses else set()
    names = dict(Person.objects.filter(pk__in=everyone).values_list("pk", "preferred_name"))
    linked = set(
        OrganisationLink.objects.filter(
            organisation=organisation, person_id__in=everyone
        ).values_list("person_id", flat=True)
    )
    experience: dict[int, list[Experience]] = defaultdict(list)
    for person_id, code, setting, intervention in (
        ExperienceEntry.objects.filter(person_id__in=linked)
        .order_by("code", "setting", "id")
        .values_list("person_id", "code", "setting", "intervention")
    ):
        experience[person_id].append((code, setting, intervention))
    return Records(
        courses=courses,
        names=names,
        linked=linked,
        experience=experience,
        named=may_be_named(organisation, set(courses), everyone),
    )

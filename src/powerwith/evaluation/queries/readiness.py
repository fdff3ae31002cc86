"""Reads of the readiness self-assessment, scoped to the membership's organisation.

Coordinators and admins fill it in and keep its action plan; auditors read it; experts
and contact people are refused (403); another organisation's assessment is a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from powerwith.accounts.models import Membership, User
from powerwith.core.permissions import Capability, require
from powerwith.evaluation.models.readiness import (
    ActionStatus,
    ReadinessAction,
    ReadinessAnswer,
    ReadinessAssessment,
)
from powerwith.evaluation.readiness import FIRST, GROUP_TITLES, GROUPS, Factor, factors_in


def require_reader(membership: Membership) -> None:
    require(
        membership,
        Capability.READ_READINESS,
        "Only coordinators, admins and auditors can see the readiness self-assessment.",
    )


def require_writer(membership: Membership) -> None:
    require(
        membership,
        Capability.ASSESS_READINESS,
        "Only coordinators and admins can fill in the self-assessment.",
    )


def _assessments(membership: Membership) -> QuerySet[ReadinessAssessment]:
    return (
        ReadinessAssessment.objects.filter(organisation_id=membership.organisation_id)
        .select_related("completed_by")
        .prefetch_related(
            Prefetch("answers", queryset=ReadinessAnswer.objects.order_by("id")),
            Prefetch(
                "actions",
                queryset=ReadinessAction.objects.select_related("owner", "done_by").order_by(
                    "due_date", "id"
                ),
            ),
        )
    )


def assessments_of(membership: Membership) -> list[ReadinessAssessment]:
    """The organisation's assessments, newest first, answers and actions prefetched."""
    require_reader(membership)
    return list(_assessments(membership).order_by("-created_at", "-id"))


def latest_of(membership: Membership) -> ReadinessAssessment | None:
    require_reader(membership)
    return _assessments(membership).order_by("-created_at", "-id").first()


def get_assessment_for(membership: Membership, assessment_id: int) -> ReadinessAssessment:
    require_reader(membership)
    found = _assessments(membership).filter(pk=assessment_id).first()
    if found is None:
        raise Http404("No such self-assessment.")
    return found


def get_action_for(membership: Membership, assessment_id: int, action_id: int) -> ReadinessAction:
    require_writer(membership)
    found = (
        ReadinessAction.objects.filter(
            pk=action_id,
            assessment_id=assessment_id,
            assessment__organisation_id=membership.organisation_id,
        )
        .select_related("assessment")
        .first()
    )
    if found is None:
        raise Http404("No such action.")
    return found


def owners_for(membership: Membership) -> list[User]:
    """Who can own an action: the organisation's members, staff first by e-mail."""
    return [
        m.user
        for m in Membership.objects.filter(organisation_id=membership.organisation_id)
        .select_related("user")
        .order_by("user__email", "id")
        if m.user.is_active
    ]


@dataclass(frozen=True)
class Rated:
    factor: Factor
    answer: ReadinessAnswer | None

    @property
    def first(self) -> bool:
        return self.answer is not None and self.answer.rating in FIRST


@dataclass(frozen=True)
class Group:
    code: str
    title: str
    rows: list[Rated]


@dataclass(frozen=True)
class Result:
    assessment: ReadinessAssessment
    groups: list[Group]
    actions: list[ReadinessAction]

    @property
    def work_on_first(self) -> list[Rated]:
        return [row for group in self.groups for row in group.rows if row.first]

    @property
    def open_actions(self) -> list[ReadinessAction]:
        return [a for a in self.actions if a.status == ActionStatus.OPEN]

    def review_overdue(self, today: date) -> bool:
        return self.assessment.review_date < today


def result_of(assessment: ReadinessAssessment) -> Result:
    """The assessment grouped by the charter's headings, from its prefetched rows."""
    answers = {a.factor: a for a in assessment.answers.all()}
    groups = [
        Group(
            group, GROUP_TITLES[group], [Rated(f, answers.get(f.code)) for f in factors_in(group)]
        )
        for group in GROUPS
    ]
    return Result(assessment, groups, list(assessment.actions.all()))

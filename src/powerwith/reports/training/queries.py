"""Reads of the training evidence, scoped to the membership's organisation.

Coordinators, admins and auditors read it; an auditor's is anonymised (no names, whatever
the consent). Experts and contact people are refused (403). Another organisation's
opportunity, and an opportunity that is not a training course, is a 404.
"""

from __future__ import annotations

from django.http import Http404

from powerwith.accounts.models import Membership
from powerwith.core.permissions import Capability, can, require
from powerwith.evaluation.models.training import TrainingCourseEvidence
from powerwith.opportunities.models import Opportunity
from powerwith.opportunities.queries import get_opportunity_for, opportunities_of
from powerwith.reports.training.records import gather, is_training_course
from powerwith.reports.training.report import EvidenceReport, build


def require_reader(membership: Membership) -> None:
    require(
        membership,
        Capability.READ_TRAINING_EVIDENCE,
        "Only coordinators, admins and auditors can see training evidence reports.",
    )


def course_for(membership: Membership, opportunity_id: int) -> Opportunity:
    """One of the organisation's training courses; 404 for anything else."""
    require_reader(membership)
    opportunity = get_opportunity_for(membership, opportunity_id)
    if not is_training_course(opportunity):
        raise Http404("That opportunity is not a training course.")
    return opportunity


def courses_of(membership: Membership) -> list[Opportunity]:
    """The organisation's training courses, newest first. Focus is a JSON list, which not
    every database can search inside, so the (short) list is filtered here."""
    require_reader(membership)
    return [
        o
        for o in opportunities_of(membership).order_by("-created_at", "-id")
        if is_training_course(o)
    ]


def evidence_for(membership: Membership, opportunity_id: int) -> EvidenceReport:
    opportunity = course_for(membership, opportunity_id)
    records = gather(membership.organisation, [opportunity])
    return build(records, opportunity.pk, anonymise=not can(membership, Capability.SEE_NAMES))


def courses_for(membership: Membership, courses: list[Opportunity]) -> list[EvidenceReport]:
    """The reports of a page of courses (from ``courses_of``), in a fixed number of
    queries."""
    require_reader(membership)
    records = gather(membership.organisation, courses)
    anonymise = not can(membership, Capability.SEE_NAMES)
    return [build(records, o.pk, anonymise=anonymise) for o in courses]


def require_recorder(membership: Membership) -> None:
    require(
        membership,
        Capability.RECORD_TRAINING_EVIDENCE,
        "Only coordinators and admins can record training evidence.",
    )


def recorded_evidence(opportunity: Opportunity) -> TrainingCourseEvidence | None:
    """What the coordinator recorded for a course already found through ``course_for``."""
    return TrainingCourseEvidence.objects.filter(opportunity=opportunity).first()

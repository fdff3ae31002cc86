"""Training Standard 1.5 evidence over the API: the same report as the page, named only as
each person consented, and anonymised for auditors."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.reports.training import evidence_for

router = Router(tags=["reports"])


class TrainingStatementOut(Schema):
    code: str  # lived_experience_involved | lived_experience_first
    text: str
    state: str  # met | not_met | not_recorded
    evidence: str


class TrainingTakenOut(Schema):
    starts_at: dt.datetime
    attended: bool


class TrainingContributorOut(Schema):
    name: str  # "An expert by experience" unless the person consented to be named
    named: bool
    experience: list[str]
    direct_restraint_experience: bool
    sessions: list[TrainingTakenOut]
    terms: str
    voluntary: bool


class TrainingSessionOut(Schema):
    id: int
    starts_at: dt.datetime
    minutes: int
    booked: int
    attended: int


class TrainingImpactOut(Schema):
    you_said: str
    we_did: str
    created_at: dt.datetime


class TrainingAgreementOut(Schema):
    question: str
    agree: int
    answered: int


class TrainingFeedbackOut(Schema):
    asked: int
    answered: int
    agreement: list[TrainingAgreementOut]


class TrainingEvidenceOut(Schema):
    opportunity_id: int
    title: str
    anonymised: bool
    statements: list[TrainingStatementOut]
    contributors: list[TrainingContributorOut]
    sessions: list[TrainingSessionOut]
    impact: list[TrainingImpactOut]
    feedback: TrainingFeedbackOut


@router.get("/opportunities/{opportunity_id}/training-evidence", response=TrainingEvidenceOut)
def training_evidence(request: Request, opportunity_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    report = evidence_for(membership, opportunity_id)
    return {
        "opportunity_id": report.opportunity.pk,
        "title": report.opportunity.title,
        "anonymised": report.anonymised,
        "statements": [
            {"code": s.code, "text": s.text, "state": s.state, "evidence": s.evidence}
            for s in report.statements
        ],
        "contributors": [
            {
                "name": c.name,
                "named": c.named,
                "experience": c.experience,
                "direct_restraint_experience": c.restraint,
                "sessions": [
                    {"starts_at": t.starts_at, "attended": t.attended} for t in c.sessions
                ],
                "terms": c.terms,
                "voluntary": c.voluntary,
            }
            for c in report.contributors
        ],
        "sessions": [
            {
                "id": row.session.pk,
                "starts_at": row.session.starts_at,
                "minutes": row.session.minutes,
                "booked": row.booked,
                "attended": row.attended,
            }
            for row in report.sessions
        ],
        "impact": [
            {"you_said": e.you_said, "we_did": e.we_did, "created_at": e.entry.created_at}
            for e in report.impact
        ],
        "feedback": {
            "asked": report.asked,
            "answered": report.answered,
            "agreement": [
                {"question": a.question, "agree": a.agree, "answered": a.answered}
                for a in report.agreement
            ],
        },
    }

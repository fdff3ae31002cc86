"""The readiness self-assessment over the API: the latest one (or none yet, with the
factors to answer) and a new one. Same rules as the pages: coordinators and admins
write, auditors read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Router, Schema, Status

from powerwith.core.http import Request, membership_of
from powerwith.evaluation.models.readiness import ReadinessAssessment
from powerwith.evaluation.queries import readiness as queries
from powerwith.evaluation.readiness import FACTORS, FACTORS_BY_CODE
from powerwith.evaluation.services.readiness import complete_assessment

router = Router(tags=["evaluation"])


class ReadinessRatingOut(Schema):
    code: str
    label: str


class ReadinessFactorOut(Schema):
    code: str
    group: str  # barrier | enabler | grow_factor
    text: str
    ratings: list[ReadinessRatingOut]


class ReadinessAnswerOut(Schema):
    factor: str
    group: str
    rating: str
    rating_label: str
    note: str


class ReadinessActionOut(Schema):
    id: int
    factor: str
    what: str
    owner_id: int
    due_date: dt.date
    status: str  # open | done


class ReadinessAssessmentOut(Schema):
    id: int
    created_at: dt.datetime
    review_date: dt.date
    summary: str
    answers: list[ReadinessAnswerOut]
    work_on_first: list[str]
    actions: list[ReadinessActionOut]


class ReadinessOut(Schema):
    latest: ReadinessAssessmentOut | None
    factors: list[ReadinessFactorOut]


class ReadinessAssessmentIn(Schema):
    ratings: dict[str, str]
    notes: dict[str, str] = {}
    review_date: dt.date
    summary: str = ""


def _assessment(assessment: ReadinessAssessment) -> dict[str, Any]:
    result = queries.result_of(assessment)
    return {
        "id": assessment.pk,
        "created_at": assessment.created_at,
        "review_date": assessment.review_date,
        "summary": assessment.summary,
        "answers": [
            {
                "factor": a.factor,
                "group": FACTORS_BY_CODE[a.factor].group,
                "rating": a.rating,
                "rating_label": a.rating_label,
                "note": a.note,
            }
            for a in assessment.answers.all()
            if a.factor in FACTORS_BY_CODE
        ],
        "work_on_first": [row.factor.code for row in result.work_on_first],
        "actions": [
            {
                "id": a.pk,
                "factor": a.factor,
                "what": a.what,
                "owner_id": a.owner_id,
                "due_date": a.due_date,
                "status": a.status,
            }
            for a in result.actions
        ],
    }


def _factors() -> list[dict[str, Any]]:
    return [
        {
            "code": f.code,
            "group": f.group,
            "text": f.text,
            "ratings": [{"code": c, "label": label} for c, label in f.ratings],
        }
        for f in FACTORS
    ]


@router.get("/readiness", response=ReadinessOut)
def latest_readiness(request: Request) -> dict[str, Any]:
    membership = membership_of(request)
    latest = queries.latest_of(membership)
    return {"latest": _assessment(latest) if latest else None, "factors": _factors()}


@router.post("/readiness", response={201: ReadinessAssessmentOut})
def new_readiness(request: Request, payload: ReadinessAssessmentIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_writer(membership)
    created = complete_assessment(
        by=membership,
        ratings=payload.ratings,
        notes=payload.notes,
        review_date=payload.review_date,
        summary=payload.summary,
    )
    return Status(201, _assessment(queries.get_assessment_for(membership, created.pk)))

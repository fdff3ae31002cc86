"""Feedback over the API: staff read the summary of an opportunity's answers (anonymous
ones carry no name). Giving feedback (the person's own, or recorded for them) is
`workflows.api.feedback`."""

from __future__ import annotations

from typing import Any

from ninja import Router, Schema

from powerwith.core.http import Request, membership_of
from powerwith.evaluation import queries
from powerwith.opportunities.queries import get_opportunity_for

router = Router(tags=["evaluation"])


class CountOut(Schema):
    answer: str
    count: int


class FeedbackQuestionOut(Schema):
    code: str
    label: str
    answered: int
    counts: list[CountOut]


class CommentOut(Schema):
    text: str
    name: str


class SummaryOut(Schema):
    asked: int
    answered: int
    questions: list[FeedbackQuestionOut]
    comments: list[CommentOut]


@router.get("/opportunities/{opportunity_id}/feedback", response=SummaryOut)
def feedback_summary(request: Request, opportunity_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    queries.require_reader(membership)
    opportunity = get_opportunity_for(membership, opportunity_id)
    summary = queries.feedback_summary(membership, opportunity)
    return {
        "asked": summary.asked,
        "answered": summary.answered,
        "questions": [
            {
                "code": q.code,
                "label": q.label,
                "answered": q.answered,
                "counts": [{"answer": words, "count": n} for words, n in q.counts],
            }
            for q in summary.questions
        ],
        "comments": [{"text": c.text, "name": c.name} for c in summary.comments],
    }

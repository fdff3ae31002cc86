"""Feedback over the API: the person answers for their own finished work, staff read the
summary of an opportunity's answers (anonymous ones carry no name)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from ninja import Router, Schema, Status

from powerwith.core.http import Request, membership_of
from powerwith.evaluation import queries
from powerwith.evaluation.services.feedback import give_feedback
from powerwith.offers.queries import get_offer_for
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.people.schemas import OnBehalfIn
from powerwith.workflows import on_behalf

router = Router(tags=["evaluation"])


class FeedbackIn(Schema):
    answers: dict[str, int | None] = {}
    comments: str = ""
    anonymous: bool = False
    on_behalf: OnBehalfIn | None = None


class FeedbackDone(Schema):
    answered: bool
    anonymous: bool


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


@router.post("/offers/{offer_id}/feedback", response={201: FeedbackDone})
def post_feedback(request: Request, offer_id: int, payload: FeedbackIn) -> Status[dict[str, bool]]:
    """The person's own feedback; or, with ``on_behalf``, staff recording the feedback the
    person gave them another way."""
    if payload.on_behalf is not None:
        membership = membership_of(request)
        on_behalf.give_feedback(
            get_offer_for(membership, offer_id),
            by=membership,
            word=payload.on_behalf.word(),
            answers=payload.answers,
            comments=payload.comments,
            anonymous=payload.anonymous,
        )
        return Status(201, {"answered": True, "anonymous": payload.anonymous})
    engagement = queries.get_own_engagement(request.user, offer_id, timezone.now())
    give_feedback(
        engagement=engagement,
        user=request.user,
        answers=payload.answers,
        comments=payload.comments,
        anonymous=payload.anonymous,
    )
    return Status(201, {"answered": True, "anonymous": payload.anonymous})


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

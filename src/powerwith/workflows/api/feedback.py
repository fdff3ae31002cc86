"""Giving feedback over the API: the person answers for their own finished work, or staff
record the feedback the person gave them another way (``workflows.on_behalf``). Served here
under evaluation's tag, path and operation id (docs/adr/011-layers-and-layout.md)."""

from __future__ import annotations

from django.utils import timezone
from ninja import Router, Schema, Status

from powerwith.core.http import Request, membership_of
from powerwith.evaluation import queries
from powerwith.evaluation.services.feedback import give_feedback
from powerwith.offers.queries import get_offer_for
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


@router.post(
    "/offers/{offer_id}/feedback",
    response={201: FeedbackDone},
    operation_id="powerwith_evaluation_api_post_feedback",
)
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

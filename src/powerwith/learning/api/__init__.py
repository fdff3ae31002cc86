"""Learning summaries over the API: draft one from a piece of work, change its words,
publish it, comment on it (an expert who took part), and read it in any format."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from django.http import HttpResponse, JsonResponse
from ninja import Field, Query, Router, Schema, Status

from powerwith.core.http import Request, membership_of
from powerwith.learning import queries, renderings, services
from powerwith.learning.models import LearningSummary
from powerwith.learning.sections import document_of, reading_of
from powerwith.learning.shown import (
    CommentForCoordinator,
    comments_for_coordinator,
    voices_for,
)
from powerwith.opportunities.queries import get_opportunity_for

router = Router(tags=["learning"])


class LearningSummaryOut(Schema):
    id: int
    status: str
    title: str
    sections: dict[str, Any]
    clarity: list[dict[str, Any]]


class PeriodSummaryIn(Schema):
    period_start: date = Field(description="The first day of the period (YYYY-MM-DD).")
    period_end: date = Field(description="The last day of the period, today or before.")
    focus: str = Field("", description="Only the work with this focus code; empty for all.")


class LearningSummaryEdit(Schema):
    title: str | None = Field(None, max_length=200)
    what_was_done: str | None = Field(None, max_length=4000)
    what_worked: str | None = Field(None, max_length=4000)
    what_did_not: str | None = Field(None, max_length=4000)
    do_differently: str | None = Field(None, max_length=4000)


class SummaryCommentIn(Schema):
    text: str = Field(max_length=2000)


class SummaryCommentOut(Schema):
    id: int
    text: str


class CoordinatorCommentOut(Schema):
    id: int
    person_id: int
    by: str
    text: str | None = Field(description="Null when its writer withdrew from the work.")
    created_at: str
    quoted: bool
    quotable: bool = Field(description="Whether its writer agrees to be quoted now.")


class CommentsOut(Schema):
    items: list[CoordinatorCommentOut]
    count: int


class QuoteIn(Schema):
    quote: bool = True


class AskedOut(Schema):
    asked: int


class PublishRefusedOut(Schema):
    detail: str
    blocking: list[dict[str, Any]] = []


class Detail(Schema):
    detail: str


def _out(summary: LearningSummary) -> dict[str, Any]:
    reading = reading_of(summary)
    return {
        "id": summary.pk,
        "status": summary.status,
        "title": reading.title,
        "sections": reading.sections,
        "clarity": [f.as_dict() for f in services.clarity_findings(summary)],
    }


@router.post(
    "/opportunities/{opportunity_id}/learning-summary",
    response={201: LearningSummaryOut},
    summary="Draft a learning summary of a piece of work, pre-filled from its records",
)
def draft(request: Request, opportunity_id: int) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_writer(membership)
    opportunity = get_opportunity_for(membership, opportunity_id)
    summary = services.draft_summary(by=membership, opportunity=opportunity)
    return Status(201, _out(summary))


@router.post(
    "/learning-summaries",
    response={201: LearningSummaryOut},
    summary="Draft a learning summary of every piece of work in a period",
    description=(
        "Pre-filled from the records of all the organisation's work between the two days "
        "(of one focus when given): the levels of co-working, what was done, 'you said, we "
        "did', the feedback and the scorecards' averages. The experts who took part are "
        "asked to read the draft and comment. A period that ends before it starts, lies in "
        "the future, or holds no work is refused with 422 and nothing is written."
    ),
)
def draft_period(request: Request, body: PeriodSummaryIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    summary = services.draft_period_summary(
        by=membership, start=body.period_start, end=body.period_end, focus=body.focus
    )
    return Status(201, _out(summary))


class LearningSummaryQuery(Schema):
    format: Literal["json", "html", "easy-read", "pdf"] = "json"


FILE_TYPES = {
    "application/json": {"schema": {"type": "object"}},
    "text/html": {"schema": {"type": "string"}},
    "application/pdf": {"schema": {"type": "string", "format": "binary"}},
}


@router.get(
    "/learning-summaries/{summary_id}",
    summary="A learning summary as an open JSON document, a web page, easy read or a PDF",
    description=(
        "The JSON document follows the schema at /learning/schema.json. Experts' words and "
        "names appear only while their consent is given, in every format."
    ),
    openapi_extra={"responses": {200: {"description": "The summary", "content": FILE_TYPES}}},
)
def read(request: Request, summary_id: int, query: Query[LearningSummaryQuery]) -> HttpResponse:
    membership = membership_of(request)
    summary = queries.get_summary_for(membership, summary_id)
    reading = reading_of(summary)
    if query.format == "json":
        return JsonResponse(document_of(reading, request.build_absolute_uri("/")[:-1]))
    made = {
        "html": renderings.html,
        "easy-read": renderings.easy_read,
        "pdf": renderings.pdf,
    }[query.format](reading)
    response = HttpResponse(made.data, content_type=made.content_type)
    response["Content-Disposition"] = f'inline; filename="{made.filename}"'
    return response


@router.patch(
    "/learning-summaries/{summary_id}",
    response={200: LearningSummaryOut, 409: Detail},
    summary="Change the words of a draft summary",
)
def edit(request: Request, summary_id: int, body: LearningSummaryEdit) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_writer(membership)
    summary = queries.get_own_summary_for(membership, summary_id)
    changes = {k: v for k, v in body.dict(exclude_unset=True).items() if v is not None}
    summary = services.edit_summary(by=membership, summary=summary, **changes)
    return Status(200, _out(summary))


@router.post(
    "/learning-summaries/{summary_id}/publish",
    response={200: LearningSummaryOut, 409: PublishRefusedOut},
    summary="Publish a summary (refused while the clarity checker finds what blocks)",
)
def publish(request: Request, summary_id: int) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_writer(membership)
    summary = queries.get_own_summary_for(membership, summary_id)
    try:
        summary = services.publish_summary(by=membership, summary=summary)
    except services.PublishRefused as refused:
        return Status(409, {"detail": refused.message, "blocking": refused.blocking})
    return Status(200, _out(summary))


@router.post(
    "/learning-summaries/{summary_id}/comments",
    response={201: SummaryCommentOut},
    summary="Comment on a draft summary (the experts who took part)",
)
def comment(request: Request, summary_id: int, body: SummaryCommentIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    summary = queries.get_summary_for(membership, summary_id)
    made = services.comment_on_summary(by=membership, summary=summary, text=body.text)
    return Status(201, {"id": made.pk, "text": made.text})


def _comment_out(c: CommentForCoordinator) -> dict[str, Any]:
    return {
        "id": c.comment.pk,
        "person_id": c.comment.person_id,
        "by": c.name,
        "text": None if c.withdrawn else c.text,
        "created_at": c.comment.created_at.isoformat(),
        "quoted": c.comment.quoted_at is not None,
        "quotable": c.quotable,
    }


@router.get(
    "/learning-summaries/{summary_id}/comments",
    response={200: CommentsOut},
    summary="The experts' comments on a summary, for its coordinators (with who and when)",
)
def comments(request: Request, summary_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    queries.require_writer(membership)
    summary = queries.get_own_summary_for(membership, summary_id)
    voices = voices_for(summary, queries.people_of(summary))
    items = [
        _comment_out(c) for c in comments_for_coordinator(voices, queries.comments_on(summary))
    ]
    return {"items": items, "count": len(items)}


@router.post(
    "/learning-summaries/{summary_id}/comments/{comment_id}/quote",
    response={200: CoordinatorCommentOut, 409: Detail},
    summary="Quote an expert's comment in the summary (or stop quoting it)",
    description="A quoted comment is published only while its writer agrees to be quoted.",
)
def quote(
    request: Request, summary_id: int, comment_id: int, body: QuoteIn
) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_writer(membership)
    summary = queries.get_own_summary_for(membership, summary_id)
    found = queries.get_comment_on(summary, comment_id)
    made = services.quote_comment(by=membership, summary=summary, comment=found, quote=body.quote)
    voices = voices_for(summary, queries.people_of(summary))
    (shown,) = comments_for_coordinator(voices, [made])
    return Status(200, _comment_out(shown))


@router.post(
    "/learning-summaries/{summary_id}/ask",
    response={200: AskedOut, 409: Detail},
    summary="Ask the experts who took part to read the draft and comment",
)
def ask(request: Request, summary_id: int) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    queries.require_writer(membership)
    summary = queries.get_own_summary_for(membership, summary_id)
    return Status(200, {"asked": services.ask_for_comments(by=membership, summary=summary)})

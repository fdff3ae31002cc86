"""The learning summary pages: the organisation's summaries, drafting one, editing its
words with the clarity checker's findings, publishing, the experts' comments, and the
summary in each format."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from powerwith.accounts.models import Membership
from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import (
    add_domain_error,
    form_status,
    membership_required,
    posted,
    refusal,
    refused_status,
)
from powerwith.evaluation.queries import prefers_easy_read
from powerwith.learning import document, queries, renderings, services
from powerwith.learning.forms import CommentForm, DraftForm, PeriodDraftForm, SummaryForm
from powerwith.learning.models import EDITED_SECTIONS, LearningSummary, SummaryComment
from powerwith.learning.sections import document_of, reading_of, shown_title
from powerwith.learning.shown import comments_for_coordinator, voices_for
from powerwith.opportunities.queries import opportunities_of
from powerwith.people.models import Person

FORMATS = {"html": renderings.html, "easy-read": renderings.easy_read, "pdf": renderings.pdf}


def _draft_form(membership: Membership, request: Request) -> DraftForm:
    return DraftForm(posted(request), opportunities=opportunities_of(membership).order_by("title"))


def _list_page(
    request: Request,
    membership: Membership,
    form: DraftForm | None = None,
    period_form: PeriodDraftForm | None = None,
) -> HttpResponse:
    writer = can(membership, Capability.WRITE_EVALUATION)
    return render(
        request,
        "learning/summaries.html",
        {
            "summaries": queries.summaries_of(membership),
            "form": form or (_draft_form(membership, request) if writer else None),
            "period_form": period_form or (PeriodDraftForm() if writer else None),
        },
        status=form_status(form, period_form),
    )


@membership_required
def summaries(request: Request) -> HttpResponse:
    membership = membership_of(request)
    if not can(membership, Capability.READ_EVALUATION):
        drafts = queries.summaries_to_comment_on(membership)
        return render(
            request,
            "learning/to_comment.html",
            {"drafts": [(s, shown_title(s)) for s in drafts]},
        )
    return _list_page(request, membership)


@membership_required
def summary_draft_period(request: Request) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    if request.method != "POST":
        return redirect("learning:summaries")
    form = PeriodDraftForm(posted(request))
    if form.is_valid():
        try:
            summary = services.draft_period_summary(
                by=membership,
                start=form.cleaned_data["period_start"],
                end=form.cleaned_data["period_end"],
                focus=form.cleaned_data["focus"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                "The summary is drafted from the records of the period, and the experts who "
                "took part are asked for their comments. Put it in your own words.",
            )
            return redirect("learning:summary_edit", summary_id=summary.pk)
    return _list_page(request, membership, period_form=form)


@membership_required
def summary_draft(request: Request) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    if request.method != "POST":
        return redirect("learning:summaries")
    form = _draft_form(membership, request)
    if form.is_valid():
        summary = services.draft_summary(
            by=membership, opportunity=form.cleaned_data["opportunity"]
        )
        messages.success(
            request, "The summary is drafted from the records. Put it in your own words."
        )
        return redirect("learning:summary_edit", summary_id=summary.pk)
    return _list_page(request, membership, form=form)


def _page(
    request: Request,
    summary: LearningSummary,
    comment_form: CommentForm | None = None,
    form: object = None,
    status: int = 200,
) -> HttpResponse:
    membership = membership_of(request)
    own = summary.organisation_id == membership.organisation_id
    writer = own and can(membership, Capability.WRITE_EVALUATION)
    commenting = (
        own
        and not summary.is_published
        and not can(membership, Capability.WORK_AS_STAFF)
        and queries.took_part(membership, summary)
    )
    findings = services.clarity_findings(summary) if writer and not summary.is_published else []
    reading = reading_of(summary)
    comments = []
    if writer:
        people = queries.people_of(summary)
        comments = comments_for_coordinator(
            voices_for(summary, people), queries.comments_on(summary)
        )
    person = queries.own_person(membership) if commenting else None
    return render(
        request,
        "learning/summary.html",
        {
            "summary": summary,
            "reading": reading,
            "scorecard_rows": renderings.scorecard_rows(reading),
            "writer": writer,
            "findings": findings,
            "blocking": [f for f in findings if f.finding.blocks],
            "comment_form": comment_form or (CommentForm() if commenting else None),
            "comments": comments,
            "own_comments": _own_comments(person, summary),
            "form": form,
            # The display setting, or for an expert reading a draft, the formats they chose.
            "easy_read_first": request.user.easy_read_first
            or (person is not None and prefers_easy_read(person)),
        },
        status=status,
    )


def _own_comments(person: Person | None, summary: LearningSummary) -> list[SummaryComment]:
    """What the expert wrote, for themselves, unless they withdrew from the work: then the
    draft they read holds none of their words (``shown``)."""
    if person is None:
        return []
    voices = voices_for(summary, [person])
    if voices.withdrew(person.pk):
        return []
    return queries.own_comments(person, summary)


@membership_required
def summary_ask(request: Request, summary_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    found = queries.get_own_summary_for(membership, summary_id)
    if request.method != "POST":
        return redirect("learning:summary", summary_id=found.pk)
    try:
        asked = services.ask_for_comments(by=membership, summary=found)
    except DomainError as error:
        return _page(request, found, form=refusal(error.message), status=refused_status(error))
    if asked:
        messages.success(
            request,
            f"{asked} expert{'s' if asked != 1 else ''} who took part "
            f"{'are' if asked != 1 else 'is'} asked to read the draft and comment.",
        )
    else:
        messages.success(request, "No expert took part in this work, so no one was asked.")
    return redirect("learning:summary", summary_id=found.pk)


@membership_required
def comment_quote(request: Request, summary_id: int, comment_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    found = queries.get_own_summary_for(membership, summary_id)
    comment = queries.get_comment_on(found, comment_id)
    if request.method != "POST":
        return redirect("learning:summary", summary_id=found.pk)
    quote = request.POST.get("quote") != "no"
    try:
        services.quote_comment(by=membership, summary=found, comment=comment, quote=quote)
    except DomainError as error:
        return _page(request, found, form=refusal(error.message), status=refused_status(error))
    messages.success(
        request,
        "The comment will be quoted in the summary, while its writer agrees to be quoted."
        if quote
        else "The comment will not be quoted.",
    )
    return redirect("learning:summary", summary_id=found.pk)


@membership_required
def summary(request: Request, summary_id: int) -> HttpResponse:
    membership = membership_of(request)
    return _page(request, queries.get_summary_for(membership, summary_id))


@membership_required
def summary_edit(request: Request, summary_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    found = queries.get_own_summary_for(membership, summary_id)
    initial = {"title": found.title, **{k: getattr(found, k) for k in EDITED_SECTIONS}}
    form = SummaryForm(posted(request), initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_summary(by=membership, summary=found, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
            status = refused_status(error)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("learning:summary", summary_id=found.pk)
    return render(
        request,
        "learning/edit.html",
        {"summary": found, "form": form},
        status=max(status, form_status(form)),
    )


@membership_required
def summary_publish(request: Request, summary_id: int) -> HttpResponse:
    membership = membership_of(request)
    queries.require_writer(membership)
    found = queries.get_own_summary_for(membership, summary_id)
    if request.method != "POST":
        return redirect("learning:summary", summary_id=found.pk)
    try:
        services.publish_summary(by=membership, summary=found)
    except DomainError as error:
        return _page(request, found, form=refusal(error.message), status=refused_status(error))
    messages.success(request, "The summary is published.")
    return redirect("learning:summary", summary_id=found.pk)


@membership_required
def summary_comment(request: Request, summary_id: int) -> HttpResponse:
    membership = membership_of(request)
    found = queries.get_summary_for(membership, summary_id)
    if request.method != "POST":
        return redirect("learning:summary", summary_id=found.pk)
    form = CommentForm(posted(request))
    if form.is_valid():
        try:
            services.comment_on_summary(
                by=membership, summary=found, text=form.cleaned_data["text"]
            )
        except DomainError as error:
            add_domain_error(form, error)
            return _page(request, found, form, form, status=refused_status(error))
        messages.success(request, "Thank you: your comment is sent to the coordinator.")
        return redirect("learning:summary", summary_id=found.pk)
    return _page(request, found, form, form, status=form_status(form))


@membership_required
def summary_file(request: Request, summary_id: int, file_format: str) -> HttpResponse:
    membership = membership_of(request)
    found = queries.get_summary_for(membership, summary_id)
    if file_format not in (*FORMATS, "json"):
        raise Http404("No such format.")
    reading = reading_of(found)
    if file_format == "json":
        return JsonResponse(document_of(reading, request.build_absolute_uri("/")[:-1]))
    made = FORMATS[file_format](reading)
    response = HttpResponse(made.data, content_type=made.content_type)
    response["Content-Disposition"] = f'inline; filename="{made.filename}"'
    return response


@require_GET
def schema(request: Request) -> HttpResponse:
    """The JSON Schema of the open document: public, so any installation can read it."""
    return HttpResponse(document.schema_text(), content_type="application/schema+json")

"""The person's own pages: "Tell us how it went" and "You said, we did". Each reaches an
engagement through the logged-in user's own accepted offers, so anyone else's is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import add_domain_error, form_status, organisation_filter, posted
from powerwith.evaluation import queries
from powerwith.evaluation.forms import FeedbackForm
from powerwith.evaluation.services.feedback import give_feedback
from powerwith.people.queries import organisation_choices, person_of


def _prefers_easy_read(request: Request) -> bool:
    person = person_of(request.user)
    if person is None:
        return request.user.easy_read_first
    return queries.prefers_easy_read(person)


@login_required
def my_feedback(request: Request) -> HttpResponse:
    person = person_of(request.user)
    shown = organisation_filter(request, organisation_choices(person) if person else [], "work")
    engagements = [
        e
        for e in queries.my_engagements(request.user, timezone.now())
        if shown.keeps(e.offer.organisation_id)
    ]
    return render(
        request,
        "evaluation/my_feedback.html",
        {
            "organisation_filter": shown,
            "to_answer": [e for e in engagements if e.to_answer],
            "answered": [e for e in engagements if e.answered],
            "not_yet": [e for e in engagements if not e.complete and not e.answered],
            "easy_read": _prefers_easy_read(request),
        },
    )


def _feedback(request: Request, feedback_offer_id: int, *, easy_read: bool) -> HttpResponse:
    engagement = queries.get_own_engagement(request.user, feedback_offer_id, timezone.now())
    form = FeedbackForm(posted(request), easy_read=easy_read)
    if request.method == "POST" and engagement.to_answer and form.is_valid():
        try:
            give_feedback(
                engagement=engagement,
                user=request.user,
                answers=form.answers(),
                comments=form.cleaned_data["comments"],
                anonymous=form.cleaned_data["anonymous"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, "Thank you for telling us how it went.")
            return redirect("evaluation:my_feedback")
    template = "evaluation/feedback_easy_read.html" if easy_read else "evaluation/feedback.html"
    return render(
        request,
        template,
        {"engagement": engagement, "offer": engagement.offer, "form": form},
        status=form_status(form),
    )


@login_required
def my_feedback_form(request: Request, feedback_offer_id: int) -> HttpResponse:
    return _feedback(request, feedback_offer_id, easy_read=False)


@login_required
def my_feedback_easy_read(request: Request, feedback_offer_id: int) -> HttpResponse:
    return _feedback(request, feedback_offer_id, easy_read=True)


@login_required
def my_impact(request: Request) -> HttpResponse:
    return render(
        request, "evaluation/my_impact.html", {"entries": queries.shared_impact(request.user)}
    )

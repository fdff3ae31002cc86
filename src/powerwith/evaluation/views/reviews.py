"""Reviews due: the staff page (the organisation's opportunities, enduring roles and
consents, and the Wellness Action Plans the member was chosen to read) and the person's
own page (their plan and their consents to reconfirm)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import membership_required
from powerwith.evaluation.queries import reviews as queries
from powerwith.people.queries import person_of
from powerwith.people.queries.wellness import plan_of


def _split(reviews: list[queries.Review]) -> dict[str, object]:
    return {
        "overdue": [r for r in reviews if r.overdue],
        "due_soon": [r for r in reviews if not r.overdue],
        "days": queries.DUE_WITHIN_DAYS,
    }


@membership_required
def reviews_due(request: Request) -> HttpResponse:
    membership = membership_of(request)
    if not can(membership, Capability.WORK_AS_STAFF):
        return redirect("evaluation:my_reviews")
    reviews = queries.reviews_for_staff(membership, timezone.localdate())
    return render(
        request,
        "evaluation/reviews.html",
        {
            **_split(reviews),
            "organisation": membership.organisation,
            "whole_organisation": can(membership, Capability.OVERSEE_ALL_WORK),
        },
    )


@login_required
def my_reviews(request: Request) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        raise Http404("You do not have a profile.")
    today = timezone.localdate()
    reviews = queries.reviews_for_person(person, queries.organisations_of(person), today)
    plan = plan_of(person)
    later = (
        plan.review_date
        if plan and plan.review_date and plan.review_date > queries.horizon(today)
        else None
    )
    return render(
        request,
        "evaluation/my_reviews.html",
        {
            **_split(reviews),
            "plan_review": later,
        },
    )

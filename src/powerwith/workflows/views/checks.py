"""The person's own safe-to-work checks, with who to ask about them: the contact comes from
the person's offers (`workflows.check_reminders`), which sit above safe_to_work. Each
organisation the person works with keeps its own checks, so the page shows one part per
organisation, read through the person (never the current organisation)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import render

from powerwith.core.http import Request
from powerwith.core.web import membership_required, organisation_filter
from powerwith.people.queries import organisation_choices, person_of
from powerwith.safe_to_work import queries
from powerwith.workflows.check_reminders import who_to_ask


@membership_required
def my_checks(request: Request) -> HttpResponse:
    person = person_of(request.user)
    if person is None:
        raise Http404("Only an expert by experience has checks of their own.")
    shown = organisation_filter(request, organisation_choices(person), "checks")
    parts: list[dict[str, Any]] = [
        {
            "organisation": name,
            "checks": queries.checks_of(organisation_id, person),
            "ask": who_to_ask(organisation_id, person),
        }
        for organisation_id, name in shown.options
        if shown.keeps(organisation_id)
    ]
    context = {"parts": parts, "organisation_filter": shown}
    return render(request, "safe_to_work/my_checks.html", context)

"""The person's own safe-to-work checks, with who to ask about them: the contact comes from
the person's offers (`workflows.check_reminders`), which sit above safe_to_work."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from powerwith.core.http import Request, membership_of
from powerwith.core.web import membership_required
from powerwith.people.queries import person_id_for
from powerwith.safe_to_work import queries
from powerwith.workflows.check_reminders import who_to_ask


@membership_required
def my_checks(request: Request) -> HttpResponse:
    membership = membership_of(request)
    own_id = person_id_for(membership)
    if own_id is None:
        raise Http404("Only an expert by experience has checks of their own.")
    person = queries.person_for_checks(membership, own_id)
    return render(
        request,
        "safe_to_work/my_checks.html",
        {
            "checks": queries.checks_of(membership.organisation_id, person),
            "organisation": membership.organisation,
            "ask": who_to_ask(membership.organisation_id, person),
        },
    )

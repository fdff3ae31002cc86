"""Withdrawing or reconfirming a consent from the person's list of consents. Withdrawing
consent to take part is leaving the work (``workflows.leaving``), so the step is served
here under consent's paths and names; the list itself is consent's page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from powerwith.consent import queries
from powerwith.consent.forms import WithdrawForm
from powerwith.consent.models import Action
from powerwith.consent.views import leave_page, me, page
from powerwith.consent.wording import Scope
from powerwith.core.errors import DomainError
from powerwith.core.http import Request
from powerwith.core.web import INVALID, membership_required, refused_status
from powerwith.workflows import leaving

DONE: dict[str, str] = {
    Action.WITHDRAW: "You have withdrawn your consent: {label}.",
    Action.RECONFIRM: "Thank you. You still agree: {label}.",
}


@require_POST
@membership_required
def record_consent(request: Request, action: str) -> HttpResponse:
    """One step from the list: withdraw a consent, or say it still holds (for one that has
    lapsed or lapses soon). The same actions the API records, by the same names."""
    membership, person = me(request)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        form.add_error(None, "That consent could not be found. Choose one from the list.")
        return page(request, form, status=INVALID)
    scope = form.cleaned_data["scope"]
    leaving_the_work = scope == Scope.TAKE_PART and form.cleaned_data["output_id"] is None
    if action == Action.WITHDRAW and leaving_the_work:
        # Withdrawing consent to take part is leaving the work: say first what happens.
        return redirect(leave_page(form.cleaned_data["opportunity_id"], membership.organisation_id))
    try:
        leaving.CONSENT_ACTIONS[action](
            person=person,
            scope=scope,
            actor=membership,
            opportunity=queries.context_opportunity(
                membership, form.cleaned_data["opportunity_id"]
            ),
            output_id=form.cleaned_data["output_id"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return page(request, form, status=refused_status(error))
    messages.success(request, DONE[action].format(label=Scope(scope).label))
    return redirect("consent:my_consents")

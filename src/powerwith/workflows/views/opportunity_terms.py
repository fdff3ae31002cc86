"""Creating an opportunity and changing its terms: one form, with its required experience
and its sessions as rows. Everything is saved together or, on any error, nothing is.
Saving is changing the work (``workflows.changing_work``), so the pages are served here
under opportunities' paths and names."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.accounts.queries import members_of
from powerwith.core.errors import DomainError
from powerwith.core.forms import shown_unchecked
from powerwith.core.http import Request
from powerwith.core.permissions import Capability, can
from powerwith.core.web import form_status, membership_required
from powerwith.offers.checks import opportunity_findings
from powerwith.opportunities import queries
from powerwith.opportunities.forms import (
    FIELD_FOR,
    NEW_INITIAL,
    OpportunityForm,
    RequirementFormSet,
    SessionFormSet,
    initial_for,
    requirement_initial,
    requirement_inputs,
    session_initial,
    session_rows,
)
from powerwith.opportunities.models import (
    STARTING_STATUSES,
    STATUS_TRANSITIONS,
    Opportunity,
    OpportunityStatus,
)
from powerwith.opportunities.rules import RowError
from powerwith.opportunities.views.access import require_manager
from powerwith.workflows import changing_work

STATUS_HINTS = {
    OpportunityStatus.DRAFT: "Draft: not offered to anyone yet",
    OpportunityStatus.OPEN: "Open: ready to offer to people",
    OpportunityStatus.IN_PROGRESS: "In progress: the work has started",
    OpportunityStatus.COMPLETED: "Completed: the work is done",
    OpportunityStatus.REVIEWED: "Reviewed: the work has been evaluated and reviewed",
    OpportunityStatus.CANCELLED: "Cancelled: the work will not go ahead",
}
SESSION_PARTS = {"starts_at": "date", "minutes": "minutes"}


ROW_LISTS = ("session", "requirement")


@dataclass
class TermForms:
    form: OpportunityForm
    requirements: Any
    sessions: Any
    # The list a row was just added to ("session" or "requirement"): the page is shown
    # again with what was typed, and nothing is saved or checked.
    adding: str = ""

    def is_valid(self) -> bool:
        # Every one is checked, so that every error is shown at once.
        return all([self.form.is_valid(), self.requirements.is_valid(), self.sessions.is_valid()])

    def context(self) -> dict[str, Any]:
        groups = [
            {"label": "Session", "formset": self.sessions},
            {"label": "Required experience", "formset": self.requirements},
        ]
        rows_wrong = any(
            g["formset"].is_bound
            and (g["formset"].non_form_errors() or any(row.errors for row in g["formset"]))
            for g in groups
        )
        return {
            "form": self.form,
            "requirements": self.requirements,
            "sessions": self.sessions,
            "row_groups": groups,
            "rows_wrong": rows_wrong,
            "adding": self.adding,
        }


def _statuses(opportunity: Opportunity | None) -> list[tuple[str, str]]:
    allowed: frozenset[str]
    if opportunity is None:
        allowed = frozenset(STARTING_STATUSES)
    else:
        allowed = STATUS_TRANSITIONS[opportunity.status] | {opportunity.status}
    return [(s.value, STATUS_HINTS[s]) for s in OpportunityStatus if s in allowed]


def _members(membership: Membership) -> list[tuple[str, str]]:
    return [
        (str(m.user_id), f"{m.user.full_name or m.user.email} ({m.get_role_display()})")
        for m in members_of(membership)
        if can(m, Capability.CARE_FOR_PEOPLE)
    ]


def _with_another_row(data: QueryDict, prefix: str, most: int) -> QueryDict:
    """The form as sent, with one more (empty) row in the list named by ``prefix``, up
    to the most that list may hold."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        rows = int(data.get(key) or 0)
    except ValueError:
        return data
    data[key] = str(min(rows + 1, most))
    return data


def _term_forms(
    request: Request, membership: Membership, opportunity: Opportunity | None = None
) -> TermForms:
    data: QueryDict | None = request.POST if request.method == "POST" else None
    adding = str(data.get("add_row", "")) if data is not None else ""
    if adding not in ROW_LISTS:
        adding = ""
    if data is not None and adding:
        most = SessionFormSet.max_num if adding == "session" else RequirementFormSet.max_num
        data = _with_another_row(data, adding, most)
    if opportunity is None:
        initial: dict[str, Any] = NEW_INITIAL
        requirements: list[dict[str, Any]] = []
        sessions: list[dict[str, Any]] = []
    else:
        initial = initial_for(opportunity)
        requirements = requirement_initial(opportunity.required_experience.all())
        sessions = session_initial(opportunity.sessions.all(), ZoneInfo(settings.TIME_ZONE))
    form = OpportunityForm(
        data,
        initial=initial,
        members=_members(membership),
        rates=queries.current_rates(membership.organisation_id, timezone.localdate()),
        statuses=_statuses(opportunity),
    )
    made = TermForms(
        form,
        RequirementFormSet(data, prefix="requirement", initial=requirements),
        SessionFormSet(data, prefix="session", initial=sessions),
        adding,
    )
    if adding:
        shown_unchecked(made.form, made.requirements, made.sessions)
    return made


def _show(forms_: TermForms, rows: list[tuple[forms.Form, Any]], error: DomainError) -> None:
    """Show a service's refusal where it belongs: on the session row, the field, or the
    top of the form."""
    if isinstance(error, RowError) and error.number <= len(rows):
        rows[error.number - 1][0].add_error(SESSION_PARTS[error.part], error.reason)
        return
    field = FIELD_FOR.get(error.field or "", error.field)
    forms_.form.add_error(field if field in forms_.form.fields else None, error.message)


def _save(
    membership: Membership, forms_: TermForms, opportunity: Opportunity | None
) -> Opportunity | None:
    rows = session_rows(forms_.sessions)
    sessions = [entry for _, entry in rows]
    requirements = requirement_inputs(forms_.requirements)
    try:
        if opportunity is None:
            return changing_work.create_opportunity(
                by=membership,
                data=forms_.form.changes(),
                requirements=requirements,
                sessions=sessions,
            )
        return changing_work.update_opportunity(
            opportunity,
            by=membership,
            changes=forms_.form.changes(),
            requirements=requirements,
            sessions=sessions,
        )
    except DomainError as error:
        _show(forms_, rows, error)
        return None


def _clarity_note(opportunity: Opportunity) -> str:
    """Saved whatever the clarity checker finds (a draft can be finished later); what it
    found is on the opportunity's page."""
    findings = opportunity_findings(opportunity)
    if any(f["blocks"] for f in findings):
        return (
            " Its offers cannot be sent until the words the clarity checker marks below "
            "are changed."
        )
    if any(f["severity"] == "warning" for f in findings):
        return " The clarity checker has warnings about its wording: see below."
    return ""


def _page(request: Request, forms_: TermForms, opportunity: Opportunity | None) -> HttpResponse:
    context = {**forms_.context(), "opportunity": opportunity}
    status = form_status(forms_.form, forms_.requirements, forms_.sessions)
    return render(request, "opportunities/terms_form.html", context, status=status)


@membership_required
def opportunity_new(request: Request) -> HttpResponse:
    membership = require_manager(request)
    forms_ = _term_forms(request, membership)
    if request.method == "POST" and not forms_.adding and forms_.is_valid():
        made = _save(membership, forms_, None)
        if made is not None:
            messages.success(request, f"“{made.title}” is saved.{_clarity_note(made)}")
            return redirect("opportunities:detail", opportunity_id=made.pk)
    return _page(request, forms_, None)


@membership_required
def opportunity_edit(request: Request, opportunity_id: int) -> HttpResponse:
    membership = require_manager(request)
    opportunity = queries.get_opportunity_for(membership, opportunity_id)
    forms_ = _term_forms(request, membership, opportunity)
    if request.method == "POST" and not forms_.adding and forms_.is_valid():
        changed = _save(membership, forms_, opportunity)
        if changed is not None:
            messages.success(
                request, f"The changes to “{changed.title}” are saved.{_clarity_note(changed)}"
            )
            return redirect("opportunities:detail", opportunity_id=changed.pk)
    return _page(request, forms_, opportunity)

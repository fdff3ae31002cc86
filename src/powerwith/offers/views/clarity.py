"""The clarity checker's page: a form that works without JavaScript, and live feedback for
any textarea that posts to it with htmx (it answers just the findings then)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import form_status, membership_required
from powerwith.offers.clarity import check
from powerwith.offers.forms.clarity import ClarityForm


def _require_writer(request: Request) -> Membership:
    membership = membership_of(request)
    if not can(membership, Capability.CHECK_CLARITY):
        raise PermissionDenied(
            "Only coordinators, admins and contact people can use the clarity checker."
        )
    return membership


@membership_required
def clarity_check(request: Request) -> HttpResponse:
    _require_writer(request)
    data = _posted(request) if request.method == "POST" else None
    if data is not None and not data["text"].strip() and _live_feedback(request):
        data = None  # an empty box being typed in: nothing to say yet, and no error
    form = ClarityForm(data)
    context: dict[str, object] = {"form": form, "findings": None}
    if form.is_valid():
        findings = check(form.cleaned_data["text"], form.cleaned_data["audience"])
        warnings = sum(1 for finding in findings if finding.severity == "warning")
        context |= {
            "findings": findings,
            "warning_count": warnings,
            "advice_count": len(findings) - warnings,
        }
    template = "offers/clarity_check.html"
    if request.htmx:
        template += "#findings"
    return render(request, template, context, status=form_status(form))


def _live_feedback(request: Request) -> bool:
    """htmx names the element that fired: a textarea as it is typed in, where this page's
    own form (which has no name) is a submission that deserves its error message."""
    return bool(request.htmx and request.htmx.trigger_name)


def _posted(request: Request) -> dict[str, str]:
    """A textarea on another page keeps its own name: it says which with ``?field=``."""
    field = request.GET.get("field") or "text"
    return {
        "text": request.POST.get(field, ""),
        "audience": request.POST.get("audience", "standard"),
    }

"""The "action needed" list: a member of staff's own tasks, and marking them done."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from powerwith.core.errors import DomainError
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.web import membership_required
from powerwith.inbox import queries
from powerwith.inbox.services import mark_done


def _require_staff(request: Request) -> None:
    if not can(membership_of(request), Capability.WORK_AS_STAFF):
        raise PermissionDenied("The action needed list is for members of staff.")


@membership_required
def action_needed(request: Request) -> HttpResponse:
    _require_staff(request)
    membership = membership_of(request)
    context = {
        "open_actions": list(queries.open_actions(membership)),
        "done_actions": list(queries.recently_done_actions(membership, timezone.now())[:20]),
    }
    return render(request, "inbox/action_needed.html", context)


@membership_required
@require_POST
def action_done(request: Request, action_id: int) -> HttpResponse:
    _require_staff(request)
    membership = membership_of(request)
    item = queries.get_action_for(membership, action_id)
    try:
        mark_done(item, by=membership)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Marked as done: {item.title}")
    return redirect("inbox:action_needed")

"""A personal calendar feed: a page on the user's account to make or end it, and the
feed itself at a secret address a calendar app can read without logging in."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from powerwith.core.http import Request
from powerwith.engagements.queries import sessions as queries
from powerwith.engagements.services import calendar


@login_required
def calendar_settings(request: Request) -> HttpResponse:
    address = ""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            calendar.revoke_feed(request.user)
            messages.success(
                request, "Your calendar feed is turned off. The old address no longer works."
            )
            return redirect("engagements:calendar_settings")
        _, token = calendar.create_feed(request.user)
        # Shown once, on this answer only: it is not kept anywhere it could be read again.
        address = settings.SITE_URL + reverse("engagements:calendar_feed", args=[token])
    context = {"feed": queries.active_feed(request.user), "address": address}
    return render(request, "engagements/calendar_settings.html", context)


def calendar_feed(request: Request, feed_token: str) -> HttpResponse:
    user = queries.feed_owner(feed_token)
    data = calendar.calendar_file(queries.feed_sessions(user), name="powerwith sessions")
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response

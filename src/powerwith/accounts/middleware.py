from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from powerwith.accounts.queries import membership_of

SESSION_KEY = "organisation_id"


def current_membership(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Attach the membership the user is acting in (the organisation chosen in the header)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        membership = None
        if request.user.is_authenticated:
            membership = membership_of(request.user, request.session.get(SESSION_KEY))
        request.membership = membership  # type: ignore[attr-defined]
        return get_response(request)

    return middleware

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from powerwith.accounts import sessions, two_factor
from powerwith.accounts.models import Membership
from powerwith.accounts.queries import memberships_and_current

SESSION_KEY = "organisation_id"

Handler = Callable[[HttpRequest], HttpResponse]


def current_membership(get_response: Handler) -> Handler:
    """Attach the membership the user is acting in (the organisation chosen in the header)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        membership: Membership | None = None
        memberships: list[Membership] = []
        if request.user.is_authenticated:
            memberships, membership = memberships_and_current(
                request.user, request.session.get(SESSION_KEY)
            )
        request.membership = membership  # type: ignore[attr-defined]
        request.memberships = memberships  # type: ignore[attr-defined]
        return get_response(request)

    return middleware


def no_store_when_signed_in(get_response: Handler) -> Handler:
    """Nothing shown to a logged-in person, or answered to an API token, is kept by the
    browser or a shared cache: ``Cache-Control: no-store`` (with Django's never-cache set)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response

    return middleware


ENDED_MESSAGES = {
    "idle": "You were logged out because you had not used powerwith for {minutes} minutes. "
    "This keeps people's information safe on shared computers. Log in again to carry on.",
    "expired": "You were logged out because you logged in more than {hours} hours ago. "
    "Log in again to carry on.",
}


def session_limits(get_response: Handler) -> Handler:
    """End a logged-in session after the idle or the absolute time limit."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            reason = sessions.expired_because(request)
            if reason is not None:
                logout(request)
                minutes, hours = (
                    sessions.idle_limit().total_seconds() // 60,
                    sessions.absolute_limit().total_seconds() // 3600,
                )
                messages.info(
                    request, ENDED_MESSAGES[reason].format(minutes=int(minutes), hours=int(hours))
                )
                if request.path.startswith("/api/"):
                    return get_response(request)
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('accounts:login')}?{query}")
        return get_response(request)

    return middleware


# What a person who has given their password but not yet their code may open.
HALF_LOGGED_IN_VIEWS = frozenset(
    {
        "accounts:two_factor_setup",
        "accounts:two_factor_verify",
        "accounts:logout",
        "accounts:login",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
    }
)


class SecondFactorRequired:
    """A person who needs a second factor reaches nothing but the set-up and code pages
    (and logging out) until a code is accepted in this session. The API is left alone:
    it authenticates each request with a Bearer token, not the session."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: Any,
        view_kwargs: Any,
    ) -> HttpResponse | None:
        if not request.user.is_authenticated or two_factor.is_verified(request):
            return None
        match = request.resolver_match
        if match is None or match.namespace == "api" or match.view_name in HALF_LOGGED_IN_VIEWS:
            return None
        if request.path.startswith(("/api/", "/static/")):
            return None
        user = request.user
        if not two_factor.required_for(user):
            return None
        target = (
            "accounts:two_factor_verify"
            if two_factor.has_second_factor(user)
            else "accounts:two_factor_setup"
        )
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")

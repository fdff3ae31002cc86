"""Login throttling with django-axes: slow down guessing without locking the real person
out for long.

Two counts, both over the cool-off period (15 minutes by default) after the last failure:

- the e-mail address typed together with the address it came from: a few tries
  (``AXES_FAILURE_LIMIT``, 5) — someone guessing one account's password;
- the address alone, whatever e-mail addresses are typed: more tries
  (``LOGIN_FAILURES_PER_ADDRESS``, 30) — someone trying many accounts, while a shared
  office address with a few people mistyping is not shut out.

The real person logging in from elsewhere is never locked out by someone else's
guesses, and a lockout ends by itself after the cool-off. A successful login clears
that person's failures from that address.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def username_of(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The e-mail address as the login form reads it: trimmed and in lower case."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(raw).strip().lower()[:254]


def client_address(request: HttpRequest) -> str | None:
    """The client's address. Behind our own proxy, the last X-Forwarded-For entry (the one
    the proxy added); otherwise the socket's address, which a client cannot forge."""
    candidates = []
    if settings.BEHIND_PROXY:
        forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
        candidates += [entry.strip() for entry in forwarded.split(",")][-1:]
    candidates.append(str(request.META.get("REMOTE_ADDR") or ""))
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


class LoginThrottle(AxesDatabaseHandler):
    """django-axes's database handler with a separate, higher limit for an address alone."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        by_account, by_address = (
            sum(attempts.values_list("failures_since_start", flat=True))
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = int(settings.AXES_FAILURE_LIMIT)
        if by_address >= settings.LOGIN_FAILURES_PER_ADDRESS:
            return max(limit, int(by_account))
        return int(by_account)

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        """After a successful login, forget only that person's failures from that address:
        logging in to one's own account must not wipe the count of guesses at others."""
        by_account = self.filter_user_attempts(request, credentials)[0]
        count, _ = by_account.delete()
        return int(count)


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes's check before any password is compared. A login with no request comes
    from code (a shell, the test client), never from the web, and is not throttled."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        super().authenticate(request, username, password, **kwargs)
        return None

"""Logged-in sessions: where a person is logged in, for how long, and ending them.

Each login gets a new session key (Django's ``login()`` cycles it) and a ``UserSession``
row. A session ends after ``SESSION_IDLE_MINUTES`` without a request or
``SESSION_MAX_HOURS`` after the login, whichever comes first; its owner can end it
sooner from the "Where you are logged in" page.
"""

from __future__ import annotations

import time
from datetime import timedelta
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from powerwith.accounts import audit, queries
from powerwith.accounts.models import User, UserSession
from powerwith.accounts.throttle import client_address

STARTED = "pw_started"
SEEN = "pw_seen"
SEEN_EVERY_SECONDS = 60


def idle_limit() -> timedelta:
    return timedelta(minutes=settings.SESSION_IDLE_MINUTES)


def absolute_limit() -> timedelta:
    return timedelta(hours=settings.SESSION_MAX_HOURS)


def _client_address(request: HttpRequest) -> str | None:
    return client_address(request)


def started(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    """On every login: note when it began, and keep a row its owner can see and end."""
    session = getattr(request, "session", None)
    if session is None:
        return
    now = time.time()
    session[STARTED] = now
    session[SEEN] = now
    if session.session_key is None:
        session.save()
    queries.login_session_with_key(session.session_key).update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user,
            "user_agent": str(request.META.get("HTTP_USER_AGENT", ""))[:300],
            "ip_address": _client_address(request),
            "started_at": timezone.now(),
            "last_seen_at": timezone.now(),
            "ended_at": None,
        },
    )


def ended(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        queries.login_session_with_key(session.session_key).filter(ended_at=None).update(
            ended_at=timezone.now()
        )


def renew_key(request: HttpRequest) -> None:
    """A new session key once the second step is passed, as at the password step: the
    session is now worth more, so a key seen before it must not carry over."""
    session = request.session
    old = session.session_key
    session.cycle_key()
    if old:
        queries.login_session_with_key(old).update(session_key=session.session_key)


def connect_signals() -> None:
    user_logged_in.connect(started, dispatch_uid="powerwith.sessions.started")
    user_logged_out.connect(ended, dispatch_uid="powerwith.sessions.ended")


def expired_because(request: HttpRequest) -> str | None:
    """Why this logged-in session must end now ("idle" or "expired"), or None. Notes the
    request as activity (in the session, and at most once a minute in the database)."""
    session = request.session
    now = time.time()
    begun, seen = session.get(STARTED), session.get(SEEN)
    if begun is None or seen is None:
        session[STARTED] = session[SEEN] = now
        return None
    if now - float(begun) > absolute_limit().total_seconds():
        return "expired"
    if now - float(seen) > idle_limit().total_seconds():
        return "idle"
    if now - float(seen) >= SEEN_EVERY_SECONDS:
        session[SEEN] = now
        if session.session_key:
            queries.login_session_with_key(session.session_key).update(last_seen_at=timezone.now())
    return None


def active_sessions_of(user: User) -> QuerySet[UserSession]:
    now = timezone.now()
    return queries.login_sessions_of(user).filter(
        ended_at=None,
        last_seen_at__gt=now - idle_limit(),
        started_at__gt=now - absolute_limit(),
    )


def get_session_for(user: User, user_session_id: int) -> UserSession:
    found = active_sessions_of(user).filter(pk=user_session_id).first()
    if found is None:
        raise Http404("No such session.")
    return found


def _session_store() -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore


@transaction.atomic
def end_session(*, user_session: UserSession, by: User) -> None:
    """Log that browser out: its session is deleted, so its next request is anonymous."""
    if user_session.user_id != by.pk:
        raise Http404("No such session.")
    _end(user_session, actor=by)


def _end(user_session: UserSession, *, actor: User) -> None:
    _session_store()(session_key=user_session.session_key).delete()
    queries.login_session_with_key(user_session.session_key).update(ended_at=timezone.now())
    audit.record(
        actor=actor,
        action="session.ended",
        target=user_session,
        user_agent=user_session.user_agent,
    )


def end_other_sessions(*, user: User, current_key: str | None) -> int:
    others = [s for s in active_sessions_of(user) if s.session_key != current_key]
    for other in others:
        end_session(user_session=other, by=user)
    return len(others)


def end_every_session_of(user: User, *, actor: User) -> int:
    """Every open session of ``user`` ends (an admin resetting their second factor)."""
    found = list(active_sessions_of(user))
    for user_session in found:
        _end(user_session, actor=actor)
    return len(found)

"""The REST API, version 1: one NinjaAPI that mounts each app's router.

Every failure answers JSON ``{"detail": ...}``; nothing under ``/api/`` answers HTML.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from powerwith import health as service_health
from powerwith import metrics
from powerwith.accounts import queries as accounts_queries
from powerwith.accounts.api import router as accounts_router
from powerwith.accounts.models import ApiToken
from powerwith.accounts.services import note_token_used
from powerwith.core.errors import DomainError
from powerwith.middleware import NUL_REFUSED, holds_nul, route_of
from powerwith.offers.api import router as offers_router
from powerwith.people.api import router as people_router

logger = logging.getLogger(__name__)


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = accounts_queries.active_token(token)
        if found is None:
            return None
        note_token_used(found)
        request.user = found.membership.user
        request.membership = found.membership  # type: ignore[attr-defined]
        refuse_nul(request)
        refuse_numbers_too_large(request)
        return found


# No database column holds an integer beyond 64 bits (SQLite raises on binding one), so a
# body carrying one is refused at the edge, whatever field it is in.
LARGEST_INTEGER = 2**63 - 1
LONG_NUMBER = re.compile(rb"\d{19,}")
NUMBER_TOO_LARGE = "A number in the request is too large."


def _holds_integer_too_large(value: object) -> bool:
    if isinstance(value, dict):
        return any(_holds_integer_too_large(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_integer_too_large(item) for item in value)
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST_INTEGER


def refuse_numbers_too_large(request: HttpRequest) -> None:
    if request.content_type != "application/json" or not LONG_NUMBER.search(request.body):
        return
    try:
        parsed = json.loads(request.body)
    except ValueError:
        return  # the operation answers 422 for JSON it cannot read
    if _holds_integer_too_large(parsed):
        raise ValidationError(
            [{"loc": ["body"], "msg": NUMBER_TOO_LARGE, "type": "number_too_large"}]
        )


def refuse_nul(request: HttpRequest) -> None:
    """A NUL character in the query string or anywhere in a JSON body is refused (no
    database column takes it; PostgreSQL fails on it): 400 for a query, 422 for a body
    (its detail a list, as for any invalid body).
    Checked once the token is known good, so a request without one is told that first;
    the middleware has already refused a body over the upload limit."""
    if any(holds_nul(k) or holds_nul(v) for k, v in request.GET.lists()):
        raise HttpError(400, NUL_REFUSED)
    if request.content_type == "multipart/form-data":
        return
    if b"\\u0000" in request.body:
        try:
            parsed = json.loads(request.body)
        except ValueError:
            return  # the operation answers 422 for JSON it cannot read
        if holds_nul(parsed):
            # Shaped as any other invalid body is, so every operation's 422 stays one shape.
            raise ValidationError([{"loc": ["body"], "msg": NUL_REFUSED, "type": "nul_character"}])


class TokenRateThrottle(BaseThrottle):
    """At most ``API_TOKEN_RATE_PER_MINUTE`` requests per token in each clock minute.

    A fixed-window counter in Django's cache. The default cache is the database one,
    shared by every worker of every app server (its ``incr`` locks the counter, see
    ``powerwith.core.cache``), so a limit of N is N across the whole site, not per
    process; Redis (``CACHE_URL``) counts atomically too. A request costs one ``incr``;
    the first of each window adds the counter."""

    WINDOW = 60

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "auth", None)
        if not isinstance(token, ApiToken):
            return True
        window = int(time.time() // self.WINDOW)
        key = f"api-rate:{token.prefix}:{window}"
        try:
            count = cache.incr(key)
        except ValueError:  # the first request of the window (or the counter was evicted)
            # (unless another server added it first: then count this one on top)
            count = 1 if cache.add(key, 1, timeout=self.WINDOW * 2) else cache.incr(key)
        return bool(count <= settings.API_TOKEN_RATE_PER_MINUTE)

    def wait(self) -> float | None:
        """Seconds until the next window opens (the same for every token)."""
        return float(self.WINDOW - time.time() % self.WINDOW)


api = NinjaAPI(
    title="powerwith API",
    version="1",
    description="Fair, respectful co-working with experts by experience.",
    auth=BearerToken(),
    urls_namespace="api",
    docs_url=None,
    throttle=[TokenRateThrottle()],
)


def _detail(request: HttpRequest, detail: object, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return _detail(request, "A valid API token is required (Authorization: Bearer <token>).", 401)


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    seconds = max(1, math.ceil(exc.wait or TokenRateThrottle.WINDOW))
    response = _detail(
        request,
        f"Too many requests with this token: at most {settings.API_TOKEN_RATE_PER_MINUTE} a "
        f"minute. Try again in {seconds} seconds.",
        429,
    )
    response["Retry-After"] = str(seconds)
    return response


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _detail(request, exc.message, exc.status_code)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return _detail(request, exc.errors, 422)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return _detail(request, exc.message, exc.status_code)


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _detail(request, "Not found.", 404)


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _detail(request, str(exc) or "You do not have permission to do that.", 403)


@api.exception_handler(Exception)
def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    # The route's pattern and the request's id, never ``request.path``: a path can hold
    # an id or a one-time token. The id finds the request's other lines (and the caller's
    # X-Request-ID); the exception is logged as its class and place (powerwith.logs).
    route = route_of(request)
    request_id = getattr(request, "request_id", None)
    logger.exception(
        "Unhandled error on %s %s (request %s)",
        request.method,
        route,
        request_id,
        extra={"method": request.method, "route": route},
    )
    return _detail(request, "Something went wrong on our side. It has been logged.", 500)


class HealthOut(Schema):
    status: str
    database: str
    cache: str
    worker: str
    checkpoint: str


class AliveOut(Schema):
    status: str


class ReadyOut(Schema):
    status: str
    database: str
    cache: str
    worker: str
    checkpoint: str
    failing: list[str]


@api.get("/health", auth=None, response={200: HealthOut, 503: HealthOut}, tags=["service"])
def health(request: HttpRequest) -> Status[dict[str, str]]:
    """Ready to serve pages when the database and the shared cache answer (503
    otherwise). ``worker`` says whether a worker's heartbeat is recent and ``checkpoint``
    whether the consent ledger was anchored within a day (``ok``, ``late``, ``missing``):
    pages work without either, so neither takes an app server out of a proxy's rotation."""
    found = service_health.serving()
    return Status(503 if found["status"] == "error" else 200, found)


@api.get("/health/alive", auth=None, response={200: AliveOut}, tags=["service"])
def health_alive(request: HttpRequest) -> Status[dict[str, str]]:
    """The process answers; nothing else is asked (no database, no cache)."""
    return Status(200, {"status": "ok"})


@api.get("/health/ready", auth=None, response={200: ReadyOut, 503: ReadyOut}, tags=["service"])
def health_ready(request: HttpRequest) -> Status[dict[str, object]]:
    """Everything works, including the work done later: database, cache, a recent worker
    heartbeat and a recent ledger checkpoint. 503 lists what is not in ``failing``."""
    found = service_health.ready()
    return Status(503 if found["failing"] else 200, found)


@api.get("/metrics", auth=None, tags=["service"])
def prometheus_metrics(request: HttpRequest) -> HttpResponse:
    """Figures for staff monitoring in Prometheus's text format (docs/adr/019-operable.md),
    for the scraper holding ``POWERWITH_METRICS_TOKEN`` (``Authorization: Bearer …``):
    401 without it, 404 on a site that has not set one. No organisation's token opens
    it: the figures are the whole site's."""
    expected = settings.METRICS_TOKEN
    if not expected:
        raise Http404
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        response = _detail(request, "The metrics token is required (Authorization: Bearer …).", 401)
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(metrics.scrape(), content_type=metrics.CONTENT_TYPE)


api.add_router("/", accounts_router)
api.add_router("/", "powerwith.people.api.me.router")
api.add_router("/", people_router)
api.add_router("/", "powerwith.workflows.api.opportunities.router")
api.add_router("/", offers_router)
api.add_router("/", "powerwith.offers.api.offers.router")
api.add_router("/", "powerwith.workflows.api.offers.router")
api.add_router("/", "powerwith.offers.api.render.router")
api.add_router("/", "powerwith.consent.api.router")
api.add_router("/", "powerwith.workflows.api.consent.router")
api.add_router("/", "powerwith.consent.api.outputs.router")
api.add_router("/", "powerwith.engagements.api.sessions.router")
api.add_router("/", "powerwith.workflows.api.adjustments.router")
api.add_router("/", "powerwith.engagements.api.wellbeing.router")
api.add_router("/", "powerwith.workflows.api.wellbeing.router")
api.add_router("/", "powerwith.inbox.api.router")
api.add_router("/", "powerwith.messaging.api.router")
api.add_router("/", "powerwith.people.api.wellness.router")
api.add_router("/", "powerwith.safe_to_work.api.router")
# Before the claims router: its /claims/{claim_id} would take /claims/time-from-attendance.
api.add_router("/", "powerwith.payments.api.time.router")
api.add_router("/", "powerwith.workflows.api.claims.router")
api.add_router("/", "powerwith.payments.api.router")
api.add_router("/", "powerwith.payments.api.choices.router")
api.add_router("/", "powerwith.payments.api.mileage.router")
api.add_router("/", "powerwith.payments.api.statement.router")
api.add_router("/", "powerwith.payments.api.benefits.router")
api.add_router("/", "powerwith.payments.api.routes.router")
api.add_router("/", "powerwith.payments.api.batches.router")
api.add_router("/", "powerwith.evaluation.api.router")
api.add_router("/", "powerwith.workflows.api.feedback.router")
api.add_router("/", "powerwith.reports.api.router")
api.add_router("/", "powerwith.evaluation.api.reviews.router")
api.add_router("/", "powerwith.evaluation.api.readiness.router")
api.add_router("/", "powerwith.reports.api.dashboard.router")
api.add_router("/", "powerwith.outcomes.api.router")
api.add_router("/", "powerwith.reports.api.training.router")
api.add_router("/", "powerwith.privacy.api.router")
api.add_router("/", "powerwith.learning.api.router")
api.add_router("/", "powerwith.learning.api.network.router")

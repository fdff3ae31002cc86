"""Project-wide middleware."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse

from powerwith import metrics
from powerwith.logs import REQUEST_ID_HEADER, current_request_id, request_id_from

API_PREFIX = "/api/"
request_log = logging.getLogger("powerwith.requests")


def route_of(request: HttpRequest) -> str:
    """The pattern of the route that answered (``/api/v1/people/<person_id>``), never the
    URL asked for: a path can hold an id or a one-time token."""
    match = request.resolver_match
    return ("/" + match.route) if match is not None else metrics.UNMATCHED


def observe_requests(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """First of all: give the request its id (``X-Request-ID``, sent back), then, once it
    is answered, count it for ``/api/v1/metrics`` and write one line about it. The line
    and the count name the route's pattern, never the URL asked for."""

    def middleware(request: HttpRequest) -> HttpResponse:
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = get_response(request)
            seconds = time.perf_counter() - started
            route = route_of(request)
            method = request.method or "GET"
            metrics.observe(route, method, response.status_code, seconds)
            request_log.info(
                "%s %s %s",
                method,
                route,
                response.status_code,
                extra={
                    "method": method,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            response[REQUEST_ID_HEADER] = request_id
            return response
        finally:
            current_request_id.reset(token)

    return middleware


def json_errors_for_api(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Whatever answers an API path with an error (a 405 from the router, a 413 from
    Django), the client gets JSON ``{"detail": ...}``, never an HTML page."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if (
            request.path.startswith(API_PREFIX)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            status = HTTPStatus(response.status_code)
            converted = JsonResponse({"detail": f"{status.phrase}."}, status=status)
            if response.has_header("Allow"):
                converted["Allow"] = response["Allow"]
            return converted
        return response

    return middleware


NUL = "\x00"
NUL_REFUSED = "A NUL character (\\u0000) cannot be stored in any text. Remove it and send again."


def holds_nul(value: object) -> bool:
    """Whether a NUL character is anywhere in ``value`` (text, or JSON's dicts and lists)."""
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_nul(v) for v in value)
    return False


def refuse_hostile_input(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Input no text field can hold, refused before any view reads it: on a page, a NUL
    character anywhere in the query string (no database column takes it; PostgreSQL fails
    on it), and a body to the API over the upload limit (413; the operations read every
    body but a file upload as JSON). Form fields need nothing here: Django's form fields
    refuse NUL with the form's own error summary. The API refuses NUL in its query strings
    and JSON bodies once the token is checked (powerwith.api.refuse_nul), so a request
    without one is still told so first."""

    def middleware(request: HttpRequest) -> HttpResponse:
        is_api = request.path.startswith(API_PREFIX)
        if not is_api and any(holds_nul(k) or holds_nul(v) for k, v in request.GET.lists()):
            return HttpResponse(
                NUL_REFUSED, status=HTTPStatus.BAD_REQUEST, content_type="text/plain"
            )
        if is_api and request.content_type != "multipart/form-data":
            try:
                request.body  # noqa: B018 (read now, so its size is checked here)
            except RequestDataTooBig:
                limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024):.1f}"
                return JsonResponse(
                    {"detail": f"The request body is too large: at most {limit} MB."},
                    status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                )
        return get_response(request)

    return middleware

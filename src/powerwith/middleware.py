"""Project-wide middleware."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse

API_PREFIX = "/api/"


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

from collections.abc import Sequence
from importlib import import_module

from django.urls import URLPattern, URLResolver, include, path

from powerwith import views
from powerwith.api import api

PARTS = [
    "accounts",
    "people",
    "opportunities",
    "safe_to_work",
    "offers",
    "consent",
    "engagements",
    "inbox",
    "messaging",
    "payments",
    "evaluation",
    "reports",
    "outcomes",
    "privacy",
    "learning",
    "workflows",
]
# Pages a higher part serves under a lower part's name and paths, in its urls' SERVED_FOR
# (docs/adr/011-layers-and-layout.md): the lower part's urls cannot import them without
# climbing a layer.
SERVED_BY_HIGHER_PARTS = [
    getattr(import_module(f"powerwith.{app}.urls"), "SERVED_FOR", {}) for app in PARTS
]


def part(app: str) -> tuple[Sequence[URLResolver | URLPattern], str | None, str | None]:
    """The app's own pages, then those a higher part serves in its namespace."""
    own = import_module(f"powerwith.{app}.urls")
    served = [page for higher in SERVED_BY_HIGHER_PARTS for page in higher.get(app, [])]
    patterns: list[URLPattern | URLResolver] = [*own.urlpatterns, *served]
    return include((patterns, own.app_name))


urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("", part("accounts")),
    path("", part("people")),
    path("", part("opportunities")),
    path("", part("safe_to_work")),
    path("", part("offers")),
    path("", part("consent")),
    path("", part("engagements")),
    path("", part("inbox")),
    path("", part("messaging")),
    path("", part("payments")),
    path("", part("evaluation")),
    path("", part("reports")),
    path("", part("outcomes")),
    path("", part("privacy")),
    path("", part("learning")),
    path("api/v1/", api.urls),
]

handler400 = "powerwith.views.bad_request"
handler403 = "powerwith.views.permission_denied"
handler404 = "powerwith.views.page_not_found"
handler500 = "powerwith.views.server_error"

"""Pages served here under a lower part's namespace and paths: `SERVED_FOR` maps the
namespace to its pages, and the project's `urls` adds them to that part's own, so every
URL, name and `{% url %}` stays as it was while the lower part imports nothing above it."""

from __future__ import annotations

from django.urls import URLPattern, path

from powerwith.workflows.views import checks, organisation_settings

SERVED_FOR: dict[str, list[URLPattern]] = {
    "accounts": [
        path(
            "organisation/settings/",
            organisation_settings.organisation_settings,
            name="organisation_settings",
        ),
    ],
    "safe_to_work": [
        path("my-profile/checks/", checks.my_checks, name="my_checks"),
    ],
}

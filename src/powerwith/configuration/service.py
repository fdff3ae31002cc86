"""How the service behaves: API token rates, links in messages, how long figures are
kept, and the page a refused form answers."""

import os

from powerwith.configuration.environment import env_bool

# Requests per minute one API token may make (powerwith.api.TokenRateThrottle).
API_TOKEN_RATE_PER_MINUTE = int(os.environ.get("API_TOKEN_RATE_PER_MINUTE") or "600")

POWERWITH_TOKEN_PREFIX = "pw"  # noqa: S105 (a label, not a secret)
# Where links in messages point. The demo serves on PORT, and its links follow it.
SITE_URL = os.environ.get(
    "SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
).rstrip("/")

# The network benchmarks show a figure of the network only when at least this many
# organisations contribute to it, so no organisation's figure can be worked out.
NETWORK_BENCHMARK_THRESHOLD = max(2, int(os.environ.get("NETWORK_BENCHMARK_THRESHOLD") or "5"))

# How long the organisation dashboard's figures are kept before they are worked out again
# (they cover every opportunity's scorecard). The tests work them out every time.
DASHBOARD_CACHE_SECONDS = int(
    os.environ.get("DASHBOARD_CACHE_SECONDS") or ("0" if env_bool("POWERWITH_TESTING") else "300")
)
# How long a count of the register is kept at most (people/queries/counts.py); any change
# to a person, a link or an experience entry starts afresh at once. The tests count every
# time, except those about the kept counts.
REGISTER_COUNT_SECONDS = int(
    os.environ.get("REGISTER_COUNT_SECONDS") or ("0" if env_bool("POWERWITH_TESTING") else "300")
)
CSRF_FAILURE_VIEW = "powerwith.views.csrf_failure"

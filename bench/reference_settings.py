"""The product's settings for the benchmark's server, with the reference views mounted
beside the product's pages (bench/reference_views.py)."""

from powerwith.settings import *  # noqa: F403

ROOT_URLCONF = "bench.reference_views"

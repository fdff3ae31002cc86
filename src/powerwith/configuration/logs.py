"""Logs, to standard error."""

import os

from django.core.exceptions import ImproperlyConfigured

from powerwith.configuration.base import LOCAL

# Logs go to standard error: JSON lines with the request's id in production
# (powerwith.logs), plain text on a developer's machine and in the demo.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if LOCAL else "json").strip().lower()
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT is json (JSON lines) or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "powerwith.logs.RequestId"}},
    "formatters": {
        "json": {"()": "powerwith.logs.JsonLines"},
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "weasyprint.progress": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

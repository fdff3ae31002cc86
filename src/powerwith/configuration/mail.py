"""E-mail, and messages to people by the channel they chose."""

import os

import dj_email_url

from powerwith.configuration.base import LOCAL

_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console:"))
_email_options = {
    option: _email[key]
    for option, key in [
        ("host", "EMAIL_HOST"),
        ("port", "EMAIL_PORT"),
        ("username", "EMAIL_HOST_USER"),
        ("password", "EMAIL_HOST_PASSWORD"),
        ("use_tls", "EMAIL_USE_TLS"),
        ("use_ssl", "EMAIL_USE_SSL"),
        ("timeout", "EMAIL_TIMEOUT"),
        ("file_path", "EMAIL_FILE_PATH"),
    ]
    if _email.get(key)
}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
# Messages to people (powerwith.messaging.backends): GOV.UK Notify when a key is set, the
# local outbox in the demo, Django's e-mail otherwise.
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_EMAIL_TEMPLATE_ID = os.environ.get("NOTIFY_EMAIL_TEMPLATE_ID", "")
NOTIFY_TEXT_TEMPLATE_ID = os.environ.get("NOTIFY_TEXT_TEMPLATE_ID", "")
# The bearer token Notify sends with its delivery receipts (set in Notify's callback
# settings); without it the receipts address answers 404.
NOTIFY_CALLBACK_TOKEN = os.environ.get("NOTIFY_CALLBACK_TOKEN", "")
MESSAGES_BACKEND = os.environ.get("MESSAGES_BACKEND") or (
    "notify" if NOTIFY_API_KEY else "local" if LOCAL else "django"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "powerwith <no-reply@localhost>")

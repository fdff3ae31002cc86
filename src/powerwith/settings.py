"""Settings for powerwith, read from the environment and nowhere else.

Defaults suit a developer's machine and the demo: SQLite under ``var/``, e-mail printed
to the console. Production sets ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``DATABASE_URL``
and leaves ``DEBUG`` off; the secure defaults below then pass ``check --deploy``.
"""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("POWERWITH_VAR_DIR", Path.cwd() / "var")).resolve()

DEBUG = env_bool("DEBUG")
# The local demo (``powerwith demo``, and the CLI beside it): plain HTTP on this machine,
# fixed local keys, but the designed error pages. Django's debug pages only with DEBUG=1.
DEMO = env_bool("POWERWITH_DEMO")
LOCAL = DEBUG or DEMO

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not LOCAL and not env_bool("POWERWITH_TESTING"):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (50 or more random "
            "characters), or run the local demo with `powerwith demo`."
        )
    # secrets-check: allow (a fallback for the local demo and the tests only, never production)
    SECRET_KEY = "insecure-local-only-key-never-use-in-production-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if LOCAL else "")
if env_bool("POWERWITH_TESTING"):
    ALLOWED_HOSTS += ["testserver", "127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.forms",
    "powerwith.accounts",
    "powerwith.people",
    "powerwith.inbox",
    "powerwith.messaging",
    "powerwith.opportunities",
    "powerwith.safe_to_work",
    "powerwith.offers",
    "powerwith.engagements",
    "powerwith.consent",
    "powerwith.payments",
    "powerwith.evaluation",
    "powerwith.reports",
    "powerwith.outcomes",
    "powerwith.privacy",
    "powerwith.learning",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "powerwith.middleware.observe_requests",
    "django.middleware.security.SecurityMiddleware",
    "powerwith.middleware.json_errors_for_api",
    "powerwith.middleware.refuse_hostile_input",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "powerwith.accounts.middleware.no_store_when_signed_in",
    "django.contrib.messages.middleware.MessageMiddleware",
    "powerwith.accounts.middleware.session_limits",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "powerwith.accounts.middleware.current_membership",
    "powerwith.accounts.middleware.SecondFactorRequired",
    # Last, so that a locked-out login answers the kind 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "powerwith.urls"
WSGI_APPLICATION = "powerwith.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "powerwith.accounts.context_processors.membership",
            ],
            # ``clock``: every time of day is written one way (powerwith/times.py).
            "builtins": ["django.templatetags.static", "powerwith.core.times"],
        },
    }
]
FORM_RENDERER = "powerwith.core.forms.GovukFormRenderer"

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'powerwith.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while one writer commits; IMMEDIATE transactions take
    # the write lock up front so concurrent writers queue instead of failing. FULL syncs
    # the WAL at every commit, so a power cut cannot lose an acknowledged consent event.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "powerwith.accounts.throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"  # uploads (receipts), served only through views that check access
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

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

# Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after
# the login, whichever comes first (powerwith.accounts.middleware.session_limits).
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES") or "30")
SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS") or "12")
SESSION_COOKIE_AGE = 60 * 60 * SESSION_MAX_HOURS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Served over plain HTTP only on a developer's machine (the demo); everywhere else HTTPS.
HTTPS = env_bool("HTTPS", default=not LOCAL)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# "__Host-" cookies are only accepted by browsers when Secure, on Path=/ and with no
# Domain: no sibling subdomain can plant or read them.
if HTTPS:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

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


def cache_from_url(url: str) -> dict[str, object]:
    """The default cache, from ``CACHE_URL``.

    Unset (or ``db://``): Django's database cache, a table in the product's own database
    (``powerwith_cache``, made by ``migrate``), so every worker of every app server shares
    rate limits, the dashboard's figures and the register's counts with no other service.
    ``redis://…`` (or ``rediss://``, ``unix://``): Django's own Redis backend, for large
    sites. ``locmem://`` keeps it in each process, which only suits one process."""
    if not url or url == "db://":
        return {
            "BACKEND": "powerwith.core.cache.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4},
        }
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "powerwith"}
    raise ImproperlyConfigured(
        "CACHE_URL is not one powerwith knows: leave it unset (the database), or set "
        "redis://host:6379/0 (Redis) or locmem:// (one process only)."
    )


CACHE_TABLE = "powerwith_cache"
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "").strip())}
# A worker that has not written its heartbeat into the cache for this long is reported
# as late by GET /api/v1/health (it writes one every WORKER_HEARTBEAT_SECONDS).
WORKER_HEARTBEAT_SECONDS = int(os.environ.get("WORKER_HEARTBEAT_SECONDS") or "30")

# Login throttling (django-axes; see docs/adr/006-login-security.md). Failures count per
# e-mail address and address together (AXES_FAILURE_LIMIT), and per address alone with
# a higher limit (LOGIN_FAILURES_PER_ADDRESS), for AXES_COOLOFF_TIME after the last one.
AXES_HANDLER = "powerwith.accounts.throttle.LoginThrottle"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT") or "5")
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGIN_FAILURES_PER_ADDRESS") or "30")
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES") or "15"))
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "powerwith.accounts.throttle.username_of"
AXES_LOCKOUT_CALLABLE = "powerwith.accounts.throttle.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # our own UserSession keeps who logged in, from where
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "powerwith.accounts.throttle.client_address"
BEHIND_PROXY = env_bool("BEHIND_PROXY")

# A second factor (TOTP, with recovery codes) for every staff role. On by default; off
# for the local demo and the test suite, whose own tests switch it on.
SECOND_FACTOR_REQUIRED = env_bool(
    "SECOND_FACTOR_REQUIRED", default=not LOCAL and not env_bool("POWERWITH_TESTING")
)
OTP_TOTP_ISSUER = "powerwith"
OTP_TOTP_THROTTLE_FACTOR = 1

# Requests per minute one API token may make (powerwith.api.TokenRateThrottle).
API_TOKEN_RATE_PER_MINUTE = int(os.environ.get("API_TOKEN_RATE_PER_MINUTE") or "600")

# Keys of the encrypted special-category fields (powerwith.core.encryption, docs/adr/
# 007-field-encryption.md): Fernet keys, comma-separated; the first encrypts, every one
# decrypts. Rotate by putting a new key first, running `powerwith manage rotate_keys`,
# then removing the old one. Without keys only the local demo and the tests start, with
# a fixed key made here (never a production key: anyone can compute it).
FIELD_ENCRYPTION_KEYS = env_list("POWERWITH_FIELD_KEYS")
if not FIELD_ENCRYPTION_KEYS:
    if not LOCAL and not env_bool("POWERWITH_TESTING"):
        raise ImproperlyConfigured(
            "POWERWITH_FIELD_KEYS is not set. Set it to one or more Fernet keys, "
            "comma-separated (make one with: python -c 'from cryptography.fernet import "
            "Fernet; print(Fernet.generate_key().decode())'), "
            "or run the local demo with `powerwith demo`."
        )
    FIELD_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(
            hashlib.sha256(b"powerwith local demo and tests").digest()
        ).decode()
    ]
for _key in FIELD_ENCRYPTION_KEYS:
    try:
        Fernet(_key)
    except ValueError:
        raise ImproperlyConfigured(
            "A key in POWERWITH_FIELD_KEYS is not a Fernet key (32 bytes, URL-safe base64)."
        ) from None

# Keys that seal each consent event and sign the ledger's checkpoints (powerwith.consent.
# ledger, docs/adr/018-anchored-ledger.md): ``id:secret`` pairs, comma-separated; the first
# seals, every one verifies, and each event keeps its key's id, so a new key goes in front
# and an old one stays for as long as its events must verify. Without keys only the local
# demo and the tests start, with a fixed key made here (anyone can compute it).
LEDGER_KEYS = env_list("POWERWITH_LEDGER_KEYS")
if not LEDGER_KEYS:
    if not LOCAL and not env_bool("POWERWITH_TESTING"):
        raise ImproperlyConfigured(
            "POWERWITH_LEDGER_KEYS is not set. Set it to one or more id:secret pairs, "
            "comma-separated (make a secret with: python -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'), or run the local demo with `powerwith demo`."
        )
    LEDGER_KEYS = ["demo:" + hashlib.sha256(b"powerwith local ledger key").hexdigest()]
for _pair in LEDGER_KEYS:
    _id, _, _secret = _pair.partition(":")
    if not _id or len(_id) > 32 or len(_secret) < 32:
        raise ImproperlyConfigured(
            "A key in POWERWITH_LEDGER_KEYS is not an id:secret pair with an id of at most "
            "32 characters and a secret of 32 characters or more."
        )
# Where the signed checkpoints of the ledger's head are written: a directory the database
# cannot rewrite (on another disk or a write-once mount in production), never rewritten.
LEDGER_CHECKPOINT_DIR = Path(
    os.environ.get("POWERWITH_LEDGER_CHECKPOINT_DIR") or VAR_DIR / "ledger-checkpoints"
)

# The bearer token that opens GET /api/v1/metrics to a Prometheus scraper; unset, the
# endpoint answers 404 (docs/adr/019-operable.md).
METRICS_TOKEN = os.environ.get("POWERWITH_METRICS_TOKEN", "").strip()
if METRICS_TOKEN and len(METRICS_TOKEN) < 32:
    raise ImproperlyConfigured(
        "POWERWITH_METRICS_TOKEN is too short: use 32 characters or more (python -c "
        "'import secrets; print(secrets.token_urlsafe(32))')."
    )

POWERWITH_TOKEN_PREFIX = "pw"  # noqa: S105 (a label, not a secret)
# Where links in messages point. The demo serves on PORT, and its links follow it.
SITE_URL = os.environ.get(
    "SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
).rstrip("/")

# How long the organisation dashboard's figures are kept before they are worked out again
# (they cover every opportunity's scorecard). The tests work them out every time.
# The network benchmarks show a figure of the network only when at least this many
# organisations contribute to it, so no organisation's figure can be worked out.
NETWORK_BENCHMARK_THRESHOLD = max(2, int(os.environ.get("NETWORK_BENCHMARK_THRESHOLD") or "5"))

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

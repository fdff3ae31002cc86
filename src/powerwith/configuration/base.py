"""Where the service runs from, whether it is the local demo, its secret key, and what it
is made of: the apps, the middleware and the templates."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from powerwith.configuration.environment import env_bool, env_list

# The package's own folder (this module is in powerwith/settings/).
PACKAGE_DIR = Path(__file__).resolve().parent.parent
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

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

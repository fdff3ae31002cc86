"""Who can log in and how: the user model, passwords, login throttling and the second
factor."""

import os
from datetime import timedelta

from powerwith.configuration.base import LOCAL
from powerwith.configuration.environment import env_bool

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

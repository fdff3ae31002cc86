"""Sessions, cookies, HTTPS and the content security policy."""

import os

from django.utils.csp import CSP

from powerwith.configuration.base import LOCAL
from powerwith.configuration.environment import env_bool, env_list

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

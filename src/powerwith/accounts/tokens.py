"""Secret tokens (API tokens and invitation links): shown once, stored as a hash.

Tokens carry 256 bits of randomness, so a plain SHA-256 is the right hash: a slow
password hash would add nothing against guessing and cost every API request.
"""

import hashlib
import hmac
import secrets

from django.conf import settings


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def matches(secret: str, expected_digest: str) -> bool:
    return hmac.compare_digest(digest(secret), expected_digest)


def new_api_token() -> tuple[str, str, str]:
    """Return ``(prefix, secret, full_token)``; the prefix finds the row, the secret proves it."""
    prefix = secrets.token_hex(6)
    secret = new_secret()
    return prefix, secret, f"{settings.POWERWITH_TOKEN_PREFIX}_{prefix}_{secret}"


def split_api_token(token: str) -> tuple[str, str] | None:
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != settings.POWERWITH_TOKEN_PREFIX:
        return None
    prefix, secret = parts[1], parts[2]
    if not prefix or not secret or len(prefix) > 16 or len(secret) > 100:
        return None
    return prefix, secret

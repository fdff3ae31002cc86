"""Test data for the every-page audit: logging in safely (second factor, sessions)."""

from __future__ import annotations

from typing import Any

from powerwith.accounts.models import UserSession
from tests.browser.page_values import PartCast

NOT_PAGES = {
    # The code page exists only for someone with an authenticator app who has given their
    # password; tests/browser/test_two_factor_pages.py audits it after a real login.
    "accounts:two_factor_verify": "the second login step, after the password",
}


def values(cast: PartCast) -> dict[str, Any]:
    user_session = UserSession.objects.create(
        user=cast.coordinator.user, session_key="every-page-audit", user_agent="Audit"
    )
    return {"user_session_id": user_session.pk}
